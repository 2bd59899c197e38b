-- Rectify's own tables. Portable SQL: the same script runs on H2 and on MySQL/MariaDB.
-- Paths are materialised org-tree paths ('/1/4/17/'): a subtree is a prefix, so data scope
-- is an index range scan, not a recursive query.

create table org_unit (
    id          bigint not null auto_increment primary key,
    code        varchar(64)  not null,
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null,
    kind        varchar(16)  not null,
    parent_id   bigint,
    path        varchar(512) not null,
    region_id   bigint,
    active      boolean default true not null,
    version     bigint default 0 not null,
    constraint uk_org_unit_code unique (code),
    constraint fk_org_unit_parent foreign key (parent_id) references org_unit (id)
);
create index ix_org_unit_path on org_unit (path);

create table app_user (
    id            bigint not null auto_increment primary key,
    username      varchar(64)  not null,
    password_hash varchar(100) not null,
    display_name  varchar(100) not null,
    unit_id       bigint       not null,
    email         varchar(200),
    phone         varchar(40),
    enabled       boolean default true not null,
    version       bigint default 0 not null,
    constraint uk_app_user_username unique (username),
    constraint fk_app_user_unit foreign key (unit_id) references org_unit (id)
);

create table app_user_role (
    user_id bigint      not null,
    role    varchar(16) not null,
    primary key (user_id, role),
    constraint fk_app_user_role_user foreign key (user_id) references app_user (id)
);

-- Reference data, editable by ADMIN.
create table source_type (
    code       varchar(32)  not null primary key,
    name_zh    varchar(100) not null,
    name_en    varchar(100) not null,
    sort_order int          not null,
    active     boolean default true not null,
    version    bigint default 0 not null
);

create table problem_category (
    code       varchar(32)  not null primary key,
    name_zh    varchar(100) not null,
    name_en    varchar(100) not null,
    sort_order int          not null,
    active     boolean default true not null,
    version    bigint default 0 not null
);

create table inspection_round (
    id                   bigint not null auto_increment primary key,
    region_id            bigint       not null,
    region_path          varchar(512) not null,
    source_type          varchar(32)  not null,
    code                 varchar(64)  not null,
    name                 varchar(300) not null,
    inspecting_body      varchar(200),
    feedback_received_on date         not null,
    created_at           datetime(6)  not null,
    created_by           varchar(64)  not null,
    version              bigint default 0 not null,
    constraint uk_round_code unique (region_id, code),
    constraint fk_round_region foreign key (region_id) references org_unit (id),
    constraint fk_round_source foreign key (source_type) references source_type (code)
);
create index ix_round_region_path on inspection_round (region_path);

-- 问题清单: the problem list. Responsibility (责任清单) and deadline (时限清单) data of the problem live
-- here and in problem_unit; the task list (任务清单) is rectification_task.
create table problem (
    id                    bigint not null auto_increment primary key,
    round_id              bigint        not null,
    region_id             bigint        not null,
    region_path           varchar(512)  not null,
    number                varchar(32)   not null,
    title                 varchar(300)  not null,
    description           varchar(4000) not null,
    category_code         varchar(32),
    severity              varchar(16)   not null,
    rectification_goal    varchar(2000),
    status                varchar(24)   not null,
    lead_unit_id          bigint,
    responsible_leader_id bigint,
    unit_head_id          bigint,
    person_in_charge_id   bigint,
    deadline_type         varchar(16),
    deadline_date         date,
    registered_at         datetime(6)   not null,
    registered_by         varchar(64)   not null,
    closed_at             datetime(6),
    version               bigint default 0 not null,
    constraint uk_problem_number unique (round_id, number),
    constraint fk_problem_round foreign key (round_id) references inspection_round (id),
    constraint fk_problem_region foreign key (region_id) references org_unit (id),
    constraint fk_problem_category foreign key (category_code) references problem_category (code),
    constraint fk_problem_lead_unit foreign key (lead_unit_id) references org_unit (id),
    constraint fk_problem_leader foreign key (responsible_leader_id) references app_user (id),
    constraint fk_problem_unit_head foreign key (unit_head_id) references app_user (id),
    constraint fk_problem_person foreign key (person_in_charge_id) references app_user (id)
);
create index ix_problem_region_status on problem (region_path, status);
create index ix_problem_status on problem (status);

-- Lead (牵头) and co-responsible (配合) units of a problem. unit_path is copied from org_unit so that
-- "problems of my unit and the units below it" is one prefix range scan.
create table problem_unit (
    problem_id bigint       not null,
    unit_id    bigint       not null,
    unit_path  varchar(512) not null,
    role       varchar(8)   not null,
    primary key (problem_id, unit_id),
    constraint fk_problem_unit_problem foreign key (problem_id) references problem (id),
    constraint fk_problem_unit_unit foreign key (unit_id) references org_unit (id)
);
create index ix_problem_unit_path on problem_unit (unit_path, problem_id);

-- 任务清单: the rectification tasks (measures) a problem is broken into.
create table rectification_task (
    id                   bigint not null auto_increment primary key,
    problem_id           bigint        not null,
    seq                  int           not null,
    measure              varchar(2000) not null,
    completion_criterion varchar(2000) not null,
    unit_id              bigint        not null,
    deadline_type        varchar(16)   not null,
    deadline_date        date,
    report_cycle         varchar(16),
    next_report_due      date,
    status               varchar(24)   not null,
    progress_percent     int default 0 not null,
    created_at           datetime(6)   not null,
    created_by           varchar(64)   not null,
    signed_off_at        datetime(6),
    version              bigint default 0 not null,
    constraint uk_task_seq unique (problem_id, seq),
    constraint fk_task_problem foreign key (problem_id) references problem (id),
    constraint fk_task_unit foreign key (unit_id) references org_unit (id)
);
create index ix_task_status on rectification_task (status, deadline_date);

create table progress_report (
    id          bigint not null auto_increment primary key,
    task_id     bigint        not null,
    percent     int           not null,
    content     varchar(4000) not null,
    reported_by varchar(64)   not null,
    reported_at datetime(6)   not null,
    constraint fk_progress_task foreign key (task_id) references rectification_task (id)
);
create index ix_progress_task on progress_report (task_id, id);

create table sign_off_application (
    id             bigint not null auto_increment primary key,
    task_id        bigint        not null,
    problem_id     bigint        not null,
    statement      varchar(4000) not null,
    status         varchar(24)   not null,
    applied_by     varchar(64)   not null,
    applied_at     datetime(6)   not null,
    confirmed_by   varchar(64),
    confirmed_at   datetime(6),
    head_comment   varchar(2000),
    reviewed_by    varchar(64),
    reviewed_at    datetime(6),
    review_comment varchar(2000),
    version        bigint default 0 not null,
    constraint fk_sign_off_task foreign key (task_id) references rectification_task (id),
    constraint fk_sign_off_problem foreign key (problem_id) references problem (id)
);
create index ix_sign_off_task on sign_off_application (task_id, id);

-- 佐证材料: evidence metadata. The bytes are on disk, content-addressed by their SHA-256.
create table evidence (
    id                 bigint not null auto_increment primary key,
    task_id            bigint       not null,
    progress_report_id bigint,
    sign_off_id        bigint,
    file_name          varchar(255) not null,
    content_type       varchar(128) not null,
    size_bytes         bigint       not null,
    sha256             varchar(64)  not null,
    uploaded_by        varchar(64)  not null,
    uploaded_at        datetime(6)  not null,
    constraint fk_evidence_task foreign key (task_id) references rectification_task (id),
    constraint fk_evidence_progress foreign key (progress_report_id) references progress_report (id),
    constraint fk_evidence_sign_off foreign key (sign_off_id) references sign_off_application (id)
);
create index ix_evidence_task on evidence (task_id, id);

-- The audit trail. Rows are only ever inserted: no code path updates or deletes them.
create table audit_record (
    id           bigint not null auto_increment primary key,
    occurred_at  datetime(6)   not null,
    actor        varchar(64)   not null,
    actor_roles  varchar(120)  not null,
    actor_unit_id bigint,
    action       varchar(48)   not null,
    target_type  varchar(24)   not null,
    target_id    bigint,
    problem_id   bigint,
    before_state varchar(4000),
    after_state  varchar(4000),
    reason       varchar(2000)
);
create index ix_audit_problem on audit_record (problem_id, id);
create index ix_audit_target on audit_record (target_type, target_id, id);
create index ix_audit_actor on audit_record (actor, occurred_at);
