-- A page of the problem list is read in two steps (ProblemListQueriesImpl): the ids of the page, in
-- order, then the rows of those ids. For the first step to skip a deep page's offset inside an index,
-- each sort key's index also holds region_path, the filter every reader has; an index ends with the
-- primary key, which breaks ties. Page 2000 of 100,000 problems then skips 39,980 index entries instead
-- of reading 40,000 rows (UiListBenchmark, MariaDB 10.11).
drop index ix_problem_number on problem;
drop index ix_problem_deadline on problem;
drop index ix_problem_registered on problem;
drop index ix_problem_status_deadline on problem;
create index ix_problem_number_region on problem (number, region_path);
create index ix_problem_deadline_region on problem (deadline_date, region_path);
create index ix_problem_registered_region on problem (registered_at, region_path);
create index ix_problem_status_deadline_region on problem (status, deadline_date, region_path);
-- The colour filter: each colour is a deadline type with a range of deadline dates, unfinished; the
-- count reads this index alone.
create index ix_problem_colour on problem (deadline_type, deadline_date, status, region_path);
