-- When the last power action was sent to the device: the cooldown holds across processes and renames.
ALTER TABLE device ADD COLUMN last_power_action TIMESTAMP WITH TIME ZONE;
