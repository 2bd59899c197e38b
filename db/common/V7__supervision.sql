-- Deadline alerts fired by the timers of deadline-watch.bpmn: one row per subject, kind and deadline
-- date. The unique key is the proof that no alert fires twice, whichever node runs the timer.
create table deadline_alert (
    id            bigint not null auto_increment primary key,
    subject_type  varchar(8)  not null,
    subject_id    bigint      not null,
    problem_id    bigint      not null,
    kind          varchar(12) not null,
    deadline_date date        not null,
    fired_at      datetime(6) not null,
    constraint uk_deadline_alert unique (subject_type, subject_id, kind, deadline_date),
    constraint fk_deadline_alert_problem foreign key (problem_id) references problem (id)
);
create index ix_deadline_alert_problem on deadline_alert (problem_id, id);

-- 督办单: supervision orders, issued automatically when a deadline is M working days past, or by the
-- office by hand. The target unit answers in writing; the office accepts or sends the answer back.
create table supervision_order (
    id                     bigint not null auto_increment primary key,
    number                 varchar(40),
    problem_id             bigint        not null,
    task_id                bigint,
    region_id              bigint        not null,
    target_unit_id         bigint        not null,
    escalated_to_id        bigint,
    automatic              boolean       not null,
    content                varchar(2000) not null,
    required_response_date date          not null,
    status                 varchar(12)   not null,
    issued_by              varchar(64)   not null,
    issued_at              datetime(6)   not null,
    response               varchar(4000),
    responded_by           varchar(64),
    responded_at           datetime(6),
    reviewed_by            varchar(64),
    reviewed_at            datetime(6),
    review_comment         varchar(2000),
    version                bigint default 0 not null,
    constraint uk_supervision_order_number unique (number),
    constraint fk_supervision_order_problem foreign key (problem_id) references problem (id),
    constraint fk_supervision_order_task foreign key (task_id) references rectification_task (id),
    constraint fk_supervision_order_unit foreign key (target_unit_id) references org_unit (id)
);
create index ix_supervision_order_problem on supervision_order (problem_id, id);
create index ix_supervision_order_status on supervision_order (status, region_id);
