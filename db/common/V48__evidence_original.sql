-- A photo as the user took it (issue 12). The browser shrinks a large photo before it goes (js/rectify.js), so the
-- stored file is not the original: the original's SHA-256 and size are kept here, as the browser computed them.
-- taken_at, latitude and longitude are the photo's EXIF DateTimeOriginal (the camera's clock, as it wrote it)
-- and GPS position, read by the server from the stored file (the browser carries the original's EXIF into the
-- shrunk one). photo_note says, in codes, why something is missing: NO_EXIF, NO_GPS, NO_TIME,
-- NOT_SHRUNK_INSECURE_CONTEXT, ... (see task.PhotoNote). All null for files that are not photos, and for rows
-- written before this version.
alter table evidence add column original_sha256 varchar(64);
alter table evidence add column original_size bigint;
alter table evidence add column taken_at datetime(6);
alter table evidence add column latitude double precision;
alter table evidence add column longitude double precision;
alter table evidence add column photo_note varchar(200);
