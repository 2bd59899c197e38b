package org.rectify.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectify.common.NotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The chain's head taken out of the database, and the chain verified against it. The head (its sequence number
 * and hash) is appended to a file the operator chooses ({@code rectify.audit.head-file}) and written to the log
 * on a schedule ({@code rectify.audit.head-every}); a verification walks the chain ({@link AuditVerifier}) and
 * checks that it reaches every head in that file with the same hash, so records cut off the end, or the chain
 * rewritten and sealed again, are found too.
 */
@Service
public class AuditVerification {

    private static final Logger log = LoggerFactory.getLogger(AuditVerification.class);

    private final JdbcTemplate jdbc;
    private final AuditVerifier verifier;
    private final AuditActorSource actors;
    private final Path headFile;
    private final Clock clock;
    private final AuditChain chain;

    AuditVerification(
            JdbcTemplate jdbc,
            Optional<EvidenceCheck> evidence,
            AuditActorSource actors,
            Clock clock,
            AuditChain chain,
            @Value("${rectify.audit.head-file:./data/audit-heads.txt}") Path headFile) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.verifier = new AuditVerifier(jdbc, evidence);
        this.actors = actors;
        this.clock = clock;
        this.headFile = headFile;
    }

    /**
     * Links what is queued for the chain (this node's, and what other nodes committed since its last sweep),
     * then walks the whole chain and the evidence; for INSPECTOR and ADMIN (403 for others).
     */
    public AuditVerifier.Report verify() {
        boolean allowed = actors.currentAuditActor()
                .map(a -> a.roles().contains("INSPECTOR") || a.roles().contains("ADMIN"))
                .orElse(true);
        if (!allowed) {
            throw new NotPermittedException(
                    "rule.audit.verifyInspectorsOnly", "the audit chain is verified by inspectors");
        }
        chain.sweep(false, java.time.Duration.ZERO);
        return verifier.verify(published());
    }

    /** Appends the chain's head to the head file and the log, unless it has not moved since the last one. */
    @Scheduled(
            initialDelayString = "${rectify.audit.head-every:PT10M}",
            fixedDelayString = "${rectify.audit.head-every:PT10M}")
    public void publishHead() {
        chain.linkPending();
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_chain_head where id = 1");
        long seq = ((Number) head.get("seq")).longValue();
        List<AuditVerifier.PublishedHead> earlier = published();
        if (seq == 0 || !earlier.isEmpty() && earlier.get(earlier.size() - 1).seq() == seq) {
            return;
        }
        String line = new AuditVerifier.PublishedHead(
                                seq, (String) head.get("hash"), clock.instant().toString())
                        .line() + "\n";
        try {
            if (headFile.toAbsolutePath().getParent() != null) {
                Files.createDirectories(headFile.toAbsolutePath().getParent());
            }
            Files.writeString(
                    headFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the audit head to " + headFile, e);
        }
        log.info("Audit chain head: seal {} hash {}", seq, head.get("hash"));
    }

    /** The heads in the head file, oldest first (none if there is no file yet). */
    public List<AuditVerifier.PublishedHead> published() {
        if (!Files.exists(headFile)) {
            return List.of();
        }
        try {
            return AuditVerifier.PublishedHead.parse(Files.readAllLines(headFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the audit heads in " + headFile, e);
        }
    }
}
