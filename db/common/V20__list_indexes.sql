-- The problem list at 100,000 problems (UiListBenchmark; plans checked with EXPLAIN on MariaDB 10.11).
-- Every page of the list runs a count and a sorted page of 20 within the reader's region.
--
-- In a county's (or a province's) database nearly every problem lies under the region's path, but
-- InnoDB caps a range estimate at half the table. With (region_path, status) MariaDB therefore read
-- the "region" range and sorted it in full for any page ordered by id: page 2000 sorted 100,000 rows
-- (280 ms). Without it the page is read in key order (35 ms); the region's counts are served by
-- (status, region_path), which holds both columns.
drop index ix_problem_region_status on problem;
-- Counts by status within the region, from the index alone.
create index ix_problem_status_region on problem (status, region_path);
-- Each sort key of the list, so that a page reads its 20 rows in index order (ties go by id, which
-- every secondary index ends with) instead of sorting the region: by number (the default), deadline
-- (also the deadline ranges of the three colours), registration; by deadline within a status.
create index ix_problem_number on problem (number);
create index ix_problem_deadline on problem (deadline_date);
create index ix_problem_registered on problem (registered_at);
create index ix_problem_status_deadline on problem (status, deadline_date);
