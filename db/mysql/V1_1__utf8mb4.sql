-- Chinese text needs utf8mb4 whatever the server's default is. Without a name ALTER DATABASE
-- applies to the database the migration runs in. (Camunda's own tables keep the charset its
-- scripts give them.)
alter database character set utf8mb4 collate utf8mb4_unicode_ci;
