package org.rectify.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.rectify.audit.EvidenceCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit verifier's look at the evidence store: the SHA-256 of the file an evidence item is served from now,
 * recomputed from its bytes (its row's hash names the file; a row pointed at another file, or a file
 * overwritten, gives another hash than the one sealed).
 */
@Component
public class EvidenceFilesCheck implements EvidenceCheck {

    private final JdbcTemplate jdbc;
    private final Path dir;

    @Autowired
    EvidenceFilesCheck(JdbcTemplate jdbc, EvidenceStore store) {
        this(jdbc, store.directory());
    }

    private EvidenceFilesCheck(JdbcTemplate jdbc, Path dir) {
        this.jdbc = jdbc;
        this.dir = dir;
    }

    /** The check of a store at this directory, for the jar's command-line verifier. */
    public static EvidenceCheck inDirectory(JdbcTemplate jdbc, Path dir) {
        return new EvidenceFilesCheck(jdbc, dir.toAbsolutePath());
    }

    @Override
    public Optional<EvidenceFile> currentFile(long evidenceId) {
        return jdbc
                .query(
                        "select file_name, sha256 from evidence where id = ?",
                        (rs, n) -> new EvidenceFile(
                                rs.getString("file_name"), EvidenceStore.pathIn(dir, rs.getString("sha256"))),
                        evidenceId)
                .stream()
                .filter(f -> Files.isRegularFile(f.path()))
                .findFirst();
    }

    @Override
    public Optional<String> currentHash(long evidenceId) {
        Optional<EvidenceFile> file = currentFile(evidenceId);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in =
                    new DigestInputStream(Files.newInputStream(file.get().path()), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read evidence " + evidenceId, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
