package org.rectify.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round's feedback list from Excel through the API: the template filled in as offices fill it imports every
 * problem through the services (processes, audit, notifications, measures as drafts) and only once; a list with
 * bad rows is refused whole with a report cell by cell, in the reader's language; bad files are refused before
 * anything is read; a commit that fails half-way leaves no trace and can be run again.
 */
class FeedbackImportIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private Demo demo;
    private long round;
    private byte[] template;

    @BeforeEach
    void round() {
        demo = new Demo(api);
        round = demo.newRound("import");
        template = office().get("/api/rounds/{id}/imports/template", round).ok().raw();
    }

    @Test
    void aFilledInTemplateImportsOnceThroughTheServices() {
        LocalDate d20 = LocalDate.parse(demo.workingDaysAhead(20));
        String d10 = demo.workingDaysAhead(10);
        byte[] file = Workbooks.filled(
                template,
                List.of(
                        row(
                                "IMP-1",
                                "农村低保对象认定不精准",
                                "3户有车家庭被纳入低保，识别把关不严。",
                                "民生保障",
                                "较重",
                                "精准识别低保对象",
                                "县民政局",
                                "县财政局、县扶贫开发局",
                                "李县长",
                                "限期整改",
                                d20),
                        row(
                                "IMP-2",
                                "危房改造资金拨付滞后",
                                "2025年危房改造补助资金滞留财政专户4个月。",
                                "FUNDS",
                                null,
                                null,
                                "县住房和城乡建设局",
                                null,
                                "leader2",
                                "立行立改",
                                null),
                        row(
                                "IMP-3",
                                "产业项目带贫机制不健全",
                                "部分产业项目未与脱贫户建立利益联结。",
                                "Industry development",
                                "一般",
                                null,
                                " 县农业农村局 ",
                                null,
                                "张副书记",
                                "长期坚持",
                                null)),
                List.of(
                        row("IMP-1", "逐户复核有车有房低保户", "复核完毕并清退不符合条件人员", null, "限期整改", d20, null),
                        row("IMP-1", "核减违规发放的低保金", "资金追回入库", "县财政局", "限期整改", chinese(d10), null),
                        row("IMP-2", "拨付滞留资金", "资金全部拨付到户", null, "立行立改", null, null),
                        row("IMP-3", "建立带贫利益联结台账", "台账按季更新", null, "长期坚持", null, "每季度")));
        long auditBefore = count("select count(*) from audit_record");

        JsonNode preview = office().multipart(
                        "/api/rounds/{id}/imports",
                        "file",
                        Map.of("dryRun", "true"),
                        List.of(xlsx("反馈清单.xlsx", file)),
                        round)
                .ok()
                .json();
        assertThat(preview.get("issues")).isEmpty();
        assertThat(preview.get("importable").asBoolean()).isTrue();
        assertThat(preview.get("problems").asInt()).isEqualTo(3);
        assertThat(preview.get("tasks").asInt()).isEqualTo(4);
        assertThat(preview.at("/rows/0/coUnits").toString()).contains("县财政局", "县扶贫开发局");
        assertThat(count("select count(*) from problem where round_id = ?", round))
                .isZero();

        JsonNode done = office().multipart(
                        "/api/rounds/{id}/imports", "file", Map.of(), List.of(xlsx("反馈清单.xlsx", file)), round)
                .expect(201)
                .json();
        List<Long> ids = new ArrayList<>();
        done.get("problemIds").forEach(id -> ids.add(id.asLong()));
        assertThat(ids).hasSize(3);
        JsonNode first = office().get("/api/problems/{id}", ids.get(0)).ok().json();
        assertThat(first.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(first.get("severity").asText()).isEqualTo("SERIOUS");
        assertThat(first.get("categoryCode").asText()).isEqualTo("WELFARE");
        assertThat(first.get("deadlineDate").asText()).isEqualTo(d20.toString());
        assertThat(first.get("responsibleLeaderId").asLong()).isEqualTo(demo.user("leader"));
        assertThat(office().get("/api/problems/{id}", ids.get(1))
                        .ok()
                        .json()
                        .get("responsibleLeaderId")
                        .asLong())
                .isEqualTo(demo.user("leader2"));
        JsonNode tasks =
                office().get("/api/problems/{id}/tasks", ids.get(0)).ok().json();
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(1).get("unitId").asLong()).isEqualTo(demo.unit("czj"));
        assertThat(tasks.get(1).get("deadlineDate").asText()).isEqualTo(d10);
        assertThat(tasks.findValuesAsText("status")).containsOnly("DRAFT");
        JsonNode standing =
                office().get("/api/problems/{id}/tasks", ids.get(2)).ok().json();
        assertThat(standing.get(0).get("reportCycle").asText()).isEqualTo("QUARTERLY");
        for (long id : ids) {
            assertThat(count("select count(*) from ACT_RU_EXECUTION where business_key_ = ?", String.valueOf(id)))
                    .as("process of problem " + id)
                    .isPositive();
        }
        assertThat(count("select count(*) from notification where problem_id = ?", ids.get(0)))
                .isPositive();
        assertThat(count("select count(*) from audit_record where action = 'PROBLEM_REGISTERED' and problem_id in ("
                        + ids.get(0) + "," + ids.get(1) + "," + ids.get(2) + ")"))
                .isEqualTo(3);
        assertThat(count(
                        "select count(*) from audit_record where action = 'TASK_DRAFTED' and problem_id = ?",
                        ids.get(0)))
                .isEqualTo(2);
        assertThat(count(
                        "select count(*) from audit_record where action = 'FEEDBACK_IMPORTED' and target_id = ?",
                        done.at("/upload/id").asLong()))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_record")).isGreaterThan(auditBefore);
        // Registered and triaged in one transaction: one span of history, in the state it committed in.
        assertThat(jdbc.queryForList(
                        "select status from problem_history where problem_id = ?", String.class, ids.get(0)))
                .containsExactly("ASSIGNED");
        assertThat(count(
                        "select count(*) from task_history where problem_id = ? and status = 'DRAFT'"
                                + " and valid_to is null",
                        ids.get(0)))
                .isEqualTo(2);

        // The lead unit claims and finds the office's measures in its breakdown.
        api.as("head.mzj")
                .post("/api/problems/{id}/claim", Map.of(), ids.get(0))
                .ok();
        api.as("staff.mzj")
                .post("/api/problems/{id}/plan/submit", Map.of(), ids.get(0))
                .ok();
        assertThat(jdbc.queryForList(
                        "select status from problem_history where problem_id = ? order by valid_from, id",
                        String.class,
                        ids.get(0)))
                .containsExactly("ASSIGNED", "PLANNING", "PLAN_REVIEW");

        // The same file again: nothing new, the earlier import named.
        long problems = count("select count(*) from problem where round_id = ?", round);
        JsonNode again = office().multipart(
                        "/api/rounds/{id}/imports", "file", Map.of(), List.of(xlsx("再次上传.xlsx", file)), round)
                .expect(200)
                .json();
        assertThat(again.get("alreadyImported").asBoolean()).isTrue();
        assertThat(again.at("/upload/id").asLong())
                .isEqualTo(done.at("/upload/id").asLong());
        assertThat(count("select count(*) from problem where round_id = ?", round))
                .isEqualTo(problems);
        assertThat(office().get("/api/rounds/{id}/imports", round).ok().json()).hasSize(1);
        assertThat(office().get("/api/imports/{id}/file", done.at("/upload/id").asLong())
                        .ok()
                        .raw())
                .isEqualTo(file);
    }

    @Test
    void aListWithBadRowsIsRefusedWholeWithItsReportCellByCell() {
        String d20 = demo.workingDaysAhead(20);
        LocalDate sunday = nonWorkingDayAfter(LocalDate.parse(d20));
        office().post(
                        "/api/problems",
                        Map.of("roundId", round, "number", "OLD-1", "title", "已登记的问题", "description", "本轮次已登记。"))
                .expect(201);
        byte[] file = Workbooks.filled(
                template,
                List.of(
                        row("B-1", "正常的问题", "描述。", "民生保障", null, null, "县民政局", null, "李县长", "限期整改", d20),
                        row("B-2", "单位名称写错", "描述二。", "民生保障", null, null, "扶贫开发局", "县财政局、县不存在局", "李县", "限期整改", d20),
                        row("B-1", "编号重复", "描述三。", "资金管理", "很严重", null, "县民政局", null, "李县长", "马上改", "明天"),
                        row("B-4", null, "描述四。", "民生", null, null, "县民政局", null, "李县长", "限期整改", sunday),
                        row(
                                "OLD-1",
                                "与本轮已有编号相同",
                                "描述五。",
                                "民生保障",
                                null,
                                null,
                                "县民政局",
                                null,
                                "李县长",
                                "限期整改",
                                "2020-01-06"),
                        row("B-6", "限期整改无日期", "描述六。", "民生保障", null, null, "县民政局", null, "李县长", "限期整改", null)),
                List.of(
                        row("B-1", "措施", "标准", "县教育局", "限期整改", d20, null),
                        row("B-9", "不存在的问题的措施", "标准", null, "限期整改", d20, null),
                        row("B-1", "长期措施", "标准", null, "长期坚持", null, null)));
        long auditBefore = count("select count(*) from audit_record where actor = 'office'");

        ApiClient.Response refused = office().multipart(
                        "/api/rounds/{id}/imports", "file", Map.of(), List.of(xlsx("bad.xlsx", file)), round)
                .expect(422);
        List<String> report = new ArrayList<>();
        refused.json()
                .get("issues")
                .forEach(i -> report.add(i.get("sheet").asText() + " "
                        + i.get("row").asInt() + " " + i.path("cell").asText("-") + " "
                        + i.get("code").asText()));
        assertThat(report)
                .containsExactly(
                        "问题清单 3 G3 import.cell.unknownUnitLike",
                        "问题清单 3 H3 import.cell.unknownUnit",
                        "问题清单 3 I3 import.cell.unknownLeaderLike",
                        "问题清单 4 A4 import.row.numberTwice",
                        "问题清单 4 E4 import.cell.severity",
                        "问题清单 4 J4 import.cell.deadlineType",
                        "问题清单 4 K4 import.cell.date",
                        "问题清单 5 B5 import.cell.missing",
                        "问题清单 5 D5 import.cell.category",
                        "问题清单 5 K5 rule.deadline.notWorkingDay",
                        "问题清单 6 A6 import.row.numberInRound",
                        "问题清单 6 K6 rule.deadline.past",
                        "问题清单 7 K7 import.cell.dateMissing",
                        "任务清单 2 D2 import.cell.unitNotResponsible",
                        "任务清单 3 A3 import.row.noSuchProblem",
                        "任务清单 4 G4 import.cell.cycleMissing");
        JsonNode unknownUnit = refused.json().get("issues").get(0);
        assertThat(unknownUnit.get("message").asText()).isEqualTo("本轮次所属地区没有单位“扶贫开发局”，是否应为：县扶贫开发局？");
        assertThat(unknownUnit.get("column").asText()).isEqualTo("牵头单位");
        assertThat(refused.json().get("issues").get(2).get("message").asText()).contains("李县长");
        assertThat(refused.json().get("issues").get(9).get("message").asText()).contains(sunday.toString());

        // In English on request.
        assertThat(count("select count(*) from problem where round_id = ?", round))
                .isEqualTo(1);
        assertThat(count("select count(*) from feedback_import where round_id = ?", round))
                .isZero();
        assertThat(count("select count(*) from audit_record where actor = 'office'"))
                .isEqualTo(auditBefore);
        JsonNode english = office().withLanguage("en")
                .multipart(
                        "/api/rounds/{id}/imports",
                        "file",
                        Map.of("dryRun", "true"),
                        List.of(xlsx("bad.xlsx", file)),
                        round)
                .ok()
                .json();
        assertThat(english.get("importable").asBoolean()).isFalse();
        assertThat(english.at("/issues/0/message").asText())
                .isEqualTo("no unit \"扶贫开发局\" in the round's region; did you mean 县扶贫开发局?");
        assertThat(english.at("/issues/0/sheet").asText()).isEqualTo("Problems");
        assertThat(english.at("/issues/0/column").asText()).isEqualTo("Lead unit");

        // The dry run keeps its preview, with an audit record of the upload, and imports nothing.
        long kept = english.at("/upload/id").asLong();
        assertThat(count("select count(*) from feedback_import where round_id = ? and status = 'PREVIEWED'", round))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_record where action = 'FEEDBACK_UPLOADED' and target_id = ?", kept))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_record where actor = 'office'"))
                .isEqualTo(auditBefore + 1);
        assertThat(count("select count(*) from problem where round_id = ?", round))
                .isEqualTo(1);
    }

    @Test
    void badFilesAreRefusedBeforeAnythingIsRead() {
        long importsBefore = count("select count(*) from feedback_import");
        byte[] good = Workbooks.filled(
                template,
                List.of(
                        row("F-1", "问题", "描述。", "民生保障", null, null, "县民政局", null, "李县长", "立行立改", null),
                        row("F-2", "问题二", "描述二。", "民生保障", null, null, "县民政局", null, "李县长", "立行立改", null)),
                List.of());
        assertRefused("notes.txt", "这不是表格".getBytes(StandardCharsets.UTF_8), "import.file.notXlsx");
        assertRefused("empty.xlsx", new byte[0], "import.file.empty");
        assertRefused("old.xls", Workbooks.oldExcel(), "import.file.xls");
        assertRefused("locked.xlsx", Workbooks.encrypted(good), "import.file.encrypted");
        assertRefused("cut.xlsx", Arrays.copyOf(good, good.length / 2), "import.file.corrupt");
        assertRefused("formula.xlsx", Workbooks.withFormula(good), "import.file.formulas");
        assertRefused("merged.xlsx", Workbooks.withMergedCells(good), "import.file.merged");
        assertRefused("hidden.xlsx", Workbooks.withHiddenSheet(good), "import.file.hiddenSheet");
        assertRefused("docx.xlsx", wordLike(), "import.file.notXlsx");
        assertRefused(
                "bomb.xlsx",
                Workbooks.raw(Workbooks.cell("A1", "问题编号"), Map.of("xl/media/padding.bin", new byte[64 << 20])),
                "import.file.tooLarge");
        assertRefused(
                "huge-cell.xlsx",
                Workbooks.raw(
                        "<row r=\"1\">" + Workbooks.cell("A1", "问题编号") + "</row>" + "<row r=\"2\">"
                                + Workbooks.cell("A2", randomChinese(350_000)) + "</row>",
                        Map.of()),
                "import.file.cellTooLong");
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 100_000; r++) {
            rows.append("<row r=\"")
                    .append(r)
                    .append("\">")
                    .append(Workbooks.cell("A" + r, "P" + r))
                    .append("</row>");
        }
        assertRefused("rows.xlsx", Workbooks.raw(rows.toString(), Map.of()), "import.file.tooManyRows");
        assertThat(count("select count(*) from feedback_import")).isEqualTo(importsBefore);
        assertThat(count("select count(*) from problem where round_id = ?", round))
                .isZero();
    }

    @Test
    void aCommitThatFailsHalfWayLeavesNoTraceAndRunsAgain() {
        List<List<Object>> problems = new ArrayList<>();
        List<List<Object>> tasks = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            problems.add(
                    row("H-" + i, "问题" + i, "描述" + i + "。", "民生保障", null, null, "县民政局", null, "李县长", "立行立改", null));
            tasks.add(row("H-" + i, i == 4 ? "FAIL-HERE" : "措施" + i, "标准", null, "立行立改", null, null));
        }
        byte[] file = Workbooks.filled(template, problems, tasks);
        long preview = office().multipart(
                        "/api/rounds/{id}/imports",
                        "file",
                        Map.of("dryRun", "true"),
                        List.of(xlsx("half.xlsx", file)),
                        round)
                .ok()
                .json()
                .at("/upload/id")
                .asLong();
        long audit = count("select count(*) from audit_record");
        long processes = count("select count(*) from ACT_RU_EXECUTION");
        long notifications = count("select count(*) from notification");
        long drafted = count("select count(*) from rectification_task");
        FailingTask.install(jdbc, onMariaDb());
        try {
            int status =
                    office().post("/api/imports/{id}/commit", Map.of(), preview).status();
            assertThat(status).isGreaterThanOrEqualTo(400);
        } finally {
            FailingTask.remove(jdbc, onMariaDb());
        }
        assertThat(count("select count(*) from problem where round_id = ?", round))
                .isZero();
        assertThat(count("select count(*) from audit_record")).isEqualTo(audit);
        assertThat(count("select count(*) from ACT_RU_EXECUTION")).isEqualTo(processes);
        assertThat(count("select count(*) from notification")).isEqualTo(notifications);
        assertThat(count("select count(*) from rectification_task")).isEqualTo(drafted);
        assertThat(jdbc.queryForObject("select status from feedback_import where id = ?", String.class, preview))
                .isEqualTo("PREVIEWED");

        JsonNode done = office().post("/api/imports/{id}/commit", Map.of(), preview)
                .expect(201)
                .json();
        assertThat(done.get("problemIds")).hasSize(5);
        assertThat(count("select count(*) from problem where round_id = ?", round))
                .isEqualTo(5);
    }

    private void assertRefused(String name, byte[] content, String code) {
        ApiClient.Response response =
                office().multipart("/api/rounds/{id}/imports", "file", Map.of(), List.of(xlsx(name, content)), round);
        assertThat(response.status()).as(name).isEqualTo(400);
        assertThat(response.text("code")).as(name).isEqualTo(code);
        assertThat(response.text("detail")).as(name).isNotBlank();
    }

    /** An Office package that is no workbook: a Word document named .xlsx. */
    private static byte[] wordLike() {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
                var out = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("反馈问题清单");
            doc.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LocalDate nonWorkingDayAfter(LocalDate from) {
        for (LocalDate d = from.plusDays(1); ; d = d.plusDays(1)) {
            String next = api.as("office")
                    .get("/api/calendar/working-days?from={d}&days=1", d.minusDays(1))
                    .ok()
                    .text("date");
            if (!next.equals(d.toString())) {
                return d;
            }
        }
    }

    /** Text that does not compress much: 350,000 characters are a cell of 1 MB that still fits the test upload limit. */
    private static String randomChinese(int length) {
        java.util.Random random = new java.util.Random(7);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        return text.toString();
    }

    private static String chinese(String iso) {
        LocalDate d = LocalDate.parse(iso);
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static FileBody xlsx(String name, byte[] content) {
        return new FileBody(name, content);
    }

    private ApiClient.As office() {
        return api.as("office");
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
