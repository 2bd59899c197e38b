-- The audit trail is append-only, enforced by the database as well as by the code: an UPDATE or
-- DELETE of an audit record fails, whoever issues it.
create trigger audit_record_no_update before update on audit_record for each row
    call "org.rectify.audit.AppendOnlyTrigger";
create trigger audit_record_no_delete before delete on audit_record for each row
    call "org.rectify.audit.AppendOnlyTrigger";
