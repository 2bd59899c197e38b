-- The weekly digest (每周简报) of every leader and office user: one row per user and week, the week
-- named by its Monday (China time). The row is inserted first, in the transaction that writes the
-- digest's notification, its email (mail_outbox) and its audit record, so the unique key is the proof
-- that nobody gets a week's digest twice, however many runs or nodes try at once: the loser's insert
-- fails, and its notification and email roll back with it.
create table weekly_digest (
    id         bigint not null auto_increment primary key,
    user_id    bigint      not null,
    week_start date        not null,
    sent_at    datetime(6) not null,
    constraint uk_weekly_digest unique (user_id, week_start),
    constraint fk_weekly_digest_user foreign key (user_id) references app_user (id)
);
