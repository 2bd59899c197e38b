-- The dashboard's figures of a past day (DashboardBenchmark on ScaleDataBenchmark's data, MariaDB 10.11).
-- A past moment reads the spans with valid_from < E and (valid_to is null or valid_to >= E). No index
-- served that within a region: ix_problem_history_current (valid_to, region_path) gives a range only for
-- "valid_to is null", so every past-day statement read all of problem_history (706,547 spans at 100,000
-- problems: 300-700 ms each, 27 statements per dashboard, 5.5 s for one county). With the region first,
-- a county's or a province's spans are one range and the validity test is read from the index.
create index ix_problem_history_region on problem_history (region_path, valid_from, valid_to);
-- The figures' look-ups per problem (extended, looked back at, relapsed, closed in the period) test a
-- status and a time: with both in the index they read no row.
create index ix_extension_problem_decided on extension_request (problem_id, status, decided_at);
create index ix_look_back_problem_verified on look_back_check (problem_id, status, verified_at);
create index ix_problem_history_closing_problem on problem_history (problem_id, closing, valid_from);
