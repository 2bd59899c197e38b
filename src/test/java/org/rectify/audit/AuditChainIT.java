package org.rectify.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rectify.support.IntegrationTest;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain as an attacker with the database in hand meets it: the append-only triggers dropped, records
 * edited, deleted, inserted, reordered and cut off the end in SQL, an evidence file replaced on disk. Each time
 * the verifier names the first bad record and what was done to it; put back, the chain verifies clean.
 */
class AuditChainIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditChain chain;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void anUntouchedChainVerifiesCleanForInspectorsOnly() {
        JsonNode report =
                api.as("inspector").get("/api/audit/verification").ok().json();
        assertThat(report.get("findings")).as(report.toString()).isEmpty();
        long seals = jdbc.queryForObject("select count(*) from audit_seal", Long.class);
        assertThat(report.get("seals").asLong()).isPositive().isLessThanOrEqualTo(seals);
        assertThat(report.get("evidenceFiles").asLong())
                .as("the demo's evidence")
                .isPositive();
        // One seal per record, numbered without a gap.
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record r where not exists"
                                + " (select 1 from audit_seal s where s.record_id = r.id)",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select max(seq) from audit_seal", Long.class))
                .isEqualTo(seals);
        api.as("office").get("/api/audit/verification").expect(403);
    }

    @Test
    void recordsWrittenBeforeTheChainAreSealedOnceByTheFirstNodeToStart() {
        Map<String, Object> row = jdbc.queryForMap(
                "select * from audit_record where id = ?", sealedRecord(5).get("record_id"));
        row.remove(key(row, "id"));
        row.remove(key(row, "digest"));
        row.put(key(row, "reason"), "written before the chain");
        insert("audit_record", row);
        insert("audit_record", row);
        List<Long> old = jdbc.queryForList(
                "select id from audit_record where reason = 'written before the chain'" + " order by id", Long.class);
        assertThat(findings().get(0).get("kind").asText()).isEqualTo("INSERTED");
        // As V42 leaves it on a database with records: the range still to seal.
        jdbc.update(
                "update audit_chain_head set backfill_from = ?, backfill_to = ? where id = 1", old.get(0), old.get(1));
        assertClean();
        chain.backfill();
        chain.backfill();
        assertThat(jdbc.queryForList(
                        "select record_id from audit_seal where record_id in (?, ?) order by seq",
                        Long.class,
                        old.get(0),
                        old.get(1)))
                .isEqualTo(old);
        assertThat(jdbc.queryForObject("select backfill_from - backfill_to from audit_chain_head", Long.class))
                .isOne();
        assertClean();
    }

    @Test
    void anEditedRecordIsNamed() {
        Map<String, Object> victim = sealedRecord(10);
        long id = ((Number) victim.get("record_id")).longValue();
        String reason = (String) jdbc.queryForObject("select reason from audit_record where id = ?", String.class, id);
        attack(() -> jdbc.update("update audit_record set reason = ? where id = ?", "nothing happened", id));
        assertFirst("EDITED", victim.get("seq"), id);
        // The inspectors' page says the same, in their language.
        String page = WebSession.signIn(port, "inspector")
                .get("/inspect/chain?verify=true")
                .expect(200)
                .text();
        assertThat(page).contains("审计链已被破坏", "被修改", "record " + id + " (seal " + victim.get("seq") + ")");
        attack(() -> jdbc.update("update audit_record set reason = ? where id = ?", reason, id));
        assertClean();
        assertThat(WebSession.signIn(port, "inspector")
                        .get("/inspect/chain?verify=true")
                        .expect(200)
                        .text())
                .contains("完好：已核验");
    }

    @Test
    void theJarsVerifyModeSaysTheSameWithItsExitCode() {
        verification.publishHead();
        assertThat(cli()).startsWith("0 ").contains("clean");
        Map<String, Object> victim = sealedRecord(12);
        long id = ((Number) victim.get("record_id")).longValue();
        String actor = jdbc.queryForObject("select actor from audit_record where id = ?", String.class, id);
        attack(() -> jdbc.update("update audit_record set actor = ? where id = ?", "nobody", id));
        try {
            assertThat(cli()).startsWith("1 ").contains("EDITED at seal " + victim.get("seq") + " (record " + id + ")");
        } finally {
            attack(() -> jdbc.update("update audit_record set actor = ? where id = ?", actor, id));
        }
        assertThat(cli()).startsWith("0 ");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = org.rectify.VerifyAuditCommand.run(
                new String[] {"--db-url=jdbc:h2:mem:no_chain_here", "--db-user=sa"},
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("holds no audit chain");
    }

    /** The jar's verify mode on this database, its heads and its evidence: exit code, a space, what it printed. */
    private String cli() {
        com.zaxxer.hikari.HikariDataSource db = (com.zaxxer.hikari.HikariDataSource) dataSource;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = org.rectify.VerifyAuditCommand.run(
                new String[] {
                    "--db-url=" + db.getJdbcUrl(),
                    "--db-user=" + db.getUsername(),
                    "--db-password=" + (db.getPassword() == null ? "" : db.getPassword()),
                    "--heads=" + HEAD_FILE,
                    "--evidence=target/it-evidence/" + DB
                },
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        return code + " " + out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aDeletedRecordAndADeletedSealAreNamed() {
        Map<String, Object> victim = sealedRecord(20);
        long id = ((Number) victim.get("record_id")).longValue();
        Map<String, Object> row = jdbc.queryForMap("select * from audit_record where id = ?", id);
        attack(() -> jdbc.update("delete from audit_record where id = ?", id));
        assertFirst("DELETED", victim.get("seq"), id);
        attack(() -> insert("audit_record", row));

        Map<String, Object> seal = jdbc.queryForMap("select * from audit_seal where seq = ?", victim.get("seq"));
        attack(() -> jdbc.update("delete from audit_seal where seq = ?", victim.get("seq")));
        assertFirst("DELETED", victim.get("seq"), null);
        attack(() -> insert("audit_seal", seal));
        assertClean();
    }

    @Test
    void aRecordSlippedInIsNamed() {
        Map<String, Object> row = jdbc.queryForMap(
                "select * from audit_record where id = ?", sealedRecord(30).get("record_id"));
        row.remove(key(row, "id"));
        // Without a digest: one copied with it would be linked as queued, and found edited (the reason differs).
        row.remove(key(row, "digest"));
        row.put(key(row, "reason"), "backdated");
        attack(() -> insert("audit_record", row));
        long id = jdbc.queryForObject("select max(id) from audit_record where reason = 'backdated'", Long.class);
        JsonNode first = findings().get(0);
        assertThat(first.get("kind").asText()).as(first.toString()).isEqualTo("INSERTED");
        assertThat(first.get("recordId").asLong()).isEqualTo(id);
        attack(() -> jdbc.update("delete from audit_record where id = ?", id));
        assertClean();
    }

    @Test
    void twoRecordsSwappedAreNamedAsReordered() {
        Map<String, Object> a = sealedRecord(40);
        Map<String, Object> b = sealedRecord(41);
        long idA = ((Number) a.get("record_id")).longValue();
        long idB = ((Number) b.get("record_id")).longValue();
        Map<String, Object> rowA = jdbc.queryForMap("select * from audit_record where id = ?", idA);
        Map<String, Object> rowB = jdbc.queryForMap("select * from audit_record where id = ?", idB);
        attack(() -> {
            overwrite(idA, rowB);
            overwrite(idB, rowA);
        });
        assertFirst("REORDERED", a.get("seq"), idA);
        attack(() -> {
            overwrite(idA, rowA);
            overwrite(idB, rowB);
        });
        assertClean();
    }

    @Test
    void recordsCutOffTheEndAreCaughtByThePublishedHead() {
        verification.publishHead();
        long last = jdbc.queryForObject("select seq from audit_chain_head where id = 1", Long.class);
        List<Map<String, Object>> seals =
                jdbc.queryForList("select * from audit_seal where seq > ? order by seq", last - 2);
        List<Map<String, Object>> records = seals.stream()
                .map(s -> jdbc.queryForMap("select * from audit_record where id = ?", s.get("record_id")))
                .toList();
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_chain_head where id = 1");
        // A careful attacker: the records and their seals gone, the head row set back to match.
        attack(() -> {
            for (Map<String, Object> s : seals) {
                jdbc.update("delete from audit_seal where seq = ?", s.get("seq"));
                jdbc.update("delete from audit_record where id = ?", s.get("record_id"));
            }
            String hash = jdbc.queryForObject("select hash from audit_seal where seq = ?", String.class, last - 2);
            jdbc.update("update audit_chain_head set seq = ?, hash = ? where id = 1", last - 2, hash);
        });
        JsonNode first = findings().get(0);
        assertThat(first.get("kind").asText()).as(first.toString()).isEqualTo("TRUNCATED");
        assertThat(first.get("seq").asLong()).isEqualTo(last - 1);
        attack(() -> {
            records.forEach(r -> insert("audit_record", r));
            seals.forEach(s -> insert("audit_seal", s));
            jdbc.update(
                    "update audit_chain_head set seq = ?, hash = ? where id = 1", head.get("seq"), head.get("hash"));
        });
        assertClean();
    }

    @Test
    void anEvidenceFileReplacedOnDiskIsNamed() throws Exception {
        Map<String, Object> e = jdbc.queryForMap("select id, sha256 from evidence order by id limit 1");
        String sha = (String) e.get("sha256");
        Path file = Path.of("target/it-evidence/" + DB)
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
        byte[] original = Files.readAllBytes(file);
        Files.write(file, "a photo of something else".getBytes());
        try {
            JsonNode bad = findings().get(0);
            assertThat(bad.get("kind").asText()).as(bad.toString()).isEqualTo("EVIDENCE_REPLACED");
            assertThat(bad.get("detail").asText()).contains("evidence " + e.get("id"));
            Files.delete(file);
            assertThat(findings().get(0).get("kind").asText()).isEqualTo("EVIDENCE_MISSING");
        } finally {
            Files.write(file, original);
        }
        assertClean();
    }

    @Test
    void aRecordChangedWhileQueuedForTheChainIsNamedAndOneLeftQueuedIsLinkedBySweeping() {
        long county = jdbc.queryForObject("select unit_id from app_user where username = 'admin'", Long.class);
        chain.linking(false);
        try {
            chain.linkPending();
            verification.publishHead();
            long records = jdbc.queryForObject("select count(*) from audit_record", Long.class);
            // A transaction that rolls back leaves no record and queues none.
            assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
                        events.publishEvent(new Tested(AuditEntry.of(
                                "UNIT_RENAMED",
                                "UNIT",
                                county,
                                null,
                                AuditEntry.state("nameZh", "甲"),
                                AuditEntry.state("nameZh", "乙"))));
                        throw new IllegalStateException("rolled back");
                    }))
                    .hasMessage("rolled back");
            assertThat(chain.queued()).isZero();
            assertThat(jdbc.queryForObject("select count(*) from audit_record", Long.class))
                    .isEqualTo(records);

            String code = "queued-" + System.nanoTime();
            long unit = api.as("admin")
                    .post(
                            "/api/org/units",
                            Map.of(
                                    "parentId",
                                    county,
                                    "code",
                                    code,
                                    "nameZh",
                                    "排队局",
                                    "nameEn",
                                    "Queued Bureau",
                                    "kind",
                                    "DEPARTMENT"))
                    .expect(201)
                    .id();
            long id = lastRecord("UNIT_CREATED", unit);
            assertThat(chain.queued())
                    .isEqualTo((int) (jdbc.queryForObject("select count(*) from audit_record", Long.class) - records))
                    .isPositive();
            assertThat(jdbc.queryForObject("select count(*) from audit_seal where record_id = ?", Long.class, id))
                    .isZero();
            // Queued, not linked: the jar's verify mode (which links nothing) finds it sound.
            assertThat(cli()).startsWith("0 ").contains("clean");
            attack(() -> jdbc.update("update audit_record set reason = ? where id = ?", "edited while queued", id));
            assertThat(cli()).startsWith("1 ").contains("EDITED").contains("record " + id + " (queued for the chain)");
            attack(() -> jdbc.update("update audit_record set reason = null where id = ?", id));
            // Its digest taken away, it is a record slipped in.
            String digest = jdbc.queryForObject("select digest from audit_record where id = ?", String.class, id);
            attack(() -> jdbc.update("update audit_record set digest = null where id = ?", id));
            assertThat(cli()).startsWith("1 ").contains("INSERTED").contains("record " + id + " has no seal");
            attack(() -> jdbc.update("update audit_record set digest = ? where id = ?", digest, id));
            assertThat(cli()).startsWith("0 ");

            // Its node gone without linking it (a crash just after the commit): the next sweep links it, once.
            int left = chain.queued();
            chain.forget();
            long seals = jdbc.queryForObject("select count(*) from audit_seal", Long.class);
            assertThat(chain.sweep(true, Duration.ZERO)).isEqualTo(left);
            assertThat(jdbc.queryForObject("select count(*) from audit_seal", Long.class))
                    .isEqualTo(seals + left);
            assertThat(chain.sweep(true, Duration.ZERO)).isZero();
            assertClean();

            // Edited while queued and then linked: the seal holds the digest it was written with.
            api.as("admin")
                    .put("/api/org/units/{id}", Map.of("nameZh", "排队局（改）", "nameEn", "Queued Bureau (renamed)"), unit)
                    .ok();
            long renamed = lastRecord("UNIT_RENAMED", unit);
            attack(() ->
                    jdbc.update("update audit_record set reason = ? where id = ?", "edited while queued", renamed));
            JsonNode first = findings().get(0);
            long seq = jdbc.queryForObject("select seq from audit_seal where record_id = ?", Long.class, renamed);
            assertThat(first.get("kind").asText()).as(first.toString()).isEqualTo("EDITED");
            assertThat(first.get("recordId").asLong()).isEqualTo(renamed);
            assertThat(first.get("seq").asLong()).isEqualTo(seq);
            assertThat(chain.queued()).isZero();
            attack(() -> jdbc.update("update audit_record set reason = null where id = ?", renamed));
            assertClean();
        } finally {
            chain.linking(true);
        }
    }

    private long lastRecord(String action, long unit) {
        return jdbc.queryForObject(
                "select max(id) from audit_record where action = ? and target_type = 'UNIT'" + " and target_id = ?",
                Long.class,
                action,
                unit);
    }

    /** An audited event of this test's own. */
    record Tested(AuditEntry auditEntry) implements AuditableEvent {}

    /** The seal some way into the chain, with its record's id (after linking what is queued). */
    private Map<String, Object> sealedRecord(long seq) {
        chain.linkPending();
        return jdbc.queryForMap("select seq, record_id from audit_seal where seq = ?", seq);
    }

    private JsonNode findings() {
        JsonNode findings =
                api.as("inspector").get("/api/audit/verification").ok().json().get("findings");
        assertThat(findings).as("findings").isNotEmpty();
        return findings;
    }

    private void assertFirst(String kind, Object seq, Long recordId) {
        JsonNode first = findings().get(0);
        assertThat(first.get("kind").asText()).as(first.toString()).isEqualTo(kind);
        assertThat(first.get("seq").asLong()).as(first.toString()).isEqualTo(((Number) seq).longValue());
        if (recordId != null) {
            assertThat(first.get("recordId").asLong()).as(first.toString()).isEqualTo(recordId);
        }
    }

    private void assertClean() {
        JsonNode report =
                api.as("inspector").get("/api/audit/verification").ok().json();
        assertThat(report.get("findings")).as(report.toString()).isEmpty();
    }

    /** Runs the attack with the append-only triggers dropped, as an attacker would, and puts them back. */
    private void attack(Runnable sql) {
        List<String> triggers = List.of(
                "audit_record_no_update", "audit_record_no_delete", "audit_seal_no_update", "audit_seal_no_delete");
        triggers.forEach(t -> jdbc.execute("drop trigger " + t));
        try {
            sql.run();
        } finally {
            for (String t : triggers) {
                String table = t.startsWith("audit_record") ? "audit_record" : "audit_seal";
                String when = t.endsWith("update") ? "update" : "delete";
                jdbc.execute("create trigger " + t + " before " + when + " on " + table + " for each row "
                        + ("h2".equals(DB)
                                ? "call \"org.rectify.audit.AppendOnlyTrigger\""
                                : "signal sqlstate '45000' set message_text = 'append-only'"));
            }
        }
    }

    private void overwrite(long id, Map<String, Object> from) {
        jdbc.update(
                "update audit_record set occurred_at = ?, actor = ?, actor_roles = ?, actor_unit_id = ?, action = ?,"
                        + " target_type = ?, target_id = ?, problem_id = ?, before_state = ?, after_state = ?, reason = ?"
                        + " where id = ?",
                value(from, "occurred_at"),
                value(from, "actor"),
                value(from, "actor_roles"),
                value(from, "actor_unit_id"),
                value(from, "action"),
                value(from, "target_type"),
                value(from, "target_id"),
                value(from, "problem_id"),
                value(from, "before_state"),
                value(from, "after_state"),
                value(from, "reason"),
                id);
    }

    private void insert(String table, Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        jdbc.update(
                "insert into " + table + " (" + columns + ") values (" + marks + ")",
                row.values().toArray());
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.get(key(row, column));
    }

    /** The row's key for this column, as the database spells it (H2: upper case). */
    private static String key(Map<String, Object> row, String column) {
        return row.keySet().stream()
                .filter(k -> k.equalsIgnoreCase(column))
                .findFirst()
                .orElse(column);
    }
}
