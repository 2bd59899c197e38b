-- Seals are append-only like the records they seal (V4).
create trigger audit_seal_no_update before update on audit_seal for each row
    signal sqlstate '45000' set message_text = 'audit seals are append-only';
create trigger audit_seal_no_delete before delete on audit_seal for each row
    signal sqlstate '45000' set message_text = 'audit seals are append-only';
