-- The rounds of a roll-up dashboard (see dashboard.Rollups#folds): a nation has 14,000 rounds, of which
-- it shows the 30 with the most problems. The problems per round are read from this index alone (no row
-- lookups), and the figures of the 30 chosen rounds by seeking their values.
create index ix_figure_rollup_rounds on figure_rollup (moment_id, level_depth, dim, dim_value, region_path,
                                                      anchor_path, f_problems);
