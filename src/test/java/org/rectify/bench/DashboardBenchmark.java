package org.rectify.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rectify.bench.TimedRequests.Case;
import org.rectify.bench.TimedRequests.Result;
import org.rectify.common.Zones;
import org.rectify.dashboard.Dashboard;
import org.rectify.dashboard.Dashboards;
import org.rectify.dashboard.Figure;
import org.rectify.dashboard.FigureFilter;
import org.rectify.support.SecondNode;
import org.rectify.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leadership's dashboard, the ledger export and the problem list on the data of {@link ScaleDataBenchmark}
 * (run that first; this class is skipped while the scale database is empty):
 * <pre>
 * ./mvnw -Pbench verify -Dit.test=DashboardBenchmark
 * </pre>
 * <ul>
 * <li><b>Dashboard</b>: {@code Dashboards.dashboard(FigureFilter)} called in this JVM as a signed-in user, for
 * a county's office, a province's office and the nation's office, now and as of a past day (90 days ago);
 * p50/p95/max of the service's time (everything but rendering), against the target p95 &le; 150 ms. One
 * more call per case records its statements (their count, time and the slowest), and the slowest
 * statements of the national cases are EXPLAINed. Asserts that a region role at the nation (its office,
 * its leader) sees every problem.</li>
 * <li><b>Export</b>: the ledger whose rows come nearest 100,000 ({@code -Drectify.bench.export-rows}),
 * as .xlsx, from the packaged jar in a JVM of its own started with {@code -Xmx512m}, over HTTP; its time
 * to the last byte, twice (cold, warm), and its peak heap from that JVM's GC log (the heap in use before
 * each collection during the export, and after it).</li>
 * <li><b>Problem list</b>: page and API over HTTP as in {@link UiListBenchmark}, for the nation's and a
 * province's office and a township's head, filtered by unit; target p95 &le; 50 ms.</li>
 * </ul>
 * {@code -Drectify.bench.dashboard-requests=N} (20), {@code -Drectify.bench.dashboard-warmup=N} (2),
 * {@code -Drectify.bench.dashboard-case-seconds=S} (a case stops measuring after S seconds, 120, but not
 * before {@code -Drectify.bench.dashboard-min=N} requests, 5; a case whose first call takes over 10 s is
 * called once), {@code -Drectify.bench.dashboard-scopes=county,province,nation} (which),
 * {@code -Drectify.bench.dashboard-parts=lists,export,dashboard} (which parts),
 * {@code -Drectify.bench.list-requests=N} (100).
 */
@ExtendWith(DashboardBenchmark.ScaleDataPresent.class)
@Import(RecordedStatements.Config.class)
class DashboardBenchmark extends ScaleTest {

    static final int REQUESTS = Integer.getInteger("rectify.bench.dashboard-requests", 20);
    static final int WARMUP = Integer.getInteger("rectify.bench.dashboard-warmup", 2);
    static final int AT_LEAST = Integer.getInteger("rectify.bench.dashboard-min", 5);
    static final long SLOW_NANOS = 10_000_000_000L;
    static final List<String> PARTS =
            List.of(System.getProperty("rectify.bench.dashboard-parts", "lists,export,dashboard")
                    .split(","));
    static final List<String> SCOPES =
            List.of(System.getProperty("rectify.bench.dashboard-scopes", "county,province,nation")
                    .split(","));
    static final long CASE_NANOS = Long.getLong("rectify.bench.dashboard-case-seconds", 120) * 1_000_000_000L;
    static final int EXPORT_ROWS = Integer.getInteger("rectify.bench.export-rows", 100_000);
    static final int EXPORT_LIMIT = 200_000;
    static final int LIST_REQUESTS = Integer.getInteger("rectify.bench.list-requests", 100);
    static final int PAST_DAYS = Integer.getInteger("rectify.bench.past-days", 7);
    static final double DASHBOARD_TARGET_MS = 150;
    static final double LIST_TARGET_MS = 50;
    static final String PASSWORD = "demo1234";

    @Autowired
    Dashboards dashboards;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    Clock clock;

    /** A dashboard's reader: the scope's name, the user. */
    record Scope(String name, String user) {}

    record Timing(String name, long[] nanos, List<RecordedStatements.Statement> statements, Dashboard last) {

        double millis(double percentile) {
            return TimedRequests.millis(nanos, percentile);
        }
    }

    @Test
    void dashboardsExportAndListsOfANationalDeployment() throws Exception {
        System.out.println(sizes());
        if (PARTS.contains("lists")) {
            System.out.println(lists());
        }
        if (PARTS.contains("export")) {
            System.out.println(export());
        }
        if (!PARTS.contains("dashboard")) {
            return;
        }
        LocalDate past = Zones.today(clock).minusDays(PAST_DAYS);
        String county = jdbc.queryForObject("""
                select u.code from org_unit u join problem p on p.region_id = u.id group by u.code
                order by count(*), u.code limit 1 offset 1400""", String.class);
        List<Scope> scopes = new ArrayList<>(List.of(
                new Scope("county office (" + county + ")", "office." + county),
                new Scope("province office (p01)", "office.p01"),
                new Scope("nation office", "office.nation")));
        scopes.removeIf(s -> SCOPES.stream().noneMatch(s.name()::startsWith));
        System.out.println(DASHBOARD_HEADER);
        List<Timing> timings = new ArrayList<>();
        for (Scope scope : scopes) {
            for (FigureFilter filter :
                    List.of(FigureFilter.none(), new FigureFilter(past, null, null, null, null, null, null))) {
                Timing t = time(
                        scope.name() + (filter.asOf() == null ? " · now" : " · as of " + past), scope.user(), filter);
                System.out.println(line(t));
                timings.add(t);
            }
        }
        System.out.println(explain(timings.stream()
                .filter(t -> t.name().startsWith("nation office"))
                .toList()));

        if (SCOPES.contains("nation")) {
            // A region role at the nation sees everything: its office (timed above) and its leader.
            long problems = jdbc.queryForObject("select count(*) from problem", Long.class);
            Dashboard office = timings.stream()
                    .filter(t -> t.name().equals("nation office · now"))
                    .findFirst()
                    .orElseThrow()
                    .last();
            Dashboard leader = new SignedIn(users).as("leader.nation", () -> dashboards.dashboard(FigureFilter.none()));
            assertThat(office.totals().figures().count(Figure.PROBLEMS))
                    .as("the nation's office sees every problem")
                    .isEqualTo(problems);
            assertThat(leader.totals().figures().count(Figure.PROBLEMS))
                    .as("the nation's leader sees every problem")
                    .isEqualTo(problems);
        }
    }

    // ---- the dashboard ----

    /**
     * Warm-up calls, then measured calls until the case's time is up (but at least {@link #AT_LEAST}), then one
     * that records its statements. A case whose first call takes over {@link #SLOW_NANOS} is called once only,
     * that call measured and recorded.
     */
    private Timing time(String name, String user, FigureFilter filter) {
        SignedIn signed = new SignedIn(users);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < WARMUP; i++) {
            long start = System.nanoTime();
            RecordedStatements.recording();
            Dashboard first = signed.as(user, () -> dashboards.dashboard(filter));
            List<RecordedStatements.Statement> statements = RecordedStatements.stop();
            long took = System.nanoTime() - start;
            if (i == 0 && took > SLOW_NANOS) {
                return new Timing(name, new long[] {took}, statements, first);
            }
        }
        long started = System.nanoTime();
        while (nanos.size() < REQUESTS && (nanos.size() < AT_LEAST || System.nanoTime() - started < CASE_NANOS)) {
            long start = System.nanoTime();
            signed.as(user, () -> dashboards.dashboard(filter));
            nanos.add(System.nanoTime() - start);
        }
        RecordedStatements.recording();
        Dashboard last = signed.as(user, () -> dashboards.dashboard(filter));
        List<RecordedStatements.Statement> statements = RecordedStatements.stop();
        return new Timing(name, nanos.stream().mapToLong(Long::longValue).toArray(), statements, last);
    }

    private static final String DASHBOARD_HEADER = """

            ======== DashboardBenchmark: Dashboards.dashboard(FigureFilter), service time in this JVM ========
            %-44s %5s %9s %9s %9s  %-9s %5s %9s  %s""".formatted(
                    "case",
                    "n",
                    "p50 ms",
                    "p95 ms",
                    "max ms",
                    "p95<=150",
                    "stmts",
                    "stmt Σms",
                    "slowest statements of one call (ms; a live call runs them at once)");

    private static String line(Timing t) {
        List<RecordedStatements.Statement> slowest = t.statements().stream()
                .sorted(Comparator.comparingLong(RecordedStatements.Statement::nanos)
                        .reversed())
                .limit(4)
                .toList();
        StringBuilder slow = new StringBuilder();
        for (RecordedStatements.Statement s : slowest) {
            slow.append("%.0f %s; ".formatted(s.nanos() / 1e6, label(s.sql())));
        }
        return "%-44s %5d %9.1f %9.1f %9.1f  %-9s %5d %9.0f  %s"
                .formatted(
                        t.name(),
                        t.nanos().length,
                        t.millis(0.5),
                        t.millis(0.95),
                        t.millis(1.0),
                        t.millis(0.95) <= DASHBOARD_TARGET_MS ? "met" : "NOT met",
                        t.statements().size(),
                        t.statements().stream()
                                        .mapToLong(RecordedStatements.Statement::nanos)
                                        .sum()
                                / 1e6,
                        slow);
    }

    /** What a statement is: its kind of rows, its grouping, whether it is a trend week. */
    private static String label(String sql) {
        String kind = sql.contains("from task_history") ? "tasks" : "problems";
        Matcher group = Pattern.compile("group by (\\S+)").matcher(sql);
        String by = group.find() ? " by " + group.group(1) : "";
        return (sql.contains(" registered, ") ? "trend week" : kind) + by;
    }

    /** MariaDB's plans and its own time for the slowest statements of the national cases. */
    private String explain(List<Timing> national) {
        StringBuilder out =
                new StringBuilder("\n======== DashboardBenchmark: plans of the slowest national statements ========\n");
        for (Timing t : national) {
            List<RecordedStatements.Statement> slowest = t.statements().stream()
                    .sorted(Comparator.comparingLong(RecordedStatements.Statement::nanos)
                            .reversed())
                    .limit(3)
                    .toList();
            for (RecordedStatements.Statement s : slowest) {
                out.append("-- ")
                        .append(t.name())
                        .append(" · ")
                        .append(label(s.sql()))
                        .append(" · ")
                        .append("%.0f ms".formatted(s.nanos() / 1e6))
                        .append('\n')
                        .append("   ")
                        .append(s.sql().replaceAll("\\s+", " "))
                        .append('\n')
                        .append("   ")
                        .append(s.params())
                        .append('\n');
                for (Map<String, Object> row : named.queryForList("explain " + s.sql(), s.params())) {
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
            }
        }
        return out.append("==========================================================================\n")
                .toString();
    }

    // ---- the export ----

    /** Which ledger and filter to export: the one whose row count is nearest the target, under the limit. */
    private record Export(String ledger, Long unitId, String unitCode, long rows) {}

    private Export exportChoice() {
        List<Export> candidates = new ArrayList<>();
        candidates.add(new Export(
                "problems", null, "nation", jdbc.queryForObject("select count(*) from problem", Long.class)));
        candidates.add(new Export(
                "tasks",
                null,
                "nation",
                jdbc.queryForObject(
                        "select count(*) from rectification_task where status <> 'WITHDRAWN'", Long.class)));
        jdbc.query(
                """
                select u.id, u.code, count(distinct p.id) problems, count(t.id) tasks from org_unit u
                join problem p on p.region_path like concat(u.path, '%')
                left join rectification_task t on t.problem_id = p.id and t.status <> 'WITHDRAWN'
                where u.kind = 'PROVINCE' and u.code in ('p01', 'p02') group by u.id, u.code""",
                rs -> {
                    candidates.add(new Export("problems", rs.getLong(1), rs.getString(2), rs.getLong(3)));
                    candidates.add(new Export("tasks", rs.getLong(1), rs.getString(2), rs.getLong(4)));
                });
        return candidates.stream()
                .filter(c -> c.rows() <= EXPORT_LIMIT)
                .min(Comparator.comparingLong(c -> Math.abs(c.rows() - EXPORT_ROWS)))
                .orElseThrow();
    }

    private String export() throws Exception {
        Export choice = exportChoice();
        Path gcLog = Path.of("target", "export-gc.log");
        Files.deleteIfExists(gcLog);
        String path = "/api/ledger/" + choice.ledger() + ".xlsx"
                + (choice.unitId() == null ? "" : "?leadUnitId=" + choice.unitId());
        StringBuilder out = new StringBuilder(
                        "\n======== DashboardBenchmark: ledger export, packaged jar, -Xmx512m ========\n")
                .append("ledger %s of %s: %,d rows (GET %s as office.nation)%n"
                        .formatted(choice.ledger(), choice.unitCode(), choice.rows(), path));
        try (SecondNode node = SecondNode.start(
                ScaleTest.server() + DATABASE + "?sendFractionalSeconds=false",
                List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog),
                "target/export-node.log",
                "--camunda.bpm.job-execution.enabled=false",
                "--rectify.export.max-rows=" + EXPORT_LIMIT)) {
            for (String run : List.of("cold", "warm")) {
                long logged = Files.exists(gcLog) ? Files.readAllLines(gcLog).size() : 0;
                long start = System.nanoTime();
                long[] bytes = download(node.port(), path);
                double seconds = (System.nanoTime() - start) / 1e9;
                List<String> lines = Files.readAllLines(gcLog);
                long[] heap = heap(lines.subList((int) Math.min(logged, lines.size()), lines.size()));
                out.append(("%-5s HTTP %d, %,d bytes (xlsx: %s) in %.1f s (target < 60 s: %s); heap in use before a GC"
                                + " peaked at %d MB, after a GC at most %d MB, %d GCs (of 512 MB)%n")
                        .formatted(
                                run,
                                bytes[0],
                                bytes[1],
                                bytes[2] == 1 ? "yes" : "NO",
                                seconds,
                                seconds < 60 ? "met" : "NOT met",
                                heap[0],
                                heap[1],
                                heap[2]));
                assertThat(bytes[0]).isEqualTo(200);
            }
        }
        return out.append("==========================================================================\n")
                .toString();
    }

    /** Status, bytes, and 1 if the body is a zip (an .xlsx). */
    private static long[] download(int port, String path) throws Exception {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("office.nation:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", basic)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        boolean zip;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            int n = in.read(buffer);
            zip = n >= 2 && buffer[0] == 'P' && buffer[1] == 'K';
            while (n >= 0) {
                bytes += n;
                n = in.read(buffer);
            }
        }
        return new long[] {response.statusCode(), bytes, zip ? 1 : 0};
    }

    /** From unified GC log lines ("... 123M->45M(512M) ..."): peak before, peak after, count. */
    private static long[] heap(List<String> lines) {
        Pattern sizes = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        long before = 0;
        long after = 0;
        long count = 0;
        for (String line : lines) {
            Matcher m = sizes.matcher(line);
            if (m.find()) {
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                count++;
            }
        }
        return new long[] {before, after, count};
    }

    // ---- the problem list ----

    private String lists() throws Exception {
        long province = unitId("p01");
        String county = jdbc.queryForObject(
                "select code from org_unit where kind = 'COUNTY' order by id limit 1", String.class);
        String township = county + "-cgz";
        long village = unitId(township + "-v1");
        long department = unitId(county + "-fpj");
        List<Case> cases = new ArrayList<>();
        for (boolean api : new boolean[] {false, true}) {
            String path = api ? "/api/problems" : "/problems";
            String unit = api ? "?unitId=" : "?unit=";
            String kind = api ? "problem API" : "problem page";
            cases.add(new Case(kind + " · nation office", "office.nation", path, api));
            cases.add(new Case(
                    kind + " · nation office · unit p01 (a province)", "office.nation", path + unit + province, api));
            cases.add(new Case(kind + " · province office p01", "office.p01", path, api));
            cases.add(new Case(
                    kind + " · province office p01 · unit " + county + "-fpj",
                    "office.p01",
                    path + unit + department,
                    api));
            cases.add(new Case(kind + " · unit head " + township + " (scope)", "head." + township, path, api));
            cases.add(new Case(
                    kind + " · unit head " + township + " · unit " + township + "-v1",
                    "head." + township,
                    path + unit + village,
                    api));
        }
        List<Result> results = new TimedRequests(port, PASSWORD, 10, LIST_REQUESTS).run(cases);
        return "\n======== DashboardBenchmark: problem list over HTTP (%d requests per case) ========%n%s%n"
                        .formatted(LIST_REQUESTS, TimedRequests.table(results, LIST_TARGET_MS))
                + "==========================================================================\n";
    }

    private long unitId(String code) {
        return jdbc.queryForObject("select id from org_unit where code = ?", Long.class, code);
    }

    private String sizes() {
        StringBuilder out = new StringBuilder("\n======== DashboardBenchmark: the data ========\n");
        for (String table : List.of(
                "org_unit",
                "app_user",
                "problem",
                "problem_unit",
                "problem_history",
                "rectification_task",
                "task_history",
                "extension_request",
                "supervision_order",
                "look_back_check")) {
            out.append("%-20s %,14d rows%n"
                    .formatted(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        }
        out.append("%-20s %,14d MB%n"
                .formatted(
                        "innodb buffer pool",
                        jdbc.queryForObject("select @@innodb_buffer_pool_size", Long.class) / 1024 / 1024));
        return out.toString();
    }

    /** Skips the class (before its context starts) while the scale database holds no problems. */
    static class ScaleDataPresent implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!"mariadb".equals(System.getProperty("rectify.test.db"))) {
                return ConditionEvaluationResult.disabled("MariaDB only");
            }
            try (Connection c = DriverManager.getConnection(server(), "root", "");
                    ResultSet rs = c.createStatement().executeQuery("select count(*) from " + DATABASE + ".problem")) {
                rs.next();
                return rs.getLong(1) > 0
                        ? ConditionEvaluationResult.enabled("scale data present")
                        : ConditionEvaluationResult.disabled("no problems in " + DATABASE);
            } catch (Exception e) {
                return ConditionEvaluationResult.disabled(
                        DATABASE + " not there: run ScaleDataBenchmark first (" + e.getMessage() + ")");
            }
        }
    }
}
