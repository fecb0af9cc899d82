-- A store as an older build left it.
CREATE TABLE gadget (id BIGINT PRIMARY KEY);
