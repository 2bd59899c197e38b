-- The problem list filtered by a unit (where a dashboard's unit line leads) counted its matches by reading
-- every problem of the unit to test the caller's region: 19,319 primary-key look-ups into problem for a
-- busy department at 100,000 problems (80-140 ms). A problem's units lie within its region (triage
-- refuses others), and the region never changes, so each unit row now carries the problem's region and
-- that count is read from one index alone.
alter table problem_unit add column region_path varchar(512);
update problem_unit set region_path = (select p.region_path from problem p where p.id = problem_unit.problem_id);
create index ix_problem_unit_unit_region on problem_unit (unit_id, region_path, problem_id);
