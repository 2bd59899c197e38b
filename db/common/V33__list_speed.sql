-- The problem list's colour filter at 100,000 problems (UiListBenchmark; plans checked with EXPLAIN on
-- MariaDB 10.11). A colour is "unfinished, and a deadline type with a range of deadline dates". Through
-- ix_problem_colour (deadline_type, deadline_date, status, region_path) MariaDB scanned the whole index
-- for each count (100,000 entries, of which 19,279 red). With the unfinished states named first
-- (ProblemSpecs.coloured: status in (...)), this index gives one range per state and deadline type and
-- the count reads the colour's rows alone (56 ms against 16-27 ms under the same load).
create index ix_problem_open_colour on problem (status, deadline_type, deadline_date, region_path);
