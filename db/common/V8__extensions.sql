-- 延期申请: a unit asks to move a task's deadline; its head confirms; the office decides.
create table extension_request (
    id                 bigint not null auto_increment primary key,
    task_id            bigint        not null,
    problem_id         bigint        not null,
    current_deadline   date          not null,
    requested_deadline date          not null,
    reason             varchar(2000) not null,
    status             varchar(12)   not null,
    requested_by       varchar(64)   not null,
    requested_at       datetime(6)   not null,
    confirmed_by       varchar(64),
    confirmed_at       datetime(6),
    head_comment       varchar(2000),
    decided_by         varchar(64),
    decided_at         datetime(6),
    decision_comment   varchar(2000),
    version            bigint default 0 not null,
    constraint fk_extension_task foreign key (task_id) references rectification_task (id),
    constraint fk_extension_problem foreign key (problem_id) references problem (id)
);
create index ix_extension_task on extension_request (task_id, id);

alter table evidence add column extension_id bigint;
alter table evidence add constraint fk_evidence_extension foreign key (extension_id) references extension_request (id);
