-- 回头看: closed problems are re-checked later; a relapse reopens the problem and is counted.
alter table problem add column relapse_count int default 0 not null;

create table look_back_check (
    id             bigint not null auto_increment primary key,
    problem_id     bigint        not null,
    round_id       bigint        not null,
    scheduled_for  date          not null,
    status         varchar(12)   not null,
    scheduled_by   varchar(64)   not null,
    scheduled_at   datetime(6)   not null,
    verified_by    varchar(64),
    verified_at    datetime(6),
    finding        varchar(2000),
    version        bigint default 0 not null,
    constraint fk_look_back_problem foreign key (problem_id) references problem (id),
    constraint fk_look_back_round foreign key (round_id) references inspection_round (id)
);
create index ix_look_back_problem on look_back_check (problem_id, id);
create index ix_look_back_status on look_back_check (status, scheduled_for);
