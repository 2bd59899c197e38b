-- 举一反三: a self-inspection problem (自查) registered for another unit after a problem found in one names
-- the problem it was registered after. The original lists its self-inspections through the index.
alter table problem add column origin_problem_id bigint;
create index ix_problem_origin on problem (origin_problem_id);
