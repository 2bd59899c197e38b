-- A round's feedback list imported from Excel: the file as uploaded (kept, so that the audit can show what
-- was imported), its checksum (the same file imported twice into a round imports once), and where it
-- stands. A preview is a row in PREVIEWED; the commit turns it IMPORTED in the transaction that registers
-- its problems, so a commit that fails or is cut short leaves the row PREVIEWED and nothing else.
create table feedback_import (
    id           bigint       not null auto_increment primary key,
    round_id     bigint       not null,
    region_path  varchar(512) not null,
    file_name    varchar(255) not null,
    file_sha256  varchar(64)  not null,
    file_size    bigint       not null,
    content      longblob     not null,
    status       varchar(16)  not null,
    problems     int          not null,
    tasks        int          not null,
    created_at   datetime(6)  not null,
    created_by   varchar(64)  not null,
    imported_at  datetime(6),
    imported_by  varchar(64),
    version      bigint default 0 not null,
    constraint fk_feedback_import_round foreign key (round_id) references inspection_round (id)
);
create index ix_feedback_import_file on feedback_import (round_id, file_sha256, status);
