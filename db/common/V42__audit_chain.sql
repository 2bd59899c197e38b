-- The audit trail as a hash chain (issue 11). Every audit record gets a seal when its transaction commits:
-- a sequence number (1, 2, 3 ... with no gap), the SHA-256 of the record's canonical form (digest), the
-- previous seal's hash, and its own hash over both (see audit.AuditChain for the exact bytes). The seals
-- are written under a lock on the one row of audit_chain_head, so that several nodes keep one chain: no
-- fork, no gap, no number twice. Records written before this migration are sealed when a node starts.
create table audit_seal (
    seq       bigint   not null primary key,
    record_id bigint   not null,
    digest    char(64) not null,
    prev_hash char(64) not null,
    hash      char(64) not null,
    constraint uk_audit_seal_record unique (record_id)
);

-- The chain's last seal; locked by whoever appends. backfill_from..backfill_to: the records written before
-- this migration that are still to be sealed (in id order, by the first node that starts; none when from > to).
-- No record written after it is ever sealed later: a record without a seal is one that did not come through
-- the trail, and the verifier says so.
create table audit_chain_head (
    id            int      not null primary key,
    seq           bigint   not null,
    hash          char(64) not null,
    backfill_from bigint   not null,
    backfill_to   bigint   not null
);
insert into audit_chain_head (id, seq, hash, backfill_from, backfill_to)
    select 1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 1, coalesce(max(id), 0)
    from audit_record;
