-- How many problems each region holds in each state, so that a region's problem list, unfiltered or
-- filtered by state alone, is counted without reading its problems (a county's 100,000 took 17-30 ms of
-- an index scan on every page of its list).
--
-- problem_tally: the counts, as of the last fold. problem_tally_change: what changed since, one row per
-- +1/-1, written by triggers on problem (db/{vendor}/V37), so that every writer is counted, the bulk
-- generators as well as the services, and a rolled-back change leaves nothing. A count is the tally's row
-- plus its changes, read in one statement. Writers only ever insert changes (no row every writer of a
-- region must lock), and ProblemTally.fold adds them into the tally now and then, one node at a time
-- (problem_tally_fold is its lock).
create table problem_tally (
    region_path varchar(512) not null,
    status      varchar(24)  not null,
    problems    bigint       not null,
    constraint pk_problem_tally primary key (region_path, status)
);

create table problem_tally_change (
    id          bigint       not null auto_increment primary key,
    region_path varchar(512) not null,
    status      varchar(24)  not null,
    delta       int          not null
);
create index ix_problem_tally_change on problem_tally_change (region_path, status, delta);

create table problem_tally_fold (
    id        int    not null primary key,
    folded_at bigint not null
);
insert into problem_tally_fold (id, folded_at) values (1, 0);

insert into problem_tally (region_path, status, problems)
    select region_path, status, count(*) from problem group by region_path, status;
