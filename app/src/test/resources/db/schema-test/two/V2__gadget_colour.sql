-- What a newer build adds.
ALTER TABLE gadget ADD COLUMN colour VARCHAR(20);
