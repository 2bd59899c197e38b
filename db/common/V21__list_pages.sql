-- A page of the problem list is read in two steps (ProblemListQueriesImpl): the ids of the page, in
-- order, then the rows of those ids. For the first step to read a page in index order and skip a deep
-- page's offset inside the index, each sort key's index holds the sort key, then id (the tie-breaker:
-- the list sorts by "key, id"), then region_path, the filter every reader has. With region_path before
-- id the index no longer gives "key, id" order and MariaDB sorted all 100,000 ids for every page.
-- Page 2000 of 100,000 problems then skips 39,980 index entries instead of reading 40,000 rows
-- (UiListBenchmark, MariaDB 10.11).
drop index ix_problem_number on problem;
drop index ix_problem_deadline on problem;
drop index ix_problem_registered on problem;
drop index ix_problem_status_deadline on problem;
create index ix_problem_number_page on problem (number, id, region_path);
create index ix_problem_deadline_page on problem (deadline_date, id, region_path);
create index ix_problem_registered_page on problem (registered_at, id, region_path);
create index ix_problem_status_deadline_page on problem (status, deadline_date, id, region_path);
-- The colour filter: each colour is a deadline type with a range of deadline dates, unfinished; the
-- count reads this index alone.
create index ix_problem_colour on problem (deadline_type, deadline_date, status, region_path);
