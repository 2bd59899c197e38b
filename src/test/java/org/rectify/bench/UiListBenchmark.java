package org.rectify.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.rectify.bench.TimedRequests.Case;
import org.rectify.bench.TimedRequests.Result;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlineType;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.NewRound;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.problem.NewProblem;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ProblemTally;
import org.rectify.problem.ResponsibilityInput;
import org.rectify.problem.Severity;
import org.rectify.problem.TriageProblem;
import org.rectify.support.IntegrationTest;
import org.rectify.support.SignedIn;
import org.rectify.task.TaskBreakdown;
import org.rectify.task.TaskDraft;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server time of the lists people open all day, with 100,000 problems in the database: the worklist
 * page, the problem-list page and the problem API, each as a signed-in user over real HTTP. Prints
 * p50/p95/max per case and checks them against its target: p95 ≤ 50 ms for the problem list, page and API
 * (issue 9), its text search included (issue 10); ≤ 150 ms for the worklist and the baseline. Asserts
 * behaviour only.
 * <p>
 * <b>The data.</b> A few thousand problems go through the services, as the office and the units would
 * take them (register; triage; claim; a plan of two tasks, submitted and approved), so that the
 * worklists query real process steps: a fifth wait for triage, a fifth for their unit head to claim,
 * a fifth for the plan, and two fifths are in rectification with a task for the lead and one for a
 * co-responsible unit. The rest are bulk-inserted with JDBC into problem and problem_unit (see
 * {@link BulkProblems}): every status, most of them closed, as in a county after a few rounds. All are
 * spread over eight rounds, the categories, severities and deadlines from a year ago to a year ahead,
 * and the county's units, the poverty bureau (fpj) leading about a tenth, so its head and case officer
 * see a realistic share. Only MariaDB gets the 100,000; H2 gets a small run that proves the code.
 * <p>
 * <b>The clock.</b> Each request is timed from sending it to the last byte of the answer, one at a time,
 * on localhost, client and server in this JVM: server time plus a fraction of a millisecond. The API
 * authenticates every request with HTTP Basic (BCrypt), so an API case costs a BCrypt check more than
 * its page; the {@code /api/me} case shows that cost alone.
 * <p>
 * {@code -Drectify.bench.list-problems=N}, {@code -Drectify.bench.list-service-problems=N},
 * {@code -Drectify.bench.list-requests=N} (per case), {@code -Drectify.bench.list-warmup=N},
 * {@code -Drectify.bench.list-cases=REGEX} (only the cases whose names match).
 */
class UiListBenchmark extends IntegrationTest {

    static final int PROBLEMS = Integer.getInteger("rectify.bench.list-problems", onMariaDb() ? 100_000 : 3_000);
    static final int THROUGH_SERVICES =
            Integer.getInteger("rectify.bench.list-service-problems", onMariaDb() ? 3_000 : 200);
    static final int REQUESTS = Integer.getInteger("rectify.bench.list-requests", onMariaDb() ? 200 : 40);
    static final int WARMUP = Integer.getInteger("rectify.bench.list-warmup", 30);
    /** The cases whose names match this regular expression (all by default), e.g. {@code .*(text|similar).*}. */
    static final String ONLY = System.getProperty("rectify.bench.list-cases", ".*");
    /** The problem list's target, page and API, office and unit head (issue 9). */
    static final double LIST_TARGET_P95_MS = 50;
    /** The worklist and the baseline. */
    static final double TARGET_P95_MS = 150;

    static final int ROUNDS = 8;
    static final int THREADS = 4;
    static final String BUSY_UNIT = "fpj";
    static final String PASSWORD = "demo1234";
    static final String[] CATEGORIES = {"FUNDS", "POLICY", "WELFARE", "PROJECTS", "WORK_STYLE", "INFRASTRUCTURE"};

    @Autowired
    ProblemLifecycle lifecycle;

    @Autowired
    TaskBreakdown breakdown;

    @Autowired
    InspectionRounds rounds;

    @Autowired
    OrgDirectory org;

    @Autowired
    UserDetailsService users;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ProblemTally tally;

    @Test
    void worklistAndProblemListWithAHundredThousandProblems() throws Exception {
        long start = System.nanoTime();
        County county = county();
        List<Long> roundIds = rounds();
        int serviceMade = throughServices(county, roundIds);
        bulkInsert(county, roundIds, PROBLEMS - serviceMade);
        analyze();
        double setupSeconds = (System.nanoTime() - start) / 1e9;

        List<Case> cases =
                cases(county).stream().filter(c -> c.name().matches(ONLY)).toList();
        List<Result> results = new TimedRequests(port, PASSWORD, WARMUP, REQUESTS).run(cases);
        report(results, serviceMade, setupSeconds);
        if (onMariaDb()) {
            explain(county);
        }

        assertThat(jdbc.queryForObject("select count(*) from problem", Long.class))
                .isGreaterThanOrEqualTo(PROBLEMS);
        for (Result r : results) {
            assertThat(r.status()).as(r.c().name() + " answered " + r.status()).isEqualTo(200);
        }
    }

    // ---- the county ----

    /** The county, the units that lead problems (fpj weighted to lead about a tenth), their heads and staff. */
    record County(
            OrgUnitView county,
            List<OrgUnitView> units,
            List<OrgUnitView> leadPool,
            Map<Long, Long> headOf,
            Map<Long, Long> staffOf,
            List<Long> leaders,
            OrgUnitView busy) {}

    private County county() {
        OrgUnitView county = org.unitByCode("county").orElseThrow();
        List<OrgUnitView> units = org.subtree(county.path()).stream()
                .filter(u -> !u.kind().isRegion())
                .toList();
        OrgUnitView busy = org.unitByCode(BUSY_UNIT).orElseThrow();
        List<OrgUnitView> pool = new ArrayList<>(units);
        for (int i = 0; i < units.size() / 9; i++) {
            pool.add(busy);
        }
        Map<Long, Long> heads = new HashMap<>();
        Map<Long, Long> staff = new HashMap<>();
        for (OrgUnitView u : units) {
            heads.put(
                    u.id(), org.userByUsername("head." + u.code()).orElseThrow().id());
            staff.put(
                    u.id(),
                    org.userByUsername("staff." + u.code()).orElseThrow().id());
        }
        List<Long> leaders = List.of(
                org.userByUsername("leader").orElseThrow().id(),
                org.userByUsername("leader2").orElseThrow().id());
        return new County(county, units, pool, heads, staff, leaders, busy);
    }

    private List<Long> rounds() {
        SignedIn signed = new SignedIn(users);
        String[] sources = {
            "INSPECTION_TOUR",
            "LOOK_BACK",
            "SUPERVISION",
            "UNANNOUNCED",
            "THIRD_PARTY",
            "CROSS_ASSESSMENT",
            "SPECIAL_PATROL",
            "SELF_INSPECTION"
        };
        LocalDate today = Zones.today(clock);
        List<Long> ids = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            NewRound round = new NewRound(
                    sources[r],
                    "LIST-" + r + "-" + System.currentTimeMillis(),
                    "列表基准第 " + (r + 1) + " 轮",
                    "Rectify benchmark",
                    today.minusDays(90L * (ROUNDS - r)));
            ids.add(signed.as("office", () -> rounds.register(round)).id());
        }
        return ids;
    }

    // ---- problems through the services, with their processes ----

    private int throughServices(County county, List<Long> roundIds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(() -> {
                    SignedIn signed = new SignedIn(users);
                    for (int i = thread; i < THROUGH_SERVICES; i += THREADS) {
                        takeThrough(signed, county, roundIds.get(i % ROUNDS), i);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return THROUGH_SERVICES;
    }

    /** Problem i goes as far as its stage: 0 registered, 1 assigned, 2 claimed, 3-4 in rectification. */
    private void takeThrough(SignedIn signed, County county, long roundId, int i) {
        int stage = i % 5;
        OrgUnitView lead = county.leadPool().get(i * 7 % county.leadPool().size());
        OrgUnitView co = county.units().get(i * 13 % county.units().size());
        Set<Long> coUnits = co.equals(lead) ? Set.of() : Set.of(co.id());
        String category = CATEGORIES[i % CATEGORIES.length];
        ResponsibilityInput responsibility = new ResponsibilityInput(
                lead.id(), coUnits, county.leaders().get(i % 2), DeadlineType.TIME_LIMITED, null, 20 + i % 120);
        long id = retry(() -> signed.as(
                        "office",
                        () -> lifecycle.register(new NewProblem(
                                roundId,
                                "S-%05d".formatted(i),
                                lead.nameZh() + BulkProblems.TOPICS[i % BulkProblems.TOPICS.length] + "问题",
                                "经核查，存在问题，需限期整改。",
                                category,
                                Severity.GENERAL,
                                "按期整改到位。",
                                responsibility)))
                .id());
        if (stage >= 1) {
            retry(() -> signed.as(
                    "office",
                    () -> lifecycle.triage(id, new TriageProblem(category, Severity.GENERAL, null, responsibility))));
        }
        if (stage >= 2) {
            retry(() -> signed.as(
                    "head." + lead.code(),
                    () -> lifecycle.claim(id, county.staffOf().get(lead.id()))));
        }
        if (stage >= 3) {
            retry(() -> signed.as("staff." + lead.code(), () -> {
                breakdown.add(
                        id,
                        new TaskDraft(
                                "制定整改方案并组织实施",
                                "问题整改到位，佐证齐全",
                                lead.id(),
                                DeadlineType.TIME_LIMITED,
                                null,
                                5 + i % 15,
                                null));
                breakdown.add(
                        id,
                        new TaskDraft(
                                "建立长效机制", "制度印发并执行", co.id(), DeadlineType.TIME_LIMITED, null, 10 + i % 10, null));
                breakdown.submitPlan(id);
                return null;
            }));
            retry(() -> signed.as("office", () -> {
                breakdown.approvePlan(id);
                return null;
            }));
        }
    }

    /** Four threads on two cores now and then lose a lock race (a deadlock victim); that step is retried. */
    private static <T> T retry(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (ConcurrencyFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    // ---- the rest in bulk ----

    private void bulkInsert(County county, List<Long> roundIds, int count) {
        BulkProblems bulk = new BulkProblems(jdbc);
        BulkProblems.Setting setting = new BulkProblems.Setting(
                county.county(),
                county.leadPool(),
                county.headOf(),
                county.staffOf(),
                county.leaders(),
                calendar::onOrAfter,
                Zones.today(clock));
        for (int r = 0; r < ROUNDS; r++) {
            int inRound = count / ROUNDS + (r < count % ROUNDS ? 1 : 0);
            bulk.insert(setting, roundIds.get(r), "B" + r, inRound);
        }
    }

    /** The problem tally folded and fresh optimizer statistics after the bulk load, as a database in service has. */
    private void analyze() {
        tally.fold();
        if (onMariaDb()) {
            jdbc.queryForList("analyze table problem, problem_unit, problem_gram, ACT_RU_TASK, ACT_RU_IDENTITYLINK");
        } else {
            jdbc.execute("analyze");
        }
    }

    // ---- the cases and their timing ----

    private List<Case> cases(County county) {
        long unit = county.busy().id();
        long village = org.unitByCode("dgc").orElseThrow().id();
        String head = "head." + BUSY_UNIT;
        String staff = "staff." + BUSY_UNIT;
        String text = SignedInClient.encode("危房");
        List<Case> cases = new ArrayList<>(List.of(
                new Case("worklist page · office", "office", "/", false),
                new Case("worklist page · office · page 5", "office", "/?page=4", false),
                new Case("worklist page · unit head " + BUSY_UNIT, head, "/", false),
                new Case("worklist page · case officer " + BUSY_UNIT, staff, "/", false),
                new Case("worklist API · office", "office", "/api/worklist", true)));
        // label, the page's query, the API's query (the page numbers pages from 0, as the API does)
        String[][] lists = {
            {"page 1, default sort", "", ""},
            {"status in rectification", "status=IN_PROGRESS", "status=IN_PROGRESS"},
            {"unit " + BUSY_UNIT, "unit=" + unit, "unitId=" + unit},
            {"colour red", "colour=RED", "colour=RED"},
            {"text 危房", "q=" + text, "q=" + text},
            {"sorted by deadline", "sort=deadline&dir=asc", "sort=deadlineDate,asc"},
            {
                "status + sorted by deadline",
                "status=IN_PROGRESS&sort=deadline&dir=asc",
                "status=IN_PROGRESS&sort=deadlineDate,asc"
            },
            {"page 2000", "page=1999", "page=1999"}
        };
        for (boolean api : new boolean[] {false, true}) {
            String path = api ? "/api/problems" : "/problems";
            String kind = api ? "problem API" : "problem page";
            for (String[] list : lists) {
                cases.add(new Case(kind + " · office · " + list[0], "office", path + query(list[api ? 2 : 1]), api));
            }
            cases.add(new Case(kind + " · unit head " + BUSY_UNIT + " (scope)", head, path, api));
            cases.add(new Case(
                    kind + " · unit head " + BUSY_UNIT + " · by deadline",
                    head,
                    path + (api ? "?sort=deadlineDate,asc" : "?sort=deadline&dir=asc"),
                    api));
            cases.add(new Case(
                    kind + " · unit head cgz · unit dgc (a village below)",
                    "head.cgz",
                    path + (api ? "?unitId=" : "?unit=") + village,
                    api));
        }
        long problem = jdbc.queryForObject("select min(id) from problem where number like 'B0-%'", Long.class);
        cases.add(new Case(
                "similar API · office · a problem's (举一反三)",
                "office",
                "/api/problems/" + problem + "/similar?limit=10",
                true));
        cases.add(new Case(
                "similar API · office · a text being typed",
                "office",
                "/api/similar?limit=10&text=" + SignedInClient.encode("危房改造补助资金拨付不及时，农户仍居住在危房"),
                true));
        cases.add(new Case("baseline · /api/me (HTTP Basic + BCrypt only)", "office", "/api/me", true));
        return cases;
    }

    private static String query(String q) {
        return q.isEmpty() ? "" : "?" + q;
    }

    // ---- the plans ----

    /**
     * MariaDB's plans for the list's statements, as Hibernate writes them (seen with
     * {@code -Dlogging.level.org.hibernate.SQL=debug}) and as the worklist's native query is.
     * The groups are the office's.
     */
    private void explain(County county) {
        String region = "'" + county.county().path() + "%'";
        String scope = "'" + county.busy().path() + "%'";
        String inScope =
                " exists (select 1 from problem_unit u where u.unit_path like " + scope + " and p.id = u.problem_id)";
        String mine = "(select T.ID_ from ACT_RU_TASK T where T.ASSIGNEE_ = 'office' union select I.TASK_ID_"
                + " from ACT_RU_IDENTITYLINK I join ACT_RU_TASK T on T.ID_ = I.TASK_ID_ where I.TYPE_ = 'candidate'"
                + " and I.GROUP_ID_ in ('OFFICE@" + county.county().id() + "') and T.ASSIGNEE_ is null) MINE";
        Map<String, String> statements = new java.util.LinkedHashMap<>();
        statements.put("count, region", "select count(p.id) from problem p where p.region_path like " + region);
        statements.put(
                "page 1, region (API: by id)",
                "select p.id from problem p where p.region_path like " + region + " order by p.id limit 0, 20");
        statements.put(
                "page 1, region (page: by number)",
                "select p.id from problem p where p.region_path like " + region
                        + " order by p.number, p.id limit 0, 20");
        statements.put(
                "the page's rows",
                "select p.* from problem p where p.id in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10,"
                        + " 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)");
        statements.put(
                "count, status",
                "select count(p.id) from problem p where p.region_path like " + region
                        + " and p.status = 'IN_PROGRESS'");
        statements.put(
                "page 1, status",
                "select p.id from problem p where p.region_path like " + region
                        + " and p.status = 'IN_PROGRESS' order by p.id limit 0, 20");
        statements.put(
                "count, unit",
                "select count(p.id) from problem p where p.region_path like " + region
                        + " and exists (select 1 from problem_unit u where u.unit_id = "
                        + county.busy().id()
                        + " and p.id = u.problem_id)");
        statements.put(
                "page 1, by deadline",
                "select p.id from problem p where p.region_path like " + region
                        + " order by p.deadline_date, p.id limit 0, 20");
        statements.put(
                "page 1, status by deadline",
                "select p.id from problem p where p.region_path like " + region
                        + " and p.status = 'IN_PROGRESS' order by p.deadline_date, p.id limit 0, 20");
        statements.put(
                "count, colour red",
                "select count(p.id) from problem p where p.region_path like " + region
                        + " and p.status not in ('CLOSED', 'VERIFIED') and (p.deadline_type = 'IMMEDIATE'"
                        + " and p.deadline_date < current_date or p.deadline_type = 'TIME_LIMITED'"
                        + " and p.deadline_date < current_date or p.deadline_type = 'LONG_TERM' and p.deadline_date < current_date)");
        statements.put(
                "count, text",
                "select count(p.id) from problem p where p.region_path like " + region
                        + " and p.id in (select g.problem_id from problem_gram g where g.gram = '危房')"
                        + " and (p.title like '%危房%' or p.number like '%危房%')");
        statements.put(
                "page 2000 (API: by id)",
                "select p.id from problem p where p.region_path like " + region + " order by p.id limit 39980, 20");
        statements.put(
                "page 2000 (page: by number)",
                "select p.id from problem p where p.region_path like " + region
                        + " order by p.number, p.id limit 39980, 20");
        statements.put("count, unit scope", "select count(p.id) from problem p where" + inScope);
        statements.put(
                "page 1, unit scope",
                "select p.id from problem p where" + inScope + " order by p.number, p.id limit 0, 20");
        statements.put(
                "worklist page",
                "select RES.* from ACT_RU_TASK RES, " + mine + " where RES.ID_ = MINE.ID_"
                        + " order by case when RES.DUE_DATE_ is null then 1 else 0 end, RES.DUE_DATE_, RES.CREATE_TIME_,"
                        + " RES.ID_ limit 0, 20");
        StringBuilder out = new StringBuilder("\n======== UiListBenchmark: MariaDB plans ========\n");
        statements.forEach((name, sql) -> {
            out.append("-- ").append(name).append('\n');
            for (Map<String, Object> row : jdbc.queryForList("explain " + sql)) {
                out.append("   ")
                        .append(row.get("table"))
                        .append(" type=")
                        .append(row.get("type"))
                        .append(" key=")
                        .append(row.get("key"))
                        .append(" rows=")
                        .append(row.get("rows"))
                        .append(" extra=")
                        .append(row.get("Extra"))
                        .append('\n');
            }
        });
        System.out.println(out.append("================================================\n"));
    }

    // ---- the figures ----

    private void report(List<Result> results, int serviceMade, double setupSeconds) {
        String db = onMariaDb() ? "MariaDB" : "H2";
        long steps = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
        long problems = jdbc.queryForObject("select count(*) from problem", Long.class);
        List<Result> measured = results.stream().filter(Result::present).toList();
        List<Result> list = measured.stream()
                .filter(r -> target(r.c()) == LIST_TARGET_P95_MS)
                .toList();
        System.out.printf(
                """

                ======== UiListBenchmark (%s) ========
                problems in the database  %,d (%,d through the services with their processes, the rest bulk-inserted)
                open process steps        %,d (ACT_RU_TASK)
                set-up                    %.1f s
                requests                  %d per case after %d warm-up, one at a time, as a signed-in user
                time measured             HTTP round trip on localhost, request sent to last byte received
                                          (client and server in one JVM: server time + < 1 ms)
                %s
                problem list, text search, similar: p95 <= %.0f ms (9, 10)  met in %d of %d cases
                worklist, baseline: p95 <= %.0f ms                           met in %d of %d cases
                =====================================

                """,
                db,
                problems,
                serviceMade,
                steps,
                setupSeconds,
                REQUESTS,
                WARMUP,
                TimedRequests.table(results, UiListBenchmark::target),
                LIST_TARGET_P95_MS,
                met(list),
                list.size(),
                TARGET_P95_MS,
                met(measured) - met(list),
                measured.size() - list.size());
    }

    /**
     * The problem list's cases have issue 9's target, its text search and the similar problems issue 10's, the
     * same; the others 150 ms.
     */
    static double target(Case c) {
        boolean problemList = c.name().startsWith("problem page")
                || c.name().startsWith("problem API")
                || c.name().startsWith("similar");
        return problemList ? LIST_TARGET_P95_MS : TARGET_P95_MS;
    }

    private static long met(List<Result> results) {
        return results.stream().filter(r -> r.millis(0.95) <= target(r.c())).count();
    }
}
