-- The audit chain links records after their transactions commit (issue 11, audit.AuditChain): a record is
-- written with the SHA-256 of its canonical form as written (digest), in the same statement, and sealed into
-- the chain (audit_seal) by its node's linker a moment later. While it waits, the verifier checks it against
-- this digest; once sealed, against its seal's. Records written before it have none (they are sealed already,
-- or by the backfill of V42), as have those a loader writes in its own SQL and appends to the chain.
alter table audit_record add column digest char(64);
