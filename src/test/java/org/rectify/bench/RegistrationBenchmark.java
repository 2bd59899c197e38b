package org.rectify.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlineType;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.NewRound;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.problem.NewProblem;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.ProblemView;
import org.rectify.problem.ResponsibilityInput;
import org.rectify.problem.Severity;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.workflow.ProcessModels.PROCESS_KEY;
import static org.rectify.workflow.ProcessModels.VAR_PROBLEM_ID;
import static org.rectify.workflow.ProcessModels.VAR_REGION_ID;

/**
 * Problem registration through the service layer (problem + responsibilities + audit + process
 * start, one transaction) against a bare start of the same process, both with {@value #THREADS}
 * client threads, in the same JVM. Prints the figures; asserts behaviour only, never timing.
 * <p>
 * {@code -Drectify.bench.count=N} measured calls per kind (split over {@value #ROUNDS} alternating
 * rounds), {@code -Drectify.bench.warmup=N} warm-up calls per kind.
 */
class RegistrationBenchmark extends IntegrationTest {

    static final int THREADS = 4;
    static final int ROUNDS = 2;
    static final int COUNT = Integer.getInteger("rectify.bench.count", 2000);
    static final int WARMUP = Integer.getInteger("rectify.bench.warmup", 300);
    static final double TARGET_RATIO = 0.6;
    static final String BARE_KEY_PREFIX = "bench-bare-";
    static final long BARE_PROBLEM_ID_BASE = -1_000_000_000L;

    @Autowired
    ProblemLifecycle lifecycle;

    @Autowired
    InspectionRounds rounds;

    @Autowired
    OrgDirectory org;

    @Autowired
    UserDetailsService users;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    private final AtomicInteger sequence = new AtomicInteger();
    private final Queue<Long> registered = new ConcurrentLinkedQueue<>();
    private ExecutorService pool;
    private UserDetails office;
    private Long roundId;
    private Long countyId;
    private ResponsibilityInput responsibility;

    /** One timed call; {@code i} is unique over the whole run. */
    interface Call {
        void run(int i);
    }

    record Result(int calls, long nanos, long[] latencies) {

        double perSecond() {
            return calls * 1e9 / nanos;
        }

        double percentileMillis(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.ceil(p * sorted.length) - 1] / 1e6;
        }

        Result plus(Result other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            return new Result(calls + other.calls, nanos + other.nanos, all);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        pool = Executors.newFixedThreadPool(THREADS);
        office = users.loadUserByUsername("office");
        countyId = unit("county").id();
        LocalDate today = Zones.today(clock);
        roundId = asOffice(() -> rounds.register(new NewRound(
                        "SELF_INSPECTION",
                        "BENCH-" + System.currentTimeMillis(),
                        "Registration benchmark",
                        "Rectify benchmark",
                        today)))
                .id();
        Long leaderId = org.userByUsername("leader").orElseThrow().id();
        responsibility = new ResponsibilityInput(
                unit("fpj").id(),
                Set.of(unit("czj").id(), unit("mzj").id()),
                leaderId,
                DeadlineType.TIME_LIMITED,
                null,
                40);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void registrationAgainstBareProcessStart() throws Exception {
        int processesBefore = processInstances().size();
        run(this::register, WARMUP);
        run(this::startBare, WARMUP);

        int perRound = COUNT / ROUNDS;
        List<Result> ours = new ArrayList<>();
        List<Result> bare = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                ours.add(run(this::register, perRound));
                bare.add(run(this::startBare, perRound));
            } else {
                bare.add(run(this::startBare, perRound));
                ours.add(run(this::register, perRound));
            }
        }
        report(ours, bare, perRound);

        int perKind = WARMUP + perRound * ROUNDS;
        assertEveryRegistrationHasItsProblemAndOneProcess(perKind);
        assertThat(processInstances().size() - processesBefore).isEqualTo(2 * perKind);
    }

    // ---- the two calls ----

    private void register(int i) {
        ProblemView p = lifecycle.register(new NewProblem(
                roundId,
                "B-" + i,
                "Benchmark problem " + i,
                "A problem registered by the registration benchmark.",
                "FUNDS",
                Severity.GENERAL,
                "Rectified in time.",
                responsibility));
        assertThat(p.id()).isNotNull();
        assertThat(p.status()).isEqualTo(ProblemStatus.REGISTERED);
        registered.add(p.id());
    }

    private void startBare(int i) {
        runtime.startProcessInstanceByKey(
                PROCESS_KEY,
                BARE_KEY_PREFIX + i,
                Variables.putValue(VAR_PROBLEM_ID, BARE_PROBLEM_ID_BASE - i).putValue(VAR_REGION_ID, countyId));
    }

    // ---- running and timing ----

    /** {@code calls} calls spread over the pool's threads, each signed in as the office user. */
    private Result run(Call call, int calls) throws Exception {
        long[] latencies = new long[calls];
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(() -> asOffice(() -> work(call, next, latencies)));
        }
        long start = System.nanoTime();
        List<Future<Void>> done = pool.invokeAll(workers);
        long nanos = System.nanoTime() - start;
        for (Future<Void> f : done) {
            f.get();
        }
        return new Result(calls, nanos, latencies);
    }

    private Void work(Call call, AtomicInteger next, long[] latencies) {
        for (int slot = next.getAndIncrement(); slot < latencies.length; slot = next.getAndIncrement()) {
            long start = System.nanoTime();
            call.run(sequence.incrementAndGet());
            latencies[slot] = System.nanoTime() - start;
        }
        return null;
    }

    /** As DemoUsers does: the current thread signed in as the office user for the action. */
    private <T> T asOffice(Callable<T> action) throws Exception {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(office, null, office.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // ---- checks ----

    private void assertEveryRegistrationHasItsProblemAndOneProcess(int perKind) {
        assertThat(registered).hasSize(perKind).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from problem where round_id = ?", Long.class, roundId))
                .isEqualTo(perKind);
        assertThat(jdbc.queryForObject(
                        "select count(*) from problem_unit u join problem p on p.id = u.problem_id "
                                + "where p.round_id = ?",
                        Long.class,
                        roundId))
                .isEqualTo(3L * perKind);

        Map<String, Long> byKey = processInstances().stream()
                .collect(Collectors.groupingBy(ProcessInstance::getBusinessKey, Collectors.counting()));
        for (Long id : registered) {
            assertThat(byKey.get(id.toString()))
                    .as("process instances of problem %d", id)
                    .isEqualTo(1L);
        }
        assertThat(byKey.keySet().stream().filter(k -> k.startsWith(BARE_KEY_PREFIX)))
                .hasSize(perKind);
        assertThat(byKey.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(BARE_KEY_PREFIX))
                        .allMatch(e -> e.getValue() == 1L))
                .isTrue();
    }

    private List<ProcessInstance> processInstances() {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .list();
    }

    private OrgUnitView unit(String code) {
        return org.unitByCode(code).orElseThrow();
    }

    // ---- the figures ----

    private void report(List<Result> oursRounds, List<Result> bareRounds, int perRound) {
        Result ours = oursRounds.stream().reduce(Result::plus).orElseThrow();
        Result bare = bareRounds.stream().reduce(Result::plus).orElseThrow();
        String db = onMariaDb() ? "MariaDB" : "H2";
        double ratio = ours.perSecond() / bare.perSecond();
        System.out.printf(
                """

                ======== RegistrationBenchmark (%s) ========
                database            %s
                threads             %d
                count               %d calls per kind (%d rounds x %d, alternating; warm-up %d per kind)
                OURS  register      %8.1f /s   p50 %6.2f ms   p95 %6.2f ms
                BARE  process start %8.1f /s   p50 %6.2f ms   p95 %6.2f ms
                ratio ours/bare     %8.2f      (target >= %.1f%s)
                per round ours/s    %s
                per round bare/s    %s
                ============================================

                """,
                db,
                db,
                THREADS,
                ours.calls(),
                ROUNDS,
                perRound,
                WARMUP,
                ours.perSecond(),
                ours.percentileMillis(0.50),
                ours.percentileMillis(0.95),
                bare.perSecond(),
                bare.percentileMillis(0.50),
                bare.percentileMillis(0.95),
                ratio,
                TARGET_RATIO,
                ratio >= TARGET_RATIO ? ", met" : ", NOT met",
                rates(oursRounds),
                rates(bareRounds));
    }

    private static String rates(List<Result> rounds) {
        return rounds.stream().map(r -> String.format("%.1f", r.perSecond())).collect(Collectors.joining("  "));
    }
}
