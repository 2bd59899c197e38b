package org.rectify.problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem tally (db/common/V36) counts exactly what a count of the problems gives, for every region and
 * state, whoever wrote the problems (the services, plain SQL inserts, updates and deletes, a rolled-back
 * transaction) and whenever the changes are folded, also while nodes fold at once and problems are being
 * registered; and the lists counted from it count what they list.
 */
class ProblemTallyIT extends IntegrationTest {

    @Autowired
    ProblemTally tally;

    @Autowired
    ProblemGrams grams;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theTallyCountsTheProblemsBeforeAndAfterAFold() {
        new Scenario(api, new Demo(api), "fpj")
                .taskInProgress("TALLY-1", "2099-12-31", java.time.LocalDate.of(2099, 6, 30));
        assertEveryCountAgrees("with changes");
        tally.fold();
        assertThat(jdbc.queryForObject("select count(*) from problem_tally_change", Long.class))
                .isZero();
        assertEveryCountAgrees("folded");
        assertThat(tallied()).as("the tally's rows, folded").isEqualTo(counted());
    }

    @Test
    void writesInSqlAreCountedAndARollbackLeavesNothing() {
        tally.fold();
        String columns = String.join(", ", new java.util.LinkedHashSet<>(jdbc.execute((java.sql.Connection c) -> {
            List<String> names = new ArrayList<>();
            for (String table : List.of("problem", "PROBLEM")) {
                try (java.sql.ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
                    while (rs.next()) {
                        names.add(rs.getString("COLUMN_NAME"));
                    }
                }
            }
            names.removeIf("id"::equalsIgnoreCase);
            return names;
        })));
        String copied = columns.toLowerCase().replaceFirst("\\bnumber\\b", "concat(number, '-copy')");
        int copies = jdbc.update("insert into problem (" + columns + ") select " + copied + " from problem"
                + " where number not like '%-copy'");
        assertThat(copies).isPositive();
        // Written in one statement, the copies' ids are consecutive; indexed for search as a bulk load is.
        grams.index(
                jdbc.queryForObject("select min(id) from problem where number like '%-copy'", Long.class),
                jdbc.queryForObject("select max(id) from problem where number like '%-copy'", Long.class));
        try {
            assertEveryCountAgrees("copied in SQL");
            jdbc.update("update problem set status = 'CLOSED' where number like '%-copy' and status <> 'CLOSED'");
            jdbc.update("update problem set title = concat(title, '!') where number like '%-copy'");
            assertEveryCountAgrees("copies closed in SQL");
            tally.fold();
            assertEveryCountAgrees("copies closed, folded");

            Map<List<String>, Long> before = tallied();
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.update("update problem set status = 'REGISTERED' where number like '%-copy'");
                assertEveryCountAgrees("copies reopened, not committed");
                tx.setRollbackOnly();
            });
            tally.fold();
            assertThat(tallied()).as("after a rollback").isEqualTo(before);
            assertEveryCountAgrees("rolled back");
        } finally {
            jdbc.update(
                    "delete from problem_gram where problem_id in (select id from problem where number like '%-copy')");
            jdbc.update("delete from problem where number like '%-copy'");
        }
        assertEveryCountAgrees("copies deleted");
        tally.fold();
        assertThat(tallied()).isEqualTo(counted());
    }

    @Test
    void foldsOnSeveralThreadsWhileProblemsAreRegisteredCountEveryChangeOnce() throws Exception {
        Demo demo = new Demo(api);
        long round = demo.newRound("tally");
        Map<String, Object> responsibility = new Scenario(api, demo, "fpj").responsibility("2099-12-31");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean registering = new AtomicBoolean(true);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                work.add(() -> {
                    for (int i = 0; i < 15; i++) {
                        long id = api.as("office")
                                .post(
                                        "/api/problems",
                                        Map.of(
                                                "roundId",
                                                round,
                                                "number",
                                                "T" + thread + "-" + i,
                                                "title",
                                                "并发登记的问题",
                                                "description",
                                                "x"))
                                .expect(201)
                                .id();
                        if (i % 3 == 0) {
                            api.as("office")
                                    .post(
                                            "/api/problems/{id}/triage",
                                            Map.of(
                                                    "categoryCode",
                                                    "FUNDS",
                                                    "severity",
                                                    "GENERAL",
                                                    "responsibility",
                                                    responsibility),
                                            id)
                                    .ok();
                        }
                    }
                    return 0;
                });
            }
            for (int t = 0; t < 2; t++) {
                work.add(() -> {
                    int folded = 0;
                    while (registering.get()) {
                        folded += tally.fold();
                    }
                    return folded;
                });
            }
            List<Future<Integer>> done = new ArrayList<>();
            for (Callable<Integer> w : work) {
                done.add(pool.submit(w));
            }
            done.get(0).get();
            done.get(1).get();
            registering.set(false);
            done.get(2).get();
            done.get(3).get();
        } finally {
            pool.shutdownNow();
        }
        tally.fold();
        assertThat(tallied()).isEqualTo(counted());
        assertEveryCountAgrees("after concurrent folds");
    }

    @Test
    void theOfficesListIsCountedFromTheTallyAsItLists() {
        for (String status : new String[] {null, "REGISTERED", "ASSIGNED", "IN_PROGRESS", "CLOSED"}) {
            String filter = status == null ? "" : "&status=" + status;
            long all = api.as("office")
                    .get("/api/problems?size=2000" + filter)
                    .ok()
                    .json()
                    .get("content")
                    .size();
            // A page shorter than the list: its total is a count (the first page of a short list is counted by
            // its rows).
            long counted = api.as("office")
                    .get("/api/problems?size=1" + filter)
                    .ok()
                    .json()
                    .at("/page/totalElements")
                    .asLong();
            assertThat(counted)
                    .as("office, " + status)
                    .isEqualTo(all)
                    .isEqualTo(jdbc.queryForObject(
                            "select count(*) from problem where region_path like"
                                    + " concat((select path from org_unit where code = 'county'), '%')"
                                    + (status == null ? "" : " and status = '" + status + "'"),
                            Long.class));
        }
    }

    /** For every region path (and each of its prefixes) and every state and none: the tally's count is the count. */
    private void assertEveryCountAgrees(String when) {
        List<String> regions = jdbc.queryForList("select distinct region_path from problem", String.class);
        List<String> prefixes = new ArrayList<>(List.of("/", "/0/"));
        for (String region : regions) {
            for (int end = region.indexOf('/', 1); end > 0; end = region.indexOf('/', end + 1)) {
                prefixes.add(region.substring(0, end + 1));
            }
        }
        int compared = 0;
        for (String prefix : prefixes.stream().distinct().toList()) {
            assertThat(tally.count(prefix, null))
                    .as(when + ": " + prefix)
                    .isEqualTo(jdbc.queryForObject(
                            "select count(*) from problem where region_path like concat(?, '%')", Long.class, prefix));
            for (ProblemStatus status : ProblemStatus.values()) {
                assertThat(tally.count(prefix, status))
                        .as(when + ": " + prefix + " " + status)
                        .isEqualTo(jdbc.queryForObject(
                                "select count(*) from problem where region_path like"
                                        + " concat(?, '%') and status = ?",
                                Long.class, prefix, status.name()));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(ProblemStatus.values().length);
    }

    /** The tally's rows, zeros left out. */
    private Map<List<String>, Long> tallied() {
        return jdbc.queryForList("select region_path, status, problems from problem_tally where problems <> 0").stream()
                .collect(Collectors.toMap(
                        r -> List.of((String) value(r, "region_path"), (String) value(r, "status")),
                        r -> ((Number) value(r, "problems")).longValue()));
    }

    private Map<List<String>, Long> counted() {
        Map<List<String>, Long> counts = new HashMap<>();
        jdbc.query("select region_path, status, count(*) from problem group by region_path, status", rs -> {
            counts.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
        });
        return counts;
    }

    /** H2 names its columns in capitals. */
    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }
}
