-- Notifications to group robots of WeCom (企业微信) and DingTalk (钉钉), configured by ADMIN per unit or per
-- user, and the transactional outbox of their messages: a message is written in the transaction of the
-- notification it carries and delivered once by a sender that claims it first (as mail_outbox, V6).
create table messenger_channel (
    id         bigint not null auto_increment primary key,
    name       varchar(100) not null,
    kind       varchar(20)  not null,
    unit_id    bigint,
    user_id    bigint,
    -- the robot's key (WeCom) or access_token (DingTalk) and DingTalk's signing secret (加签): never shown
    token      varchar(300) not null,
    secret     varchar(300),
    enabled    boolean default true not null,
    created_at datetime(6)  not null,
    updated_at datetime(6)  not null,
    version    bigint       not null,
    constraint ck_messenger_channel_owner check ((unit_id is null and user_id is not null)
                                              or (unit_id is not null and user_id is null)),
    constraint fk_messenger_channel_unit foreign key (unit_id) references org_unit (id),
    constraint fk_messenger_channel_user foreign key (user_id) references app_user (id)
);
create index ix_messenger_channel_unit on messenger_channel (unit_id);
create index ix_messenger_channel_user on messenger_channel (user_id);

-- message_key names what is sent: "n<notification id>" for a user's own channel; for a unit's group robot
-- the notification of the first of the unit's recipients of one event, so that the group hears it once.
create table messenger_outbox (
    id              bigint not null auto_increment primary key,
    channel_id      bigint        not null,
    message_key     varchar(60)   not null,
    notification_id bigint,
    problem_id      bigint,
    title           varchar(300)  not null,
    body            varchar(6000) not null,
    status          varchar(12)   not null,
    attempts        int default 0 not null,
    next_attempt_at datetime(6)   not null,
    claimed_until   datetime(6),
    last_error      varchar(500),
    created_at      datetime(6)   not null,
    sent_at         datetime(6),
    constraint uk_messenger_outbox_message unique (channel_id, message_key),
    constraint fk_messenger_outbox_channel foreign key (channel_id) references messenger_channel (id)
);
create index ix_messenger_outbox_due on messenger_outbox (status, next_attempt_at);
