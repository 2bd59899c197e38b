-- Notifications people keep reading (issue 12).
--
-- notification: a row may stand for several notices of one kind about one problem, folded together while
-- it is unread (notices counts them; last_at is when the latest arrived, which orders the list); needs_action
-- marks kinds that ask the recipient to do something, listed first; held_for_digest marks a row whose email
-- and messages wait for the recipient's daily digest instead of going out at once.
alter table notification add column notices int default 1 not null;
alter table notification add column last_at datetime(6);
alter table notification add column fold_key varchar(80);
alter table notification add column needs_action boolean default false not null;
alter table notification add column held_for_digest boolean default false not null;
update notification set last_at = created_at;
update notification set fold_key = concat(kind, ':', problem_id) where problem_id is not null;
update notification set needs_action = true
 where kind in ('PROBLEM_ASSIGNED', 'PROBLEM_RETURNED', 'PLAN_SUBMITTED', 'PLAN_SENT_BACK', 'TASKS_STARTED',
                'CLOSURE_REQUESTED', 'CLOSURE_SENT_BACK', 'PROBLEM_REOPENED', 'SIGN_OFF_APPLIED',
                'SIGN_OFF_CONFIRMED', 'SIGN_OFF_RETURNED', 'SIGN_OFF_REJECTED', 'EXTENSION_REQUESTED',
                'EXTENSION_CONFIRMED', 'SUPERVISION_ORDER', 'ORDER_ANSWERED', 'ORDER_SENT_BACK', 'DEADLINE_OVERDUE',
                'NUDGE');
create index ix_notification_fold on notification (recipient_id, fold_key, read_at);
create index ix_notification_held on notification (held_for_digest, recipient_id, id);

-- One event told once to each of its recipients, however many subjects announce it (a problem and its only
-- task reaching the same deadline warn once): the first notice of an event claims (recipient, event).
create table notification_event (
    recipient_id    bigint       not null,
    event_key       varchar(120) not null,
    notification_id bigint       not null,
    constraint pk_notification_event primary key (recipient_id, event_key),
    constraint fk_notification_event_notification foreign key (notification_id) references notification (id)
);

-- What a user wants to hear of, where, and when: the notice groups they turned off (comma-separated), the
-- channels beyond the bell (EMAIL, WECOM, DINGTALK), and the hour (China time, working days) of their daily
-- digest, or null to be told at once. A user without a row hears everything, by email, at once.
create table notification_preference (
    user_id       bigint       not null primary key,
    muted_groups  varchar(200) default '' not null,
    channels      varchar(100) not null,
    digest_hour   int,
    updated_at    datetime(6)  not null,
    constraint fk_notification_preference_user foreign key (user_id) references app_user (id)
);

-- Who has had which day's digest: claimed by insert in the transaction that writes it, so it goes out once.
create table daily_digest (
    id         bigint not null auto_increment primary key,
    user_id    bigint      not null,
    digest_day date        not null,
    notices    int         not null,
    sent_at    datetime(6) not null,
    constraint uk_daily_digest unique (user_id, digest_day),
    constraint fk_daily_digest_user foreign key (user_id) references app_user (id)
);
