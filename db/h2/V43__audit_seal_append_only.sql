-- Seals are append-only like the records they seal (V4).
create trigger audit_seal_no_update before update on audit_seal for each row
    call "org.rectify.audit.AppendOnlyTrigger";
create trigger audit_seal_no_delete before delete on audit_seal for each row
    call "org.rectify.audit.AppendOnlyTrigger";
