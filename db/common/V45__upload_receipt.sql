-- An upload sent again is recorded once (issue 12). A page's upload form carries a key of its own; a phone on a
-- flaky connection may send it again when the answer did not come back, and the second request finds the
-- receipt the first one wrote in the transaction that recorded it (web.UploadReceipts).
create table upload_receipt (
    username    varchar(100) not null,
    upload_key  varchar(64)  not null,
    received_at timestamp    not null,
    constraint pk_upload_receipt primary key (username, upload_key)
);
