package org.rectify.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feedback list of {@value #DEFAULT_PROBLEMS} problems with four measures each imported through the API in
 * one request: the upload checked row by row, then every problem registered and assigned (its process started,
 * its audit records and notifications written) and its measures drafted, in one transaction. Prints the time,
 * the rate and the peak heap in use; target: all of it within 120 s at {@code -Xmx512m} on MariaDB
 * ({@code -Dbench.argLine=-Xmx512m}). Asserts what was written, never the time.
 * <p>
 * {@code -Drectify.bench.import.problems=N} resizes it (H2, whose tables live in the same heap, imports a tenth).
 */
@TestPropertySource(
        properties = {"spring.servlet.multipart.max-file-size=20MB", "spring.servlet.multipart.max-request-size=25MB"})
class ImportBenchmark extends IntegrationTest {

    static final int DEFAULT_PROBLEMS = 10_000;
    static final int ASKED = Integer.getInteger("rectify.bench.import.problems", DEFAULT_PROBLEMS);
    /** H2 runs in memory, in the same heap: its run imports a tenth, to show the path works there too. */
    static final int PROBLEMS = onMariaDb() ? ASKED : Math.max(1, ASKED / 10);

    static final int TASKS_EACH = 4;
    static final String[] UNITS = {
        "县民政局",
        "县财政局",
        "县教育局",
        "县卫生健康委员会",
        "县住房和城乡建设局",
        "县农业农村局",
        "县水利局",
        "县交通运输局",
        "县扶贫开发局",
        "县医疗保障局",
        "县人力资源和社会保障局",
        "县自然资源和规划局",
        "城关镇",
        "东岭镇",
        "西溪镇",
        "南湖镇"
    };
    static final String[] CATEGORIES = {"民生保障", "资金管理", "项目管理", "产业发展", "基础设施", "工作作风", "政策落实"};
    static final String[] SUBJECTS = {
        "低保对象认定",
        "危房改造补助",
        "扶贫项目资金",
        "农村公路养护",
        "医保报销审核",
        "学生资助发放",
        "饮水安全工程",
        "产业帮扶项目",
        "易地搬迁后续扶持",
        "小额信贷回收",
        "公益岗位管理",
        "村级集体经济"
    };
    static final String[] FAILINGS = {"把关不严", "拨付滞后", "台账不全", "监管缺位", "整改不彻底", "公示不规范", "资金闲置", "程序不规范"};

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aListOfTenThousandProblemsImportsInOneGo() {
        Demo demo = new Demo(api);
        long round = demo.newRound("import-bench");
        LocalDate problemDeadline = LocalDate.parse(demo.workingDaysAhead(60));
        LocalDate taskDeadline = LocalDate.parse(demo.workingDaysAhead(40));
        byte[] file = workbook(problemDeadline, taskDeadline);
        Instant started = Instant.now();

        Map<String, Long> before = statements();
        HeapPeak peak = HeapPeak.start();
        long t0 = System.nanoTime();
        JsonNode done = api.as("office")
                .multipart(
                        "/api/rounds/{id}/imports",
                        "file",
                        Map.of(),
                        List.of(new FileBody("benchmark.xlsx", file)),
                        round)
                .expect(201)
                .json();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peakBytes = peak.stop();
        Map<String, Long> after = statements();

        long problems = count("select count(*) from problem where round_id = ?", round);
        long tasks = count(
                "select count(*) from rectification_task t join problem p on p.id = t.problem_id"
                        + " where p.round_id = ?",
                round);
        long processes = count("select count(*) from ACT_HI_PROCINST where START_TIME_ >= ?", Timestamp.from(started));
        long audited = count(
                "select count(*) from audit_record where action = 'PROBLEM_TRIAGED' and problem_id in"
                        + " (select id from problem where round_id = ?)",
                round);
        System.out.printf(
                "%n[import] %s: %,d problems and %,d tasks (%.1f MB file) imported in %.1f s: %.0f problems/s,"
                        + " %.0f tasks/s; peak heap in use %,d MB of %,d MB max (target: <= 120 s at -Xmx512m)%n",
                onMariaDb() ? "MariaDB" : "H2",
                problems,
                tasks,
                file.length / 1e6,
                seconds,
                problems / seconds,
                tasks / seconds,
                peakBytes >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        if (!before.isEmpty()) {
            StringBuilder line = new StringBuilder("[import] statements per problem:");
            before.forEach((name, n) ->
                    line.append(String.format(" %s %.1f", name, (after.get(name) - n) / (double) PROBLEMS)));
            System.out.println(line);
        }
        assertThat(done.get("problemIds")).hasSize(PROBLEMS);
        assertThat(problems).isEqualTo(PROBLEMS);
        assertThat(tasks).isEqualTo((long) PROBLEMS * TASKS_EACH);
        assertThat(processes).isGreaterThanOrEqualTo(PROBLEMS);
        assertThat(audited).isEqualTo(PROBLEMS);
    }

    /** The list as an office might write it: varied texts, units and categories, dates as date cells. */
    private static byte[] workbook(LocalDate problemDeadline, LocalDate taskDeadline) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet problems = book.createSheet("问题清单");
            header(problems, "问题编号", "问题标题", "问题描述", "问题类别", "严重程度", "整改目标", "牵头单位", "配合单位", "责任领导", "时限类型", "整改时限");
            Sheet tasks = book.createSheet("任务清单");
            header(tasks, "问题编号", "整改措施", "完成标准", "责任单位", "时限类型", "完成时限", "报告周期");
            int taskRow = 1;
            for (int i = 1; i <= PROBLEMS; i++) {
                String number = "BJ-" + i;
                String subject = SUBJECTS[i % SUBJECTS.length];
                String failing = FAILINGS[(i / SUBJECTS.length) % FAILINGS.length];
                String lead = UNITS[i % UNITS.length];
                String co = UNITS[(i + 5) % UNITS.length];
                Row row = problems.createRow(i);
                row.createCell(0).setCellValue(number);
                row.createCell(1).setCellValue(subject + failing + "（第" + i + "项）");
                row.createCell(2)
                        .setCellValue("经查，" + lead + subject + "工作" + failing + "，抽查第" + i + "户（项）发现问题" + (i % 7)
                                + "处，涉及资金" + (i % 97) + "万元，群众反映较多。");
                row.createCell(3).setCellValue(CATEGORIES[i % CATEGORIES.length]);
                row.createCell(4).setCellValue(i % 10 == 0 ? "较重" : "一般");
                row.createCell(5).setCellValue("完成" + subject + "问题整改，建立长效机制");
                row.createCell(6).setCellValue(lead);
                row.createCell(7).setCellValue(co);
                row.createCell(8).setCellValue(i % 2 == 0 ? "李县长" : "张副书记");
                row.createCell(9).setCellValue("限期整改");
                row.createCell(10).setCellValue(problemDeadline);
                row.getCell(10).setCellStyle(date);
                for (int t = 1; t <= TASKS_EACH; t++) {
                    Row task = tasks.createRow(taskRow++);
                    task.createCell(0).setCellValue(number);
                    task.createCell(1).setCellValue("措施" + t + "：逐项核查" + subject + "并整改到位");
                    task.createCell(2).setCellValue("形成整改台账，问题清零");
                    task.createCell(3).setCellValue(t == TASKS_EACH ? co : lead);
                    task.createCell(4).setCellValue("限期整改");
                    task.createCell(5).setCellValue(taskDeadline);
                    task.getCell(5).setCellStyle(date);
                }
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    /** MariaDB's counters of statements and row reads (the whole server: run it alone). */
    private Map<String, Long> statements() {
        if (!onMariaDb()) {
            return Map.of();
        }
        Map<String, Long> counters = new java.util.TreeMap<>();
        jdbc.query(
                "show global status where Variable_name in ('Questions', 'Com_select', 'Com_insert',"
                        + " 'Com_insert_select', 'Com_update', 'Com_delete', 'Handler_read_rnd_next', 'Handler_read_next')",
                rs -> {
                    counters.put(rs.getString(1), rs.getLong(2));
                });
        return counters;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** The most heap in use while it ran, sampled every 20 ms (the whole JVM: the application and the test). */
    static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapPeak() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler = new Thread(
                    () -> {
                        while (running) {
                            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-peak");
            sampler.setDaemon(true);
        }

        static HeapPeak start() {
            HeapPeak p = new HeapPeak();
            p.sampler.start();
            return p;
        }

        long stop() {
            running = false;
            sampler.interrupt();
            return peak.get();
        }
    }
}
