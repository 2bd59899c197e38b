package org.rectify.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * After a soak: is the data consistent? It reads the database and asks the nodes (through the proxy) and lists
 * every finding; none means consistent. It checks that
 * <ul>
 *   <li>the problem ledger by status counts what the problem table holds, and each of the dashboard's totals is
 *       the count of its drill-down (the ledger filtered by that figure);
 *   <li>every problem's rectification process is where its status says (the user task it waits at, none once
 *       closed), with exactly one running instance while it is open;
 *   <li>no deadline alert, deadline notification or email was written twice, no job failed (no incident) and no
 *       timer is left overdue;
 *   <li>the audit chain verifies ({@code GET /api/audit/verification}).
 * </ul>
 * {@code main(proxyUrl, jdbcUrl)} runs it alone against a running cluster.
 */
public final class ConsistencyCheck {

    /** The user tasks a problem of each open status may wait at (IN_PROGRESS: a task's steps). */
    private static final Map<String, Set<String>> WAITS_AT = Map.of(
            "REGISTERED", Set.of("Task_Triage"),
            "ASSIGNED", Set.of("Task_Claim"),
            "RETURNED", Set.of("Task_Reassign"),
            "PLANNING", Set.of("Task_DraftPlan"),
            "PLAN_REVIEW", Set.of("Task_ReviewPlan"),
            "IN_PROGRESS", Set.of("Task_Rectify", "Task_ConfirmSignOff", "Task_ReviewSignOff"),
            "CLOSURE_REVIEW", Set.of("Task_ApproveClosure"));

    private final URI proxy;
    private final String jdbcUrl;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Long> figures = new LinkedHashMap<>();

    public ConsistencyCheck(URI proxy, String jdbcUrl) {
        this.proxy = proxy;
        this.jdbcUrl = jdbcUrl;
    }

    public static void main(String[] args) throws Exception {
        ConsistencyCheck check = new ConsistencyCheck(URI.create(args[0]), args[1]);
        check.run();
        System.out.println(check.report());
        System.exit(check.findings().isEmpty() ? 0 : 1);
    }

    public List<String> findings() {
        return findings;
    }

    /** What was counted, and every finding. */
    public String report() {
        StringBuilder out = new StringBuilder("Consistency after the soak:\n");
        figures.forEach((k, v) -> out.append(String.format("  %-52s %d%n", k, v)));
        if (findings.isEmpty()) {
            out.append("  CONSISTENT: no finding\n");
        } else {
            findings.forEach(f -> out.append("  FINDING: ").append(f).append('\n'));
        }
        return out.toString();
    }

    public void run() throws SQLException, IOException, InterruptedException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "root", "")) {
            ledgerCountsTheTables(db);
            dashboardFiguresMatchTheirDrillDowns();
            processesAreWhereTheStatusSays(db);
            nothingTwice(db);
            nothingStuck(db);
        }
        auditChainVerifies();
    }

    private void ledgerCountsTheTables(Connection db) throws SQLException, IOException, InterruptedException {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select status, count(*) from problem group by status order by status")) {
            while (r.next()) {
                byStatus.put(r.getString(1), r.getLong(2));
            }
        }
        for (Map.Entry<String, Long> e : byStatus.entrySet()) {
            figures.put("problems " + e.getKey(), e.getValue());
            long ledger = total(get("office", "/api/ledger/problems?size=1&status=" + e.getKey()));
            if (ledger != e.getValue()) {
                findings.add(
                        "problems " + e.getKey() + ": " + e.getValue() + " in the table, " + ledger + " in the ledger");
            }
        }
        long tasks = count(db, "select count(*) from rectification_task where status <> 'WITHDRAWN'");
        figures.put("tasks (not withdrawn)", tasks);
        long ledgerTasks = total(get("office", "/api/ledger/tasks?size=1"));
        if (ledgerTasks != tasks) {
            findings.add("tasks: " + tasks + " in the table, " + ledgerTasks + " in the task ledger");
        }
    }

    private void dashboardFiguresMatchTheirDrillDowns() throws IOException, InterruptedException {
        JsonNode totals = get("office", "/api/dashboard").path("totals");
        StringBuilder drill = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = totals.path("drill").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isValueNode()
                    && !f.getValue().isNull()
                    && !f.getKey().equals("figure")
                    && !(f.getValue().isBoolean() && !f.getValue().asBoolean())) {
                drill.append('&')
                        .append(f.getKey())
                        .append('=')
                        .append(encode(f.getValue().asText()));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        totals.path("figures").path("counts").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String kind = f.getKey().startsWith("TASKS") ? "tasks" : "problems";
            long ledger = total(get("office", "/api/ledger/" + kind + "?size=1&figure=" + f.getKey() + drill));
            if (ledger != f.getValue().asLong()) {
                findings.add(
                        "dashboard " + f.getKey() + " = " + f.getValue().asLong() + ", its drill-down lists " + ledger);
            }
        }
        figures.put("dashboard figures checked against their drill-downs", (long)
                totals.path("figures").path("counts").size());
    }

    private void processesAreWhereTheStatusSays(Connection db) throws SQLException {
        Map<Long, String> status = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select id, status from problem")) {
            while (r.next()) {
                status.put(r.getLong(1), r.getString(2));
            }
        }
        Map<Long, Integer> instances = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select e.BUSINESS_KEY_, count(*) from ACT_RU_EXECUTION e"
                        + " join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_"
                        + " where e.ID_ = e.PROC_INST_ID_ and d.KEY_ = 'rectification' group by e.BUSINESS_KEY_")) {
            while (r.next()) {
                instances.put(Long.valueOf(r.getString(1)), r.getInt(2));
            }
        }
        Map<Long, List<String>> waits = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select p.BUSINESS_KEY_, t.TASK_DEF_KEY_ from ACT_RU_TASK t"
                        + " join ACT_RU_EXECUTION p on p.ID_ = t.PROC_INST_ID_"
                        + " join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_ where d.KEY_ = 'rectification'")) {
            while (r.next()) {
                waits.computeIfAbsent(Long.valueOf(r.getString(1)), k -> new ArrayList<>())
                        .add(r.getString(2));
            }
        }
        int wrong = 0;
        for (Map.Entry<Long, String> p : status.entrySet()) {
            long id = p.getKey();
            int running = instances.getOrDefault(id, 0);
            List<String> at = waits.getOrDefault(id, List.of());
            Set<String> expected = WAITS_AT.get(p.getValue());
            String finding = null;
            if (expected == null) {
                if (running != 0) {
                    finding = "problem " + id + " is " + p.getValue() + " but its process still runs, at " + at;
                }
            } else if (running != 1) {
                finding = "problem " + id + " is " + p.getValue() + " with " + running + " running processes";
            } else if (at.isEmpty() || !expected.containsAll(at)) {
                finding = "problem " + id + " is " + p.getValue() + " but its process waits at " + at;
            }
            if (finding != null) {
                wrong++;
                findings.add(finding);
            }
        }
        figures.put("problems whose process was checked", (long) status.size());
        figures.put("problems whose process is elsewhere", (long) wrong);
    }

    private void nothingTwice(Connection db) throws SQLException {
        duplicates(
                db,
                "deadline alerts fired twice",
                "select count(*) from (select 1 from deadline_alert"
                        + " group by subject_type, subject_id, kind, deadline_date having count(*) > 1) d");
        duplicates(
                db,
                "deadline notifications written twice",
                "select count(*) from (select 1 from notification where kind like 'DEADLINE%'"
                        + " group by recipient_id, kind, problem_id, task_id, body_zh having count(*) > 1) d");
        duplicates(
                db,
                "emails queued twice for one notification",
                "select count(*) from (select 1 from mail_outbox group by notification_id having count(*) > 1) d");
        duplicates(
                db,
                "supervision orders issued twice automatically",
                "select count(*) from (select 1 from supervision_order where automatic"
                        + " group by problem_id, task_id, required_response_date having count(*) > 1) d");
        figures.put("deadline alerts fired", count(db, "select count(*) from deadline_alert"));
        figures.put(
                "deadline notifications", count(db, "select count(*) from notification where kind like 'DEADLINE%'"));
    }

    private void nothingStuck(Connection db) throws SQLException {
        duplicates(db, "incidents (jobs that failed for good)", "select count(*) from ACT_RU_INCIDENT");
        duplicates(
                db,
                "timers overdue by more than two minutes, not run",
                "select count(*) from ACT_RU_JOB where TYPE_ = 'timer' and RETRIES_ > 0"
                        + " and DUEDATE_ < timestampadd(minute, -2, utc_timestamp())");
        figures.put("timers waiting", count(db, "select count(*) from ACT_RU_JOB where TYPE_ = 'timer'"));
    }

    private void auditChainVerifies() throws IOException, InterruptedException {
        JsonNode report = get("inspector", "/api/audit/verification");
        figures.put("audit records sealed in the chain", report.path("seals").asLong());
        if (!report.path("findings").isArray() || report.path("findings").size() > 0) {
            findings.add("the audit chain does not verify: " + report.path("findings"));
        }
    }

    private void duplicates(Connection db, String what, String sql) throws SQLException {
        long n = count(db, sql);
        figures.put(what, n);
        if (n > 0) {
            findings.add(n + " " + what);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long total(JsonNode page) {
        JsonNode total = page.path("page").path("totalElements");
        return total.isMissingNode() ? page.path("totalElements").asLong() : total.asLong();
    }

    private JsonNode get(String user, String path) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(proxy.resolve(path))
                        .header("Authorization", "Basic " + basic)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + path + " as " + user + ": " + answer.statusCode() + " " + answer.body());
        }
        return json.readTree(answer.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
