package org.rectify.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One table's rows, written to a tab-separated file as they are generated and then loaded with one
 * {@code LOAD DATA LOCAL INFILE}: into an empty table, with unique and foreign-key checks off, in one
 * transaction, MariaDB (10.6+) builds every index by sorting instead of row by row (its bulk insert into
 * an empty table), the fastest way in without dropping indexes. Values contain no tabs or line breaks.
 */
final class TsvTable implements AutoCloseable {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String table;
    private final String[] columns;
    private final Path file;
    private final BufferedWriter out;
    private long rows;

    TsvTable(Path dir, String table, String... columns) {
        this.table = table;
        this.columns = columns;
        this.file = dir.resolve(table + ".tsv");
        try {
            Files.createDirectories(dir);
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row, its values in the order of the columns; null is SQL NULL, instants are stored as UTC. */
    void row(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(
                    table + ": " + values.length + " values for " + columns.length + " columns");
        }
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                out.write(text(values[i]));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    String name() {
        return table;
    }

    private static String text(Object value) {
        if (value == null) {
            return "\\N";
        }
        if (value instanceof Instant instant) {
            return DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return value.toString();
    }

    /** Loads the file into the (empty) table and deletes it. */
    long load(Connection c) throws SQLException {
        close();
        try (Statement s = c.createStatement()) {
            s.execute("set unique_checks = 0");
            s.execute("set foreign_key_checks = 0");
            c.setAutoCommit(false);
            s.execute("load data local infile '"
                    + file.toAbsolutePath().toString().replace("\\", "/")
                    + "' into table " + table + " character set utf8mb4 fields terminated by '\\t'"
                    + " lines terminated by '\\n' (" + String.join(", ", columns) + ")");
            c.commit();
            c.setAutoCommit(true);
            s.execute("set unique_checks = 1");
            s.execute("set foreign_key_checks = 1");
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
