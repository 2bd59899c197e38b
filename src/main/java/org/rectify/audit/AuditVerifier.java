package org.rectify.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the audit chain from its first seal to its head and reports the first thing wrong, as an inspector needs
 * it: which record or seal, and whether it was edited, deleted, inserted, reordered or cut off (see
 * {@link ChainFinding.Kind}); then the records queued for the chain (each against the digest it was written
 * with), the records without a seal, the published heads and the evidence files.
 * Reads the database directly (plain JDBC), so that the same walk serves the API, the page and the jar's
 * command-line mode.
 */
public class AuditVerifier {

    private static final int PAGE = 5000;

    private final JdbcTemplate jdbc;
    private final Optional<EvidenceCheck> evidence;

    public AuditVerifier(JdbcTemplate jdbc, Optional<EvidenceCheck> evidence) {
        this.jdbc = jdbc;
        this.evidence = evidence;
    }

    /** A chain head published outside the database: the chain must reach it, with this hash there. */
    public record PublishedHead(long seq, String hash, String publishedAt) {

        /** The heads of a head file's lines ({@code seq hash time}), oldest first; other lines are left out. */
        public static List<PublishedHead> parse(List<String> lines) {
            List<PublishedHead> heads = new ArrayList<>();
            for (String line : lines) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 3 && parts[0].matches("\\d{1,18}") && parts[1].matches("[0-9a-f]{64}")) {
                    heads.add(new PublishedHead(Long.parseLong(parts[0]), parts[1], parts[2]));
                }
            }
            return heads;
        }

        /** The line a head file holds for this head. */
        public String line() {
            return seq + " " + hash + " " + publishedAt;
        }
    }

    /** What a walk found: how much it read, the head it reached, and the findings, the first bad one first. */
    public record Report(
            long seals,
            long queuedRecords,
            long unsealedRecords,
            long evidenceFiles,
            long lastSeq,
            String lastHash,
            List<ChainFinding> findings,
            Duration took) {

        public boolean clean() {
            return findings.isEmpty();
        }
    }

    private record Seal(long seq, long recordId, String digest, String prev, String hash, AuditForm.Stored record) {}

    public Report verify(List<PublishedHead> published) {
        Instant start = Instant.now();
        List<ChainFinding> findings = new ArrayList<>();
        Map<Long, String> wanted = new HashMap<>();
        published.forEach(h -> wanted.put(h.seq(), null));
        Map<Long, String> evidenceSealed = new HashMap<>();
        // The head as the walk starts: seals appended while it walks are left for the next walk.
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_chain_head where id = 1");
        long headSeq = ((Number) head.get("seq")).longValue();
        long expected = 1;
        String prev = AuditForm.GENESIS;
        long seals = 0;
        walk:
        while (true) {
            List<Seal> page = page(expected);
            if (page.isEmpty()) {
                break;
            }
            for (int i = 0; i < page.size(); i++) {
                Seal s = page.get(i);
                if (s.seq() > headSeq) {
                    break walk;
                }
                Optional<ChainFinding> bad = check(s, expected, prev, i + 1 < page.size() ? page.get(i + 1) : null);
                if (bad.isPresent()) {
                    findings.add(bad.get());
                    break walk;
                }
                seals++;
                if (wanted.containsKey(s.seq())) {
                    wanted.put(s.seq(), s.hash());
                }
                AuditForm.evidenceSealed(s.record().action(), s.record().after())
                        .ifPresent(e -> evidenceSealed.put(e.getKey(), e.getValue()));
                prev = s.hash();
                expected = s.seq() + 1;
            }
        }
        long lastSeq = expected - 1;
        if (findings.isEmpty()) {
            head(lastSeq, prev, headSeq, (String) head.get("hash")).ifPresent(findings::add);
            for (PublishedHead h : published) {
                if (!findings.isEmpty()) {
                    break;
                }
                if (h.seq() > lastSeq) {
                    findings.add(new ChainFinding(
                            ChainFinding.Kind.TRUNCATED,
                            lastSeq + 1,
                            null,
                            "the chain ends at seal " + lastSeq + ", but its head published at " + h.publishedAt()
                                    + " was seal " + h.seq()));
                } else if (!h.hash().equals(wanted.get(h.seq()))) {
                    findings.add(new ChainFinding(
                            ChainFinding.Kind.REWRITTEN,
                            h.seq(),
                            null,
                            "seal " + h.seq()
                                    + " has another hash than the head published at " + h.publishedAt()
                                    + ": records up to it were changed and sealed again"));
                }
            }
        }
        Unsealed without = unsealed();
        if (without.edited() != null && findings.isEmpty()) {
            findings.add(new ChainFinding(
                    ChainFinding.Kind.EDITED,
                    null,
                    without.edited(),
                    "record " + without.edited() + " (queued for the chain) is not what was written"));
        }
        if (without.firstSlippedIn() != null) {
            findings.add(new ChainFinding(
                    ChainFinding.Kind.INSERTED,
                    null,
                    without.firstSlippedIn(),
                    "record "
                            + without.firstSlippedIn() + " has no seal: it did not come through the audit trail ("
                            + without.slippedIn() + (without.slippedIn() == 1 ? " such record)" : " such records)")));
        }
        long files = 0;
        if (evidence.isPresent()) {
            for (Map.Entry<Long, String> e : evidenceSealed.entrySet()) {
                files++;
                Optional<String> now = evidence.get().currentHash(e.getKey());
                if (now.isEmpty()) {
                    findings.add(new ChainFinding(
                            ChainFinding.Kind.EVIDENCE_MISSING,
                            null,
                            null,
                            "evidence " + e.getKey() + " (SHA-256 " + e.getValue() + ") is gone"));
                } else if (!now.get().equals(e.getValue())) {
                    findings.add(new ChainFinding(
                            ChainFinding.Kind.EVIDENCE_REPLACED,
                            null,
                            null,
                            "evidence "
                                    + e.getKey() + " was sealed with SHA-256 " + e.getValue() + ", its file now has "
                                    + now.get()));
                }
            }
        }
        return new Report(
                seals,
                without.queued(),
                without.slippedIn(),
                files,
                lastSeq,
                prev,
                findings,
                Duration.between(start, Instant.now()));
    }

    private List<Seal> page(long fromSeq) {
        return jdbc.query(
                "select s.seq, s.record_id, s.digest, s.prev_hash, s.hash, r.id, r.occurred_at, r.actor,"
                        + " r.actor_roles, r.actor_unit_id, r.action, r.target_type, r.target_id, r.problem_id,"
                        + " r.before_state, r.after_state, r.reason"
                        + " from audit_seal s left join audit_record r on r.id = s.record_id"
                        + " where s.seq >= ? order by s.seq limit " + PAGE,
                (rs, n) -> new Seal(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6) == null ? null : AuditForm.read(rs)),
                fromSeq);
    }

    /** The first thing wrong with this seal, given the seal expected next and the hash before it. */
    private Optional<ChainFinding> check(Seal s, long expected, String prev, Seal next) {
        if (s.seq() != expected) {
            return Optional.of(new ChainFinding(
                    ChainFinding.Kind.DELETED,
                    expected,
                    null,
                    expected == s.seq() - 1
                            ? "seal " + expected + " is gone"
                            : "seals " + expected + " to " + (s.seq() - 1) + " are gone"));
        }
        if (s.record() == null) {
            return Optional.of(new ChainFinding(
                    ChainFinding.Kind.DELETED,
                    s.seq(),
                    s.recordId(),
                    "record " + s.recordId() + ", sealed as " + s.seq() + ", is gone"));
        }
        if (!s.prev().equals(prev)) {
            return Optional.of(brokenLink(s, prev, next));
        }
        String digest = AuditForm.digest(s.record());
        if (!digest.equals(s.digest())) {
            Optional<Long> elsewhere = sealWith("digest", digest);
            if (elsewhere.isPresent() && elsewhere.get() != s.seq()) {
                return Optional.of(new ChainFinding(
                        ChainFinding.Kind.REORDERED,
                        s.seq(),
                        s.recordId(),
                        "record " + s.recordId() + " (seal " + s.seq() + ") holds what seal " + elsewhere.get()
                                + " sealed"));
            }
            return Optional.of(new ChainFinding(
                    ChainFinding.Kind.EDITED,
                    s.seq(),
                    s.recordId(),
                    "record " + s.recordId() + " (seal " + s.seq() + ") is not what was sealed"));
        }
        if (!AuditForm.link(prev, s.seq(), s.recordId(), digest).equals(s.hash())) {
            return Optional.of(new ChainFinding(
                    ChainFinding.Kind.SEAL_ALTERED,
                    s.seq(),
                    s.recordId(),
                    "seal " + s.seq() + "'s hash is not the hash of its values"));
        }
        return Optional.empty();
    }

    /** A seal that does not follow the one before it: one slipped in, some taken out, or moved. */
    private ChainFinding brokenLink(Seal s, String prev, Seal next) {
        if (next != null && next.prev().equals(prev)) {
            return new ChainFinding(
                    ChainFinding.Kind.INSERTED,
                    s.seq(),
                    s.recordId(),
                    "seal " + s.seq() + " (record " + s.recordId()
                            + ") was slipped into the chain: the seal after it follows the one before");
        }
        Optional<Long> follows = sealWith("hash", s.prev());
        if (follows.isPresent() && follows.get() < s.seq() - 1) {
            return new ChainFinding(
                    ChainFinding.Kind.DELETED,
                    follows.get() + 1,
                    null,
                    "seal " + s.seq() + " follows seal " + follows.get()
                            + ": what was sealed between them is gone and the rest renumbered");
        }
        if (follows.isPresent()) {
            return new ChainFinding(
                    ChainFinding.Kind.REORDERED,
                    s.seq(),
                    s.recordId(),
                    "seal " + s.seq() + " (record " + s.recordId() + ") was sealed after seal " + follows.get());
        }
        return new ChainFinding(
                ChainFinding.Kind.SEAL_ALTERED,
                s.seq(),
                s.recordId(),
                "seal " + s.seq() + " does not follow the seal before it");
    }

    /** A seal with this digest or hash (read only once something is wrong: neither is indexed). */
    private Optional<Long> sealWith(String column, String value) {
        return jdbc
                .queryForList("select seq from audit_seal where " + column + " = ? order by seq", Long.class, value)
                .stream()
                .findFirst();
    }

    /** The head row against the chain walked up to it: a chain that ends before it was cut off. */
    private static Optional<ChainFinding> head(long lastSeq, String lastHash, long headSeq, String headHash) {
        if (headSeq > lastSeq) {
            return Optional.of(new ChainFinding(
                    ChainFinding.Kind.TRUNCATED,
                    lastSeq + 1,
                    null,
                    "the chain ends at seal " + lastSeq + ", its head row at seal " + headSeq));
        }
        if (!lastHash.equals(headHash)) {
            return Optional.of(new ChainFinding(
                    ChainFinding.Kind.REWRITTEN,
                    headSeq,
                    null,
                    "seal " + headSeq + " has another hash than the chain's head row"));
        }
        return Optional.empty();
    }

    /**
     * What the records without a seal are (but those written before the chain and not sealed yet): queued for
     * the chain (written with a digest), the first of them no longer what was written, and slipped in (no
     * digest: not written through the trail), the first of them. One pass over the records, as the walk's.
     */
    private record Unsealed(long queued, Long edited, long slippedIn, Long firstSlippedIn) {}

    private Unsealed unsealed() {
        long queued = 0;
        long slippedIn = 0;
        Long edited = null;
        Long firstSlippedIn = null;
        long after = 0;
        while (true) {
            List<Object[]> page = jdbc.query(
                    "select r.digest, " + AuditForm.COLUMNS + " from audit_record r"
                            + " where r.id > ? and not exists (select 1 from audit_seal s where s.record_id = r.id)"
                            + " and not exists (select 1 from audit_chain_head h where h.id = 1"
                            + " and r.id between h.backfill_from and h.backfill_to) order by r.id limit " + PAGE,
                    (rs, n) -> new Object[] {rs.getString(1), AuditForm.read(rs)},
                    after);
            for (Object[] row : page) {
                AuditForm.Stored record = (AuditForm.Stored) row[1];
                after = record.id();
                if (row[0] == null) {
                    slippedIn++;
                    firstSlippedIn = firstSlippedIn == null ? record.id() : firstSlippedIn;
                } else {
                    queued++;
                    if (edited == null && !AuditForm.digest(record).equals(row[0])) {
                        edited = record.id();
                    }
                }
            }
            if (page.size() < PAGE) {
                return new Unsealed(queued, edited, slippedIn, firstSlippedIn);
            }
        }
    }
}
