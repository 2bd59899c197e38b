package org.rectify.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.rectify.bench.CaseFlow.Case;
import org.rectify.bench.CaseFlow.Outcome;
import org.rectify.support.ApiClient;
import org.rectify.support.MariaDbServer;
import org.rectify.support.SecondNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes of the packaged application on a three-node MariaDB Galera Cluster ({@code src/cluster/galera.sh},
 * loopback ports 3311-3313), through the URL Camunda documents for Galera ({@code jdbc:mariadb:sequential://…}).
 * First a quiet comparison: {@value #LATENCY_CASES} cases one request at a time on Galera, and the same on the
 * single MariaDB server of the test run. Then {@value #CLIENTS} clients drive cases through both application nodes;
 * in the middle database node 1, the one every connection uses, is killed (SIGKILL); the clients go on; node 1 is
 * started again and rejoins. Then: every request answered 2xx is in the database exactly once, every refusal was a
 * 503 or 409 problem+json (no 500), nothing doubled, each running process waits where its problem's status says,
 * every due timer fired once, the cluster has three members again. Prints latencies, errors and recovery times.
 * <p>
 * MariaDB run only: {@code RECTIFY_TEST_DB_URL=jdbc:mysql://127.0.0.1:3306/ ./mvnw -B -ntp -Pbench verify
 * -Dit.test=GaleraBenchmark} (the H2 run skips it). {@code -Drectify.bench.galera.seconds=N} sets each half of the
 * stream (default 30 s before the kill and 30 s after).
 */
class GaleraBenchmark {

    static final int LATENCY_CASES = 30;
    static final int CLIENTS = 4;
    static final Duration HALF = Duration.ofSeconds(Long.getLong("rectify.bench.galera.seconds", 30));
    static final String SINGLE_DATABASE = "rectify_galera_single";
    static final Set<Integer> CLEAR_REFUSALS = Set.of(409, 503);

    /** The user tasks a problem's rectification process waits in, by the problem's status. */
    static final Map<String, Set<String>> WAITS_IN = Map.of(
            "REGISTERED", Set.of("Task_Triage"),
            "ASSIGNED", Set.of("Task_Claim"),
            "PLANNING", Set.of("Task_DraftPlan"),
            "PLAN_REVIEW", Set.of("Task_ReviewPlan"),
            "IN_PROGRESS", Set.of("Task_Rectify", "Task_ConfirmSignOff", "Task_ReviewSignOff"),
            "CLOSURE_REVIEW", Set.of("Task_ApproveClosure"),
            "CLOSED", Set.of());

    @Test
    void aStreamOfWritesOutlivesTheDatabaseNodeItWritesTo() throws Exception {
        assumeTrue("mariadb".equals(System.getProperty("rectify.test.db")), "a MariaDB run only");
        CaseFlow single = onTheSingleServer();
        try (GaleraCluster cluster = GaleraCluster.start();
                SecondNode a = node(cluster.url(), "a");
                SecondNode b = node(cluster.url(), "b")) {
            CaseFlow quiet = new CaseFlow(List.of(new ApiClient(a.port())), "galera-quiet");
            for (int i = 0; i < LATENCY_CASES; i++) {
                quiet.run("Q-" + i, true);
            }
            CaseFlow stream = new CaseFlow(List.of(new ApiClient(a.port()), new ApiClient(b.port())), "galera-stream");
            Figures figures = streamThroughAKill(cluster, stream);
            try (Connection db = GaleraCluster.connect(2)) {
                awaitDueJobsDone(db);
                Map<String, Long> checks = check(db, stream, quiet);
                figures.sizeAfter = cluster.size(1);
                try (Connection rejoined = GaleraCluster.connect(1)) {
                    figures.rowsOnRejoined = count(rejoined, "select count(*) from problem");
                }
                figures.rowsOnSurvivor = count(db, "select count(*) from problem");
                report(single, quiet, stream, figures, checks);
                assertAll(stream, figures, checks);
            }
        }
    }

    private CaseFlow onTheSingleServer() throws Exception {
        String server = MariaDbServer.url();
        assumeTrue(server != null, MariaDbServer.failure());
        try (Connection c = DriverManager.getConnection(server, "root", "")) {
            c.createStatement().execute("drop database if exists " + SINGLE_DATABASE);
            c.createStatement().execute("create database " + SINGLE_DATABASE + " character set utf8mb4");
        }
        try (SecondNode node = node(server + SINGLE_DATABASE + "?sendFractionalSeconds=false", "single")) {
            CaseFlow single = new CaseFlow(List.of(new ApiClient(node.port())), "single-quiet");
            for (int i = 0; i < LATENCY_CASES; i++) {
                single.run("Q-" + i, true);
            }
            return single;
        } finally {
            try (Connection c = DriverManager.getConnection(server, "root", "")) {
                c.createStatement().execute("drop database if exists " + SINGLE_DATABASE);
            }
        }
    }

    private static SecondNode node(String url, String name) throws Exception {
        return SecondNode.start(
                url,
                List.of("-Xmx768m"),
                "target/galera-apps/" + name + ".log",
                "--spring.profiles.active=demo",
                "--spring.main.banner-mode=off",
                "--rectify.evidence.dir=target/galera-apps/evidence");
    }

    static final class Figures {
        long killedAt;
        double firstWriteAfterKill = Double.NaN;
        double lastErrorAfterKill;
        double rejoinSeconds;
        String rejoinedBy;
        int sizeAfter;
        long rowsOnSurvivor;
        long rowsOnRejoined;
    }

    private Figures streamThroughAKill(GaleraCluster cluster, CaseFlow stream) throws Exception {
        AtomicBoolean going = new AtomicBoolean(true);
        AtomicInteger numbers = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (going.get()) {
                    int n = numbers.getAndIncrement();
                    // a third stay in progress, their warning timers running; the rest go through to closure
                    stream.run("S-" + n, n % 3 != 0);
                }
            });
        }
        Figures figures = new Figures();
        TimeUnit.MILLISECONDS.sleep(HALF.toMillis());
        figures.killedAt = System.nanoTime();
        cluster.kill(1);
        TimeUnit.MILLISECONDS.sleep(HALF.toMillis());
        going.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        for (Outcome o : stream.outcomes) {
            double since = (o.startNanos() - figures.killedAt) / 1e9;
            if (since > 0
                    && o.ok()
                    && (Double.isNaN(figures.firstWriteAfterKill) || since < figures.firstWriteAfterKill)) {
                figures.firstWriteAfterKill = since;
            }
            if (!o.ok()) {
                figures.lastErrorAfterKill = Math.max(figures.lastErrorAfterKill, since + o.nanos() / 1e9);
            }
        }
        long restart = System.nanoTime();
        cluster.restart(1);
        figures.rejoinSeconds = (System.nanoTime() - restart) / 1e9;
        figures.rejoinedBy = rejoinedBy();
        return figures;
    }

    /** IST (the write sets it missed, from a donor's gcache) or a full SST, as node 1's error log tells. */
    private static String rejoinedBy() throws Exception {
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target/galera/node1/mariadbd.err"));
        String restarted = log.substring(Math.max(0, log.lastIndexOf("as process")));
        return restarted.contains("IST received") ? "IST" : restarted.contains("SST") ? "SST" : "?";
    }

    private static void awaitDueJobsDone(Connection db) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count(
                                db,
                                "select count(*) from ACT_RU_JOB where (DUEDATE_ is null or DUEDATE_ <= ?) and RETRIES_ > 0",
                                new Timestamp(System.currentTimeMillis()))
                        == 0);
    }

    private Map<String, Long> check(Connection db, CaseFlow stream, CaseFlow quiet) throws SQLException {
        Map<String, Long> checks = new HashMap<>();
        long round = stream.round();
        checks.put(
                "duplicate problem numbers",
                count(
                        db,
                        "select count(*) from (select number from problem where round_id = ? group by number"
                                + " having count(*) > 1) d",
                        round));
        long accepted = 0;
        long missing = 0;
        long refusedYetStored = 0;
        for (Case c : stream.cases) {
            long stored =
                    count(db, "select count(*) from problem where round_id = ? and number = ?", round, c.number());
            if (c.problem() > 0) {
                accepted++;
                missing += stored == 1
                                && count(
                                                db,
                                                "select count(*) from problem where id = ? and number = ?",
                                                c.problem(),
                                                c.number())
                                        == 1
                        ? 0
                        : 1;
            } else {
                refusedYetStored += stored;
            }
            if (c.task() > 0) {
                missing += count(
                                        db,
                                        "select count(*) from rectification_task where id = ? and problem_id = ?",
                                        c.task(),
                                        c.problem())
                                == 1
                        ? 0
                        : 1;
                long reports = count(db, "select count(*) from progress_report where task_id = ?", c.task());
                missing += reports < c.progressReports() ? 1 : 0;
                checks.merge("doubled progress reports", reports > 1 ? 1L : 0L, Long::sum);
                long applications = count(db, "select count(*) from sign_off_application where task_id = ?", c.task());
                checks.merge("doubled sign-off applications", applications > 1 ? 1L : 0L, Long::sum);
            }
            if (c.signOff() > 0) {
                missing += count(
                                        db,
                                        "select count(*) from sign_off_application where id = ? and task_id = ?",
                                        c.signOff(),
                                        c.task())
                                == 1
                        ? 0
                        : 1;
            }
            if (c.closed()) {
                missing +=
                        count(db, "select count(*) from problem where id = ? and status = 'CLOSED'", c.problem()) == 1
                                ? 0
                                : 1;
            }
        }
        checks.put("cases registered (2xx)", accepted);
        checks.put("2xx writes missing in the database", missing);
        checks.put("refused registrations stored all the same", refusedYetStored);
        checks.put(
                "processes not where their problem's status says",
                disagreements(db, round) + disagreements(db, quiet.round()));
        checks.put("doubled alerts", count(db, """
                select count(*) from (select 1 from deadline_alert group by subject_type, subject_id, kind
                 having count(*) > 1) d"""));
        checks.put("open problems without exactly one warning", count(db, """
                        select count(*) from problem p where p.round_id = ? and p.status not in ('REGISTERED', 'CLOSED')
                           and (select count(*) from deadline_alert a where a.subject_type = 'PROBLEM'
                                 and a.subject_id = p.id and a.kind = 'WARNING') <> 1""", round));
        checks.put("tasks in progress without exactly one warning", count(db, """
                        select count(*) from rectification_task t join problem p on p.id = t.problem_id
                         where p.round_id = ? and t.status = 'IN_PROGRESS'
                           and (select count(*) from deadline_alert a where a.subject_type = 'TASK'
                                 and a.subject_id = t.id and a.kind = 'WARNING') <> 1""", round));
        checks.put(
                "warnings fired in the stream round",
                count(
                        db,
                        "select count(*) from deadline_alert a join problem p on p.id = a.problem_id where p.round_id = ?",
                        round));
        checks.put(
                "failed jobs",
                count(db, "select count(*) from ACT_RU_JOB where RETRIES_ = 0 or EXCEPTION_MSG_ is not null"));
        return checks;
    }

    /** Problems whose rectification process waits elsewhere than their status says (or runs though closed). */
    private static long disagreements(Connection db, long round) throws SQLException {
        Map<Long, String> status = new HashMap<>();
        Map<Long, Set<String>> waiting = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("""
                select p.id, p.status, t.TASK_DEF_KEY_ from problem p
                  left join ACT_RU_EXECUTION e on e.BUSINESS_KEY_ = cast(p.id as char) and e.PROC_DEF_ID_ like 'rectification:%'
                       and e.PARENT_ID_ is null
                  left join ACT_RU_TASK t on t.PROC_INST_ID_ = e.PROC_INST_ID_
                 where p.round_id = ?""")) {
            s.setLong(1, round);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    status.put(rs.getLong(1), rs.getString(2));
                    Set<String> tasks = waiting.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>());
                    if (rs.getString(3) != null) {
                        tasks.add(rs.getString(3));
                    }
                }
            }
        }
        return status.entrySet().stream()
                .filter(e -> {
                    Set<String> expected = WAITS_IN.get(e.getValue());
                    Set<String> actual = waiting.get(e.getKey());
                    return expected == null
                            || (expected.isEmpty()
                                    ? !actual.isEmpty()
                                    : actual.isEmpty() || !expected.containsAll(actual));
                })
                .count();
    }

    private static long count(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void report(CaseFlow single, CaseFlow quiet, CaseFlow stream, Figures f, Map<String, Long> checks) {
        StringBuilder out = new StringBuilder("\n======== GaleraBenchmark ========\n");
        out.append(String.format(
                "one client, %d cases, p50 / p95 ms     single server       Galera (3 nodes)%n", LATENCY_CASES));
        for (String[] kind : List.of(
                new String[] {"register"},
                new String[] {"triage"},
                new String[] {"progress"},
                new String[] {"sign-off"},
                new String[] {"closure"},
                new String[] {})) {
            String name = kind.length == 0 ? "all writes" : kind[0];
            out.append(String.format(
                    "  %-34s %6.1f / %6.1f     %6.1f / %6.1f%n",
                    name,
                    single.percentile(0.5, kind),
                    single.percentile(0.95, kind),
                    quiet.percentile(0.5, kind),
                    quiet.percentile(0.95, kind)));
        }
        long ok = stream.outcomes.stream().filter(Outcome::ok).count();
        out.append(String.format(
                "stream: %d clients on 2 app nodes, %d s, DB node 1 killed (SIGKILL) after %d s%n",
                CLIENTS, HALF.toSeconds() * 2, HALF.toSeconds()));
        out.append(String.format(
                "  requests answered 2xx              %d (p50 %.1f ms, p95 %.1f ms)%n",
                ok, stream.percentile(0.5), stream.percentile(0.95)));
        out.append(String.format("  refused or unanswered              %s%n", stream.errors()));
        out.append(String.format("  first write accepted after kill    %.1f s after it%n", f.firstWriteAfterKill));
        out.append(String.format("  last refusal ended                 %.1f s after the kill%n", f.lastErrorAfterKill));
        out.append(String.format(
                "  node 1 rejoined by %-15s %.1f s (cluster size %d)%n", f.rejoinedBy, f.rejoinSeconds, f.sizeAfter));
        out.append(String.format("  problems on node 2 / rejoined 1    %d / %d%n", f.rowsOnSurvivor, f.rowsOnRejoined));
        checks.forEach((k, v) -> out.append(String.format("  %-34s %d%n", k, v)));
        stream.outcomes.stream()
                .filter(o -> !o.ok())
                .map(o -> o.status() + " " + o.kind() + ": "
                        + o.body().substring(0, Math.min(300, o.body().length())))
                .distinct()
                .limit(10)
                .forEach(e -> out.append("  refusal: ").append(e).append('\n'));
        out.append("=================================\n");
        System.out.println(out);
    }

    private static void assertAll(CaseFlow stream, Figures f, Map<String, Long> checks) {
        List<Outcome> unclear = new ArrayList<>(stream.outcomes.stream()
                .filter(o -> !o.ok() && !(CLEAR_REFUSALS.contains(o.status()) && o.problemJson()))
                .toList());
        assertThat(unclear)
                .as("refusals that are not a 409 or 503 problem+json")
                .isEmpty();
        assertThat(checks.get("cases registered (2xx)")).isPositive();
        assertThat(checks.get("warnings fired in the stream round")).isPositive();
        for (String zero : List.of(
                "duplicate problem numbers",
                "2xx writes missing in the database",
                "processes not where their problem's status says",
                "doubled alerts",
                "doubled progress reports",
                "doubled sign-off applications",
                "open problems without exactly one warning",
                "tasks in progress without exactly one warning",
                "failed jobs")) {
            assertThat(checks.get(zero)).as(zero).isZero();
        }
        assertThat(f.firstWriteAfterKill).as("a write accepted after the kill").isFinite();
        assertThat(f.sizeAfter).as("cluster size after the rejoin").isEqualTo(3);
        assertThat(f.rowsOnRejoined).as("problems on the rejoined node").isEqualTo(f.rowsOnSurvivor);
    }
}
