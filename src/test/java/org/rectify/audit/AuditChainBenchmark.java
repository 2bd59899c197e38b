package org.rectify.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rectify.common.TransactionBatches;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.NewRound;
import org.rectify.org.NewUnit;
import org.rectify.org.OrgAdministration;
import org.rectify.org.OrgSetup;
import org.rectify.org.UnitKind;
import org.rectify.problem.NewProblem;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.support.IntegrationTest;
import org.rectify.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the audit chain costs, and how fast it is verified. Prints the figures; asserts behaviour only, never
 * timing.
 * <ol>
 *   <li><b>Audited actions per second with and without the chain</b>: two actions through the service layer,
 *   with {@value #THREADS} threads, in alternating rounds with sealing on and off ({@link AuditChain#sealing}),
 *   each round timed until its last record is linked into the chain:
 *   a unit renamed by the administrator (a light action, one row and its audit record) and a problem registered
 *   by the office (a process start, history and its audit records). The records written with sealing off are
 *   sealed afterwards, so that the chain verifies clean. {@code -Drectify.bench.count=N} actions per kind and
 *   state (default 9,000, after 2,000 of each kind to warm up), over {@code -Drectify.bench.rounds=N} rounds
 *   (default 9). The rates climb as the run goes on (the JIT, the caches), so the cost is the median of the
 *   rounds' own ratios, each round running both states back to back (which first alternating).</li>
 *   <li><b>The verifier over 10 million records</b> (MariaDB; 200,000 on H2, whose tables live in the heap):
 *   records written with their digests in transactions of 10,000 through {@link TransactionBatches}, queued
 *   by {@link AuditChain#seal} and linked by the linker, as the trail's are; then the whole chain walked by {@link AuditVerification}.
 *   {@code -Drectify.bench.audit-records=N}.</li>
 * </ol>
 * {@code RECTIFY_TEST_DB_URL=jdbc:mysql://127.0.0.1:3306/ ./mvnw -Pbench verify -Dit.test=AuditChainBenchmark}
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainBenchmark extends IntegrationTest {

    static final int THREADS = 4;
    static final int ROUNDS = Integer.getInteger("rectify.bench.rounds", 9);
    static final int COUNT = Integer.getInteger("rectify.bench.count", 9_000);
    static final int WARMUP = Integer.getInteger("rectify.bench.warmup", 2_000);
    static final long RECORDS = Long.getLong("rectify.bench.audit-records", onMariaDb() ? 10_000_000L : 200_000L);
    static final int PER_TRANSACTION = 10_000;
    static final double TARGET_COST = 0.10;
    private static final String INSERT = "insert into audit_record (occurred_at, actor, actor_roles, actor_unit_id,"
            + " action, target_type, target_id, problem_id, before_state, after_state, reason, digest)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Autowired
    AuditChain chain;

    @Autowired
    AuditVerification verification;

    @Autowired
    TransactionBatches batches;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OrgAdministration administration;

    @Autowired
    OrgSetup setup;

    @Autowired
    ProblemLifecycle lifecycle;

    @Autowired
    InspectionRounds rounds;

    @Autowired
    UserDetailsService users;

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    private final AtomicInteger sequence = new AtomicInteger();
    private ExecutorService pool;
    private long[] units;
    private long roundId;

    @BeforeEach
    void setUp() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void tearDown() {
        chain.sealing(true);
        pool.shutdownNow();
    }

    /** One audited action; {@code i} is unique over the run, {@code thread} the worker's number. */
    interface Action {
        void run(int i, int thread);
    }

    @Test
    @Order(1)
    void auditedActionsWithAndWithoutTheChain() throws Exception {
        long county = jdbc.queryForObject("select unit_id from app_user where username = 'admin'", Long.class);
        units = new long[THREADS];
        for (int t = 0; t < THREADS; t++) {
            units[t] = setup.createUnit(new NewUnit(
                            county, "bench-chain-" + System.nanoTime(), "基准" + t, "Bench " + t, UnitKind.DEPARTMENT))
                    .id();
        }
        roundId = as(
                        "office",
                        () -> rounds.register(new NewRound(
                                "SELF_INSPECTION",
                                "CHAIN-" + System.currentTimeMillis(),
                                "Audit chain benchmark",
                                "Rectify benchmark",
                                java.time.LocalDate.now())))
                .id();
        Action rename = (i, t) -> administration.renameUnit(units[t], "基准单位" + i, "Bench unit " + i);
        Action register = (i, t) -> lifecycle.register(new NewProblem(
                roundId,
                "C-" + i,
                "基准问题 " + i,
                "A problem registered by the audit chain benchmark.",
                null,
                null,
                null,
                null));

        long recordsBefore = count("select count(*) from audit_record");
        chain.linkPending();
        Timer lock = registry.find("rectify.audit.chain.lock").timer();
        long locksBefore = lock.count();
        long linkedBefore = count("select seq from audit_chain_head where id = 1");
        run("admin", rename, WARMUP);
        run("office", register, WARMUP);
        int perRound = COUNT / ROUNDS;
        double[][] renameRate = new double[2][ROUNDS];
        double[][] registerRate = new double[2][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < 2; k++) {
                boolean on = (round + k) % 2 == 0;
                chain.sealing(on);
                renameRate[on ? 0 : 1][round] = run("admin", rename, perRound);
                registerRate[on ? 0 : 1][round] = run("office", register, perRound);
            }
        }
        chain.sealing(true);
        long linkedAfter = count("select seq from audit_chain_head where id = 1");
        long batches = lock.count() - locksBefore;

        // The records written with sealing off, sealed now: the chain is whole again.
        List<Long> unsealed = jdbc.queryForList(
                "select r.id from audit_record r where not exists"
                        + " (select 1 from audit_seal s where s.record_id = r.id) order by r.id",
                Long.class);
        transactions.executeWithoutResult(s -> chain.append(unsealed));
        long written = count("select count(*) from audit_record") - recordsBefore;
        assertThat(written).isGreaterThanOrEqualTo(2L * (WARMUP + 2L * perRound * ROUNDS));
        assertThat(verification.verify().findings()).isEmpty();

        System.out.printf(
                "%n=== AuditChainBenchmark: audited actions per second, %s, %d threads, %d rounds of %d"
                        + " actions per kind and state ===%n",
                onMariaDb() ? "MariaDB" : "H2", THREADS, ROUNDS, perRound);
        line("unit renamed (light)", renameRate);
        line("problem registered", registerRate);
        Timer held = registry.find("rectify.audit.chain.held").timer();
        System.out.printf(
                "the chain's head: linked in %d batches (%.1f records a batch), each waited for it %.2f ms"
                        + " on average (max %.1f ms) and held it %.2f ms (max %.1f ms)%n",
                batches,
                (double) (linkedAfter - linkedBefore) / Math.max(1, batches),
                lock.mean(TimeUnit.MILLISECONDS),
                lock.max(TimeUnit.MILLISECONDS),
                held.mean(TimeUnit.MILLISECONDS),
                held.max(TimeUnit.MILLISECONDS));
        System.out.printf(
                "records written in the run: %d (%d left unsealed by the rounds without the chain, sealed"
                        + " afterwards)%n%n",
                written, unsealed.size());
    }

    @Test
    @Order(2)
    void theVerifierOverManyRecords() throws Exception {
        long start = System.nanoTime();
        AtomicLong done = new AtomicLong();
        TransactionBatches.Keyed insert = new TransactionBatches.Keyed(
                INSERT,
                (ids, rows) ->
                        chain.seal(ids, rows.stream().map(r -> (String) r[11]).toList()),
                n -> {});
        List<Future<?>> writers = new ArrayList<>();
        long transactionsNeeded = (RECORDS + PER_TRANSACTION - 1) / PER_TRANSACTION;
        AtomicLong nextTransaction = new AtomicLong();
        for (int w = 0; w < 2; w++) {
            writers.add(pool.submit(() -> {
                for (long t = nextTransaction.getAndIncrement();
                        t < transactionsNeeded;
                        t = nextTransaction.getAndIncrement()) {
                    long from = t * PER_TRANSACTION;
                    long to = Math.min(RECORDS, from + PER_TRANSACTION);
                    transactions.executeWithoutResult(s -> {
                        for (long i = from; i < to; i++) {
                            batches.add(insert, row(i));
                        }
                    });
                    long total = done.addAndGet(to - from);
                    if (total % 1_000_000 < PER_TRANSACTION && total >= 1_000_000) {
                        System.out.printf(
                                "  %,d records written and sealed, %.0f s%n", total, (System.nanoTime() - start) / 1e9);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : writers) {
            f.get();
        }
        chain.linkPending();
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long seals = count("select seq from audit_chain_head where id = 1");
        // What a node does when it starts: a sweep of all the records for any left without a seal.
        long sweepStart = System.nanoTime();
        assertThat(chain.sweep(true, java.time.Duration.ZERO)).isZero();
        double sweepSeconds = (System.nanoTime() - sweepStart) / 1e9;

        System.gc();
        resetPeaks();
        AuditVerifier.Report report = verification.verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.seals()).isEqualTo(seals);
        double seconds = report.took().toNanos() / 1e9;
        System.out.printf("%n=== AuditChainBenchmark: the verifier, %s ===%n", onMariaDb() ? "MariaDB" : "H2");
        System.out.printf(
                "written and sealed: %,d records in %.0f s (%.0f records/s, 2 writers, %,d a transaction)%n",
                RECORDS, writeSeconds, RECORDS / writeSeconds, PER_TRANSACTION);
        System.out.printf("a node's sweep at its start, for records left without a seal: %.1f s%n", sweepSeconds);
        System.out.printf(
                "verified: %,d seals in %.1f s = %,.0f seals/s; heap used at its peak %d MB (-Xmx %d MB)%n%n",
                report.seals(),
                seconds,
                report.seals() / seconds,
                peakHeapMb(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    // ---- running and timing ----

    /**
     * {@code calls} actions over the pool's threads, each signed in as {@code user}, and their records linked
     * into the chain; actions per second.
     */
    private double run(String user, Action action, int calls) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(() -> as(user, () -> {
                while (next.getAndIncrement() < calls) {
                    action.run(sequence.incrementAndGet(), thread);
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        for (Future<Void> f : pool.invokeAll(workers)) {
            f.get();
        }
        // Until the last record is in the chain (with sealing off nothing is queued: a query).
        chain.linkPending();
        return calls * 1e9 / (System.nanoTime() - start);
    }

    private <T> T as(String username, Callable<T> action) {
        return new SignedIn(users).as(username, action);
    }

    private static void line(String kind, double[][] rates) {
        double[] ratios = new double[rates[0].length];
        for (int r = 0; r < ratios.length; r++) {
            ratios[r] = (rates[0][r] / rates[1][r] - 1) * 100;
        }
        System.out.printf(
                "%-22s with the chain %6.1f/s, without %6.1f/s (medians); cost: %+.1f %%, the median of"
                        + " the rounds' %s %% (target: at most %.0f %% slower)%n    rounds with %s, without %s%n",
                kind,
                median(rates[0]),
                median(rates[1]),
                median(ratios),
                Arrays.stream(ratios).mapToObj(v -> String.format("%+.0f", v)).toList(),
                TARGET_COST * 100,
                round(rates[0]),
                round(rates[1]));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String round(double[] values) {
        return Arrays.stream(values)
                .mapToObj(v -> String.format("%.0f", v))
                .toList()
                .toString();
    }

    /** A generated record: the sizes and kinds of a real trail's (actions, JSON states, a reason now and then). */
    private static Object[] row(long i) {
        String[] actions = {"PROGRESS_REPORTED", "TASK_STARTED", "EVIDENCE_NOTED", "SIGN_OFF_APPLIED", "PROBLEM_TRIAGED"
        };
        AuditForm.Stored r = new AuditForm.Stored(
                0,
                LocalDateTime.of(2026, 1, 1, 8, 0).plusSeconds(i),
                "staff." + (i % 500),
                "UNIT_STAFF",
                1000 + i % 500,
                actions[(int) (i % actions.length)],
                "TASK",
                i,
                i / 4,
                "{\"status\":\"IN_PROGRESS\",\"progressPercent\":" + (i % 100) + "}",
                "{\"status\":\"IN_PROGRESS\",\"progressPercent\":" + (i % 100 + 1) + ",\"nextReportDue\":\"2026-02-0"
                        + (1 + i % 9) + "\",\"progressReportId\":" + i + "}",
                i % 5 == 0 ? "按期报送整改进展，附现场照片" + i : null);
        return new Object[] {
            r.occurredAt(),
            r.actor(),
            r.roles(),
            r.unitId(),
            r.action(),
            r.targetType(),
            r.targetId(),
            r.problemId(),
            r.before(),
            r.after(),
            r.reason(),
            AuditForm.digest(r)
        };
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed())
                        .sum()
                / (1024 * 1024);
    }
}
