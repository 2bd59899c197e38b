package org.rectify.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.rectify.audit.EvidenceCheck;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit verifier's look at the evidence store: the SHA-256 of the file an evidence item is served from now,
 * recomputed from its bytes (its row's hash names the file; a row pointed at another file, or a file
 * overwritten, gives another hash than the one sealed).
 */
@Component
class EvidenceFilesCheck implements EvidenceCheck {

    private final JdbcTemplate jdbc;
    private final EvidenceStore store;

    EvidenceFilesCheck(JdbcTemplate jdbc, EvidenceStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public Optional<String> currentHash(long evidenceId) {
        Optional<String> named = jdbc.queryForList("select sha256 from evidence where id = ?", String.class, evidenceId)
                .stream().findFirst();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Resource file = store.open(named.get());
        if (!file.exists()) {
            return Optional.empty();
        }
        try (InputStream in = new DigestInputStream(file.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return Optional.of(HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read evidence " + evidenceId, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
