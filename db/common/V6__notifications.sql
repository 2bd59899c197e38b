-- In-app notifications, kept as they were worded when sent (Chinese and English), and the
-- transactional outbox for their emails: a notification and its email are written in the
-- transaction of the change that caused them; a sender delivers each outbox row once.
create table notification (
    id           bigint not null auto_increment primary key,
    recipient_id bigint        not null,
    kind         varchar(40)   not null,
    problem_id   bigint,
    task_id      bigint,
    title_zh     varchar(300)  not null,
    title_en     varchar(300)  not null,
    body_zh      varchar(2000) not null,
    body_en      varchar(2000) not null,
    created_at   datetime(6)   not null,
    read_at      datetime(6),
    constraint fk_notification_recipient foreign key (recipient_id) references app_user (id)
);
create index ix_notification_recipient on notification (recipient_id, read_at, id);

create table mail_outbox (
    id              bigint not null auto_increment primary key,
    notification_id bigint        not null,
    recipient       varchar(200)  not null,
    subject         varchar(600)  not null,
    body            varchar(4000) not null,
    status          varchar(12)   not null,
    attempts        int default 0 not null,
    next_attempt_at datetime(6)   not null,
    claimed_until   datetime(6),
    last_error      varchar(500),
    created_at      datetime(6)   not null,
    sent_at         datetime(6),
    constraint uk_mail_outbox_notification unique (notification_id),
    constraint fk_mail_outbox_notification foreign key (notification_id) references notification (id)
);
create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);
