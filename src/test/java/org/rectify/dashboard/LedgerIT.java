package org.rectify.dashboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.task.TaskStatus;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledgers (台账) over HTTP: their rows against counts of the problem and task APIs, scope per role,
 * bad filters, and the Excel files read back with POI (rows, merges, frozen header, neutralised formulas,
 * the row limit, the audit record of every export).
 */
class LedgerIT extends IntegrationTest {

    private static final int PROBLEM_COLUMNS = 14;
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"点此查看\")";

    @Autowired
    private LedgerExports exports;

    private Demo demo;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
    }

    @Test
    void theTaskLedgerHoldsEveryTaskOfEveryVisibleProblemButTheWithdrawn() {
        long round = demo.lookBackRound();
        List<Long> expected = new ArrayList<>();
        for (JsonNode problem : all("office", "/api/problems?roundId=" + round + "&sort=number")) {
            api.as("office").get("/api/problems/{id}/tasks", problem.get("id").asLong()).ok().items().stream()
                    .filter(t -> !"WITHDRAWN".equals(t.get("status").asText()))
                    .forEach(t -> expected.add(t.get("id").asLong()));
        }
        List<JsonNode> rows = all("office", "/api/ledger/tasks?roundId=" + round);

        assertThat(rows).extracting(r -> r.get("taskId").asLong()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows)
                .extracting(r -> r.get("problem").get("number").asText() + "/"
                        + String.format("%03d", r.get("seq").asInt()))
                .as("by problem number, then task number")
                .isSorted();
        JsonNode some = rows.get(rows.size() / 2);
        JsonNode task = api.as("office")
                .get("/api/tasks/{id}", some.get("taskId").asLong())
                .ok()
                .json();
        assertThat(some.get("progressPercent").asInt())
                .isEqualTo(task.get("progressPercent").asInt());
        assertThat(some.get("status").asText()).isEqualTo(task.get("status").asText());
        assertThat(some.get("colour").asText()).isEqualTo(task.get("colour").asText());
    }

    @Test
    void theProblemLedgerHasOneRowPerProblemWithItsTaskCounts() {
        long round = demo.lookBackRound();
        List<JsonNode> problems = all("office", "/api/problems?roundId=" + round);
        List<JsonNode> rows = all("office", "/api/ledger/problems?roundId=" + round);

        assertThat(rows)
                .extracting(r -> r.get("problem").get("id").asLong())
                .containsExactlyInAnyOrderElementsOf(
                        problems.stream().map(p -> p.get("id").asLong()).toList());
        for (JsonNode row : rows.subList(0, 12)) {
            List<JsonNode> tasks = api
                    .as("office")
                    .get(
                            "/api/problems/{id}/tasks",
                            row.get("problem").get("id").asLong())
                    .ok()
                    .items()
                    .stream()
                    .filter(t -> !"WITHDRAWN".equals(t.get("status").asText()))
                    .toList();
            assertThat(row.get("taskCount").asInt()).isEqualTo(tasks.size());
            assertThat(row.get("tasksSignedOff").asInt()).isEqualTo((int) tasks.stream()
                    .filter(t -> Set.of("SIGNED_OFF", "STANDING")
                            .contains(t.get("status").asText()))
                    .count());
        }
        JsonNode closed = rows.stream()
                .filter(r -> "CLOSED".equals(r.get("problem").get("status").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(closed.get("closedOn").isNull()).isFalse();
        assertThat(closed.get("colour").isNull()).as("no colour once closed").isTrue();
    }

    @Test
    void eachRoleSeesTheProblemListsScope() {
        Set<Long> headSees =
                ids(all("head.fpj", "/api/problems"), p -> p.get("id").asLong());
        Set<Long> ledger = ids(
                all("head.fpj", "/api/ledger/problems"),
                r -> r.get("problem").get("id").asLong());
        assertThat(ledger).isNotEmpty().isEqualTo(headSees);
        Set<Long> taskProblems = ids(
                all("head.fpj", "/api/ledger/tasks"),
                r -> r.get("problem").get("id").asLong());
        assertThat(headSees).containsAll(taskProblems);
        assertThat(api.as("office")
                        .get("/api/ledger/problems?size=1")
                        .ok()
                        .json()
                        .at("/page/totalElements")
                        .asLong())
                .isGreaterThan(ledger.size());

        assertThat(api.as("admin")
                        .get("/api/ledger/tasks")
                        .ok()
                        .json()
                        .at("/page/totalElements")
                        .asLong())
                .isZero();
        assertThat(api.as("admin")
                        .get("/api/ledger/problems")
                        .ok()
                        .json()
                        .at("/page/totalElements")
                        .asLong())
                .isZero();

        Response otherUnit = api.as("head.fpj").get("/api/ledger/tasks?leadUnitId={u}", demo.unit("czj"));
        Demo.assertSameNotFound(otherUnit, api.as("head.fpj").get("/api/ledger/tasks?leadUnitId=987654321"));
        Demo.assertSameNotFound(
                api.as("head.fpj").get("/api/ledger/problems.xlsx?leadUnitId={u}", demo.unit("czj")),
                api.as("office").get("/api/ledger/problems?roundId=987654321"));
        assertThat(api.as("head.fpj")
                        .get("/api/ledger/problems?leadUnitId={u}", demo.unit("fpj"))
                        .ok()
                        .json()
                        .at("/page/totalElements")
                        .asLong())
                .isPositive();
    }

    @Test
    void theLeadUnitFilterTakesTheUnitsBelowIt() {
        long round = demo.newRound("ledger-tree");
        long village = registerAssigned(round, "T1", "村级问题", "dgc", Set.of());
        long township = registerAssigned(round, "T2", "镇级问题", "cgz", Set.of());
        registerAssigned(round, "T3", "部门问题", "czj", Set.of(demo.unit("cgz")));

        List<JsonNode> rows =
                all("office", "/api/ledger/problems?roundId=" + round + "&leadUnitId=" + demo.unit("cgz"));
        assertThat(rows).extracting(r -> r.get("problem").get("id").asLong()).containsExactly(village, township);
    }

    @Test
    void unknownFilterValuesAreRefusedNamingThemAndEmptyFiltersAreEmpty() {
        Map<String, String> bad = Map.of(
                "status",
                "BOGUS",
                "colour",
                "PURPLE",
                "severity",
                "HUGE",
                "sourceType",
                "NOPE",
                "categoryCode",
                "NOPE");
        bad.forEach((field, value) -> {
            for (String path : List.of("/api/ledger/tasks", "/api/ledger/problems", "/api/ledger/tasks.xlsx")) {
                Response refused =
                        api.as("office").get(path + "?" + field + "=" + value).expect(400);
                assertThat(refused.headers().getContentType().toString()).contains("problem+json");
                assertThat(refused.text("detail")).contains(field, value);
                assertThat(refused.json().get("errors").get(0).get("field").asText())
                        .isEqualTo(field);
            }
        });
        assertThat(api.as("office")
                        .get("/api/ledger/problems?status=IN_PROGRESS")
                        .ok()
                        .json()
                        .at("/page/totalElements")
                        .asLong())
                .as("a task status is not a problem status, and back")
                .isPositive();
        api.as("office").get("/api/ledger/problems?status=SIGNED_OFF").expect(400);

        long empty = demo.newRound("ledger-empty");
        JsonNode none = api.as("office")
                .get("/api/ledger/tasks?roundId={r}&colour=RED", empty)
                .ok()
                .json();
        assertThat(none.at("/page/totalElements").asLong()).isZero();
        assertThat(none.get("content")).isEmpty();
    }

    @Test
    void theTaskLedgerFileHasTheApisRowsMergedProblemsAFrozenHeaderAndNoFormula() throws IOException {
        Crafted crafted = craft();
        List<JsonNode> rows = all("office", "/api/ledger/tasks?roundId=" + crafted.round);
        assertThat(rows).hasSize(3);

        Response file = api.as("office")
                .get("/api/ledger/tasks.xlsx?roundId={r}", crafted.round)
                .ok();
        assertThat(file.headers().getContentType().toString()).startsWith(LedgerExports.XLSX);
        assertThat(file.headers().getContentDisposition().getType()).isEqualTo("attachment");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.raw()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("任务台账");
            assertThat(text(sheet, 0, 0))
                    .contains("集成测试 ledger-xlsx", "整改任务台账", Demo.today().toString());
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(text(sheet, 1, 15)).isEqualTo("整改措施");
            assertThat(sheet.getLastRowNum() - 1).as("data rows").isEqualTo(rows.size());

            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                Row excel = sheet.getRow(2 + i);
                assertThat(excel.getCell(PROBLEM_COLUMNS).getNumericCellValue())
                        .isEqualTo(row.get("seq").asInt());
                assertThat(excel.getCell(PROBLEM_COLUMNS + 1).getStringCellValue())
                        .as("the measure, made safe")
                        .isEqualTo(SpreadsheetText.safe(row.get("measure").asText()));
                assertThat(excel.getCell(PROBLEM_COLUMNS + 8).getStringCellValue())
                        .isEqualTo(Map.of("GREEN", "绿", "YELLOW", "黄", "RED", "红")
                                .get(row.get("colour").asText()));
                assertThat(excel.getCell(PROBLEM_COLUMNS + 9).getNumericCellValue())
                        .isEqualTo(row.get("evidenceCount").asInt());
            }
            assertThat(rows.get(0).get("evidenceCount").asInt()).isEqualTo(2);
            assertThat(sheet.getRow(2).getCell(PROBLEM_COLUMNS + 1).getStringCellValue())
                    .isEqualTo("'-核查全部危房户");
            assertThat(sheet.getRow(3).getCell(PROBLEM_COLUMNS + 1).getStringCellValue())
                    .isEqualTo("'@建立长效机制");
            assertThat(rows.get(0).get("progressPercent").asInt()).isEqualTo(40);

            Cell title = sheet.getRow(2).getCell(2);
            assertThat(title.getCellType()).isEqualTo(CellType.STRING);
            assertThat(title.getStringCellValue()).isEqualTo("'" + FORMULA);
            assertThat(text(sheet, 2, 1)).isEqualTo("X1");
            assertThat(text(sheet, 4, 1)).isEqualTo("X2");
            assertThat(sheet.getMergedRegions())
                    .contains(
                            new CellRangeAddress(2, 3, 2, 2),
                            new CellRangeAddress(2, 3, 0, 0),
                            new CellRangeAddress(2, 3, PROBLEM_COLUMNS - 1, PROBLEM_COLUMNS - 1));
            assertThat(sheet.getMergedRegions()).noneMatch(r -> r.getFirstRow() == 4);
            assertNoFormula(book);

            Sheet summary = book.getSheetAt(1);
            assertThat(summary.getSheetName()).isEqualTo("汇总");
            assertThat(text(summary, 2, 0)).isEqualTo("县扶贫开发局");
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue())
                    .as("problems")
                    .isEqualTo(2);
            assertThat(summary.getRow(2).getCell(2).getNumericCellValue())
                    .as("tasks")
                    .isEqualTo(3);
        }
    }

    @Test
    void theProblemLedgerFileHasTheApisRowsInEnglishOnRequest() throws IOException {
        Crafted crafted = craft();
        List<JsonNode> rows = all("office", "/api/ledger/problems?roundId=" + crafted.round);

        Response file = api.as("office")
                .getWithLanguage("/api/ledger/problems.xlsx?roundId=" + crafted.round, "en")
                .ok();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.raw()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Problem ledger");
            assertThat(text(sheet, 0, 0)).contains("problem ledger", "as of " + Demo.today());
            assertThat(text(sheet, 1, PROBLEM_COLUMNS)).isEqualTo("Tasks");
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(rows.size()).isEqualTo(2);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(text(sheet, 2 + i, 1))
                        .isEqualTo(rows.get(i).get("problem").get("number").asText());
                assertThat(sheet.getRow(2 + i).getCell(PROBLEM_COLUMNS).getNumericCellValue())
                        .isEqualTo(rows.get(i).get("taskCount").asInt());
            }
            assertThat(rows.get(0).get("taskCount").asInt())
                    .as("the withdrawn task not counted")
                    .isEqualTo(2);
            assertThat(text(sheet, 2, 7)).isEqualTo("Poverty Alleviation Bureau");
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Summary");
            assertNoFormula(book);
        }
    }

    @Test
    void bothFilesSummariseTheTaskRowsOfTheApiPerLeadUnit() throws IOException {
        long crafted = craft().round;
        time.travelTo(time.instant().plus(java.time.Duration.ofDays(70)));
        List<Long> rounds = new ArrayList<>();
        api.as("office")
                .get("/api/rounds")
                .ok()
                .json()
                .forEach(r -> rounds.add(r.get("id").asLong()));
        assertThat(rounds).contains(crafted);
        long overdue = 0;
        for (long round : rounds) {
            long rows = api.as("office")
                    .get("/api/ledger/tasks?roundId={r}&size=1", round)
                    .ok()
                    .json()
                    .at("/page/totalElements")
                    .asLong();
            if (rows > 0 && rows <= 200) {
                overdue += assertSummariesAddUpTheTaskRows(round);
            }
        }
        assertThat(overdue).as("overdue tasks summed").isPositive();
    }

    /** The overdue tasks of the round. */
    private long assertSummariesAddUpTheTaskRows(long round) throws IOException {
        Map<String, long[]> expected = new HashMap<>();
        Map<String, Set<String>> problems = new HashMap<>();
        for (JsonNode task : all("office", "/api/ledger/tasks?roundId=" + round)) {
            JsonNode lead = task.at("/problem/leadUnit");
            String unit = lead.isMissingNode() || lead.isNull()
                    ? "（尚未交办）"
                    : lead.get("nameZh").asText();
            long[] sums = expected.computeIfAbsent(unit, u -> new long[4]);
            if (problems.computeIfAbsent(unit, u -> new LinkedHashSet<>())
                    .add(task.at("/problem/id").asText())) {
                sums[0]++;
            }
            sums[1]++;
            boolean done = TaskStatus.valueOf(task.get("status").asText()).isDone();
            sums[2] += done ? 1 : 0;
            sums[3] += !done && "RED".equals(task.path("colour").asText()) ? 1 : 0;
        }

        for (String ledger : List.of("tasks", "problems")) {
            Response file = api.as("office")
                    .get("/api/ledger/" + ledger + ".xlsx?roundId=" + round)
                    .ok();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.raw()))) {
                Sheet summary = book.getSheetAt(1);
                Map<String, long[]> written = new HashMap<>();
                for (int i = 2; i < summary.getLastRowNum(); i++) {
                    Row row = summary.getRow(i);
                    written.put(text(summary, i, 0), new long[] {
                        (long) row.getCell(1).getNumericCellValue(),
                        (long) row.getCell(2).getNumericCellValue(),
                        (long) row.getCell(3).getNumericCellValue(),
                        (long) row.getCell(4).getNumericCellValue()
                    });
                }
                assertThat(text(summary, summary.getLastRowNum(), 0)).isEqualTo("合计");
                // problems without a task have no task row: the problem ledger counts them, the task ledger cannot
                written.forEach((unit, sums) -> {
                    if (ledger.equals("problems") && sums[1] == 0) {
                        return;
                    }
                    assertThat(expected).as(ledger + ": " + unit).containsKey(unit);
                    long[] want = expected.get(unit);
                    assertThat(sums[1]).as(ledger + ": tasks of " + unit).isEqualTo(want[1]);
                    assertThat(sums[2]).as(ledger + ": signed off of " + unit).isEqualTo(want[2]);
                    assertThat(sums[3]).as(ledger + ": overdue of " + unit).isEqualTo(want[3]);
                    if (ledger.equals("tasks")) {
                        assertThat(sums[0]).as(ledger + ": problems of " + unit).isEqualTo(want[0]);
                    }
                });
                assertThat(written.keySet()).as(ledger).containsAll(expected.keySet());
            }
        }
        return expected.values().stream().mapToLong(v -> v[3]).sum();
    }

    @Test
    void aFileReadInManyChunksHasEveryRowOfTheApiInItsOrder() throws IOException {
        long round = demo.lookBackRound();
        List<JsonNode> rows = all("office", "/api/ledger/problems?roundId=" + round);
        assertThat(rows.size())
                .as("more rows than several chunks of the test's 7")
                .isGreaterThan(3 * 7)
                .matches(n -> n % 7 != 0, "a partial last chunk");

        Response file = api.as("office")
                .get("/api/ledger/problems.xlsx?roundId={r}", round)
                .ok();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.raw()))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> numbers = new ArrayList<>();
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                numbers.add(text(sheet, i, 1));
            }
            assertThat(numbers)
                    .containsExactlyElementsOf(rows.stream()
                            .map(r -> r.get("problem").get("number").asText())
                            .toList());
        }
    }

    @Test
    void everyExportLeavesAnAuditRecordWithItsFiltersAndRows() {
        long round = demo.newRound("ledger-audit");
        registerAssigned(round, "A1", "审计导出", "fpj", Set.of());
        api.as("leader")
                .get("/api/ledger/problems.xlsx?roundId={r}&severity=GENERAL", round)
                .ok();
        api.as("leader").get("/api/ledger/tasks.xlsx?roundId={r}", round).ok();

        List<JsonNode> records =
                api.as("inspector").get("/api/audit?action=LEDGER_EXPORTED&actor=leader&size=50").ok().items().stream()
                        .filter(r -> r.get("after").asText().contains("\"roundId\":" + round))
                        .toList();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get("after").asText())
                .contains("\"ledger\":\"PROBLEMS\"", "\"severity\":\"GENERAL\"", "\"rows\":1");
        assertThat(records.get(0).get("after").asText()).contains("\"ledger\":\"TASKS\"", "\"rows\":0");
        assertThat(records.get(0).get("targetType").asText()).isEqualTo("LEDGER");
    }

    @Test
    void aLedgerAboveTheRowLimitIsRefusedBeforeAnythingIsWritten() {
        long round = demo.lookBackRound();
        long tasks = api.as("office")
                .get("/api/ledger/tasks?roundId={r}&size=1", round)
                .ok()
                .json()
                .at("/page/totalElements")
                .asLong();
        assertThat(tasks).as("the demo round is larger than the test's limit").isGreaterThan(exports.maxRows());
        long audited = audited();

        Response refused = api.as("office")
                .get("/api/ledger/tasks.xlsx?roundId={r}", round)
                .expect(400);
        assertThat(refused.headers().getContentType().toString()).contains("problem+json");
        assertThat(refused.text("detail")).contains(String.valueOf(exports.maxRows()), String.valueOf(tasks));
        assertThat(refused.json().get("code").asText()).isEqualTo("rule.ledger.tooManyRows");
        assertThat(audited()).as("no record of an export that did not happen").isEqualTo(audited);

        api.as("office").get("/api/ledger/problems.xlsx?roundId={r}", round).ok();
        assertThat(audited()).isEqualTo(audited + 1);
    }

    // ---- helpers ----

    private long audited() {
        return api.as("inspector")
                .get("/api/audit?action=LEDGER_EXPORTED&size=1")
                .ok()
                .json()
                .at("/page/totalElements")
                .asLong();
    }

    /** A round of two fpj problems: X1 (formula-looking title) with two tasks and a withdrawn one, X2 with one. */
    private Crafted craft() {
        long round = demo.newRound("ledger-xlsx");
        long x1 = registerAssigned(round, "X1", FORMULA, "fpj", Set.of(demo.unit("czj")));
        long x2 = registerAssigned(round, "X2", "+危房改造数据不实", "fpj", Set.of());
        api.as("head.fpj").post("/api/problems/{id}/claim", null, x1).ok();
        api.as("head.fpj").post("/api/problems/{id}/claim", null, x2).ok();
        long first = addTask(x1, "-核查全部危房户");
        long withdrawn = addTask(x1, "撤回的措施");
        addTask(x1, "@建立长效机制");
        addTask(x2, "整改数据");
        api.as("staff.fpj")
                .post("/api/tasks/{id}/withdraw", Map.of("reason", "重复"), withdrawn)
                .ok();
        for (long p : new long[] {x1, x2}) {
            api.as("staff.fpj").post("/api/problems/{id}/plan/submit", null, p).expect(204);
            api.as("office").post("/api/problems/{id}/plan/approve", null, p).expect(204);
        }
        api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 40, "content", "已核查"),
                        List.of(FileBody.text("a.txt", "核查表 " + round), FileBody.text("b.txt", "照片 " + round)),
                        first)
                .expect(201);
        return new Crafted(round, x1, x2);
    }

    private record Crafted(long round, long x1, long x2) {}

    private long addTask(long problem, String measure) {
        return api.as("staff.fpj")
                .post(
                        "/api/problems/{id}/tasks",
                        Map.of(
                                "measure",
                                measure,
                                "completionCriterion",
                                "核查台账",
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineDate",
                                demo.workingDaysAhead(30)),
                        problem)
                .expect(201)
                .id();
    }

    private long registerAssigned(long round, String number, String title, String unit, Set<Long> coUnits) {
        long id = api.as("office")
                .post("/api/problems", Map.of("roundId", round, "number", number, "title", title, "description", "x"))
                .expect(201)
                .id();
        Map<String, Object> responsibility = new HashMap<>();
        responsibility.put("leadUnitId", demo.unit(unit));
        responsibility.put("coUnitIds", coUnits);
        responsibility.put("responsibleLeaderId", demo.user("leader"));
        responsibility.put("deadlineType", "TIME_LIMITED");
        responsibility.put("deadlineDate", demo.workingDaysAhead(40));
        api.as("office")
                .post(
                        "/api/problems/{id}/triage",
                        Map.of("categoryCode", "INDUSTRY", "severity", "GENERAL", "responsibility", responsibility),
                        id)
                .ok();
        return id;
    }

    /** Every row of a paged list, page by page. */
    private List<JsonNode> all(String user, String path) {
        List<JsonNode> rows = new ArrayList<>();
        String sep = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode json =
                    api.as(user).get(path + sep + "size=100&page=" + page).ok().json();
            json.get("content").forEach(rows::add);
            if (page + 1 >= json.at("/page/totalPages").asInt()
                    || json.get("content").isEmpty()) {
                return rows;
            }
        }
    }

    private static Set<Long> ids(List<JsonNode> rows, Function<JsonNode, Long> id) {
        Set<Long> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(id.apply(r)));
        return ids;
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        return cell == null ? null : cell.getStringCellValue();
    }

    private static void assertNoFormula(XSSFWorkbook book) {
        for (Sheet sheet : book) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType())
                            .as("cell %s!%s", sheet.getSheetName(), cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }
}
