-- Roll-ups of the dashboard's figures for the regions above the county (city, province, nation), where
-- counting the spans live would read up to every problem of the country (at 1,000,000 problems a
-- province's dashboard took 12 s, the nation's minutes). A county's dashboard stays live.
--
-- figure_moment: one instant the figures were counted at. DAY: the end of a past day (China midnight),
-- built once after that midnight and never again, since past spans do not change. NOW: a recent instant,
-- rebuilt every few minutes; the dashboard says "as of HH:MM" and its drill-down links open the ledger as
-- of that same instant, so a number and its list agree even though the live state has moved on. The
-- unique (kind, slot) is the job lock: of several nodes that try to build one moment, one inserts it.
create table figure_moment (
    id         bigint      not null auto_increment primary key,
    kind       varchar(8)  not null,
    slot       varchar(32) not null,
    on_day     date        not null,
    taken_at   datetime(6) not null,
    claimed_at datetime(6) not null,
    ready      boolean     not null,
    constraint uk_figure_moment unique (kind, slot)
);

-- figure_rollup: every figure's count (FigureSql's conditions, counted at the moment) of the problems of
-- one region (region_path, cut to the level's depth) led by one unit (anchor: the lead unit, or its
-- ancestor at the level's depth; null: no lead unit yet), in total (dim ALL) and per value of SOURCE,
-- CATEGORY, SEVERITY and ROUND. Level L serves the dashboards of units at depth L - 1: their lines are
-- the anchors. The ALL rows carry the histogram of the working days to close ("days:count,...") for the
-- median. Period figures (f_new, f_closed_in_period) count the seven days ending at the moment.
create table figure_rollup (
    moment_id            bigint       not null,
    level_depth          int          not null,
    region_path          varchar(255) not null,
    anchor_id            bigint,
    anchor_path          varchar(255),
    dim                  varchar(8)   not null,
    dim_value            varchar(64)  not null,
    f_problems           bigint       not null,
    f_closed             bigint       not null,
    f_closed_on_time     bigint       not null,
    f_closed_extended    bigint       not null,
    f_closed_late        bigint       not null,
    f_open               bigint       not null,
    f_overdue            bigint       not null,
    f_yellow             bigint       not null,
    f_extended           bigint       not null,
    f_supervised         bigint       not null,
    f_looked_back        bigint       not null,
    f_relapsed           bigint       not null,
    f_self_found         bigint       not null,
    f_new                bigint       not null,
    f_closed_in_period   bigint       not null,
    f_tasks              bigint       not null,
    f_tasks_done         bigint       not null,
    f_tasks_overdue      bigint       not null,
    f_tasks_yellow       bigint       not null,
    f_tasks_extended     bigint       not null,
    days_sum             bigint       not null,
    histogram            text,
    constraint fk_figure_rollup_moment foreign key (moment_id) references figure_moment (id) on delete cascade
);
create index ix_figure_rollup_read on figure_rollup (moment_id, level_depth, dim, region_path);
