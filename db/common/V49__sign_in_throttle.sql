-- Sign-in throttling (issue 14), shared by every node: one row per account name tried and per source address
-- that has failed recently. subject is 'ACCOUNT:<name as typed, lower case>' or 'ADDRESS:<ip>'; the name need not
-- belong to an account (an unknown name is throttled exactly like a real one). failures counts the failures since
-- the row was last forgotten (an hour without one, by default); locked_until is set when failures reach the lock
-- threshold. A successful sign-in deletes the account's row; an ADMIN may delete any (audited SIGN_IN_UNLOCKED).
create table sign_in_throttle (
    subject         varchar(200) not null primary key,
    failures        int          not null,
    last_failure_at datetime(6)  not null,
    locked_until    datetime(6)
);
