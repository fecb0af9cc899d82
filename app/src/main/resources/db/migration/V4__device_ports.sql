-- Ports for a device behind a NAT port forward or a simulator: NULL means AMT's own (16992/16993, KVM 16994/16995).
ALTER TABLE device ADD COLUMN wsman_port INT;
ALTER TABLE device ADD COLUMN kvm_port INT;
