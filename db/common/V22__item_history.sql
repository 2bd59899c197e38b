-- What the figures of a past day need (the dashboard's "as of" date): every state a problem and a task
-- has been in, as spans of time. A span is valid from valid_from (inclusive) to valid_to (exclusive; null
-- while it is the current state). The state at the end of day D (China time) is the span with
-- valid_from < E and (valid_to is null or valid_to >= E), E being the next midnight in China as UTC.
-- Rows are written by the application in the same transaction as the change (issue.ProblemHistory,
-- task.TaskHistory): a change closes the current span and opens the next one. Nothing else updates
-- them, so a past day's figure changes only if history itself is corrected.
create table problem_history (
    id                    bigint not null auto_increment primary key,
    problem_id            bigint       not null,
    valid_from            datetime(6)  not null,
    valid_to              datetime(6),
    round_id              bigint       not null,
    region_path           varchar(512) not null,
    lead_unit_id          bigint,
    category_code         varchar(32),
    severity              varchar(16)  not null,
    status                varchar(24)  not null,
    registered_at         datetime(6)  not null,
    deadline_type         varchar(16),
    deadline_date         date,
    -- closure (销号): its date in China, and whether this span is the one that began with it
    closed_on             date,
    closing               boolean default false not null,
    working_days_to_close int,
    relapse_count         int default 0 not null,
    constraint fk_problem_history_problem foreign key (problem_id) references problem (id)
);
create index ix_problem_history_problem on problem_history (problem_id, valid_to);
create index ix_problem_history_current on problem_history (valid_to, region_path);
create index ix_problem_history_closing on problem_history (closing, valid_from);

create table task_history (
    id            bigint not null auto_increment primary key,
    task_id       bigint      not null,
    problem_id    bigint      not null,
    valid_from    datetime(6) not null,
    valid_to      datetime(6),
    unit_id       bigint      not null,
    status        varchar(24) not null,
    deadline_type varchar(16) not null,
    deadline_date date,
    constraint fk_task_history_task foreign key (task_id) references rectification_task (id)
);
create index ix_task_history_task on task_history (task_id, valid_to);
create index ix_task_history_problem on task_history (problem_id, valid_to);

-- Problems and tasks that exist before this migration start their history in their present state, at
-- their registration (closure dates by the UTC calendar).
insert into problem_history (problem_id, valid_from, valid_to, round_id, region_path, lead_unit_id, category_code,
                             severity, status, registered_at, deadline_type, deadline_date, closed_on, closing, relapse_count)
select id, registered_at, null, round_id, region_path, lead_unit_id, category_code, severity, status, registered_at,
       deadline_type,
       deadline_date, cast(closed_at as date), false, relapse_count
from problem;

insert into task_history (task_id, problem_id, valid_from, valid_to, unit_id, status, deadline_type, deadline_date)
select id, problem_id, created_at, null, unit_id, status, deadline_type, deadline_date
from rectification_task;
