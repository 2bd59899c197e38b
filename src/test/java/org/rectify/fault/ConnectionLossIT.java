package org.rectify.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The database connection of a request dropped in the middle of its transaction (issue 14): on MariaDB the
 * test holds a row lock on the process's waiting user task, so that the office's claim of the problem stops
 * half-way (the problem locked and changed, the engine's flush waiting to delete the task), finds the waiting
 * session among the server's transactions and kills its connection, as a network cut or a failover does.
 * Nothing of the claim is saved, the user gets a 503 saying so, and the next request, on a fresh connection from
 * the pool, succeeds.
 */
class ConnectionLossIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Value("${RECTIFY_DB_URL:}")
    String databaseUrl;

    @Test
    void aConnectionKilledMidTransactionSavesNothingAndSaysSo() throws Exception {
        assumeThat(onMariaDb())
                .as("KILL CONNECTION needs a database server; H2 in memory has no connection to cut")
                .isTrue();
        long problem =
                new Scenario(api, new Demo(api), "fpj").assigned("CUT-" + System.nanoTime() % 100_000, "2099-12-31");
        String status = status(problem);
        long audited = audited(problem);
        String waiting = tasks.createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(problem))
                .singleResult()
                .getId();

        ApiClient.Response cut;
        try (Connection blocker = DriverManager.getConnection(databaseUrl, "root", "")) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock =
                    blocker.prepareStatement("select ID_ from ACT_RU_TASK where ID_ = ? for update")) {
                lock.setString(1, waiting);
                lock.executeQuery().close();
            }
            CompletableFuture<ApiClient.Response> claim = CompletableFuture.supplyAsync(
                    () -> api.as("head.fpj").post("/api/problems/{id}/claim", null, problem));
            long victim = await().atMost(Duration.ofSeconds(30))
                    .until(() -> waitingSession(blocker), waiting1 -> waiting1.size() == 1)
                    .get(0);
            try (Statement kill = blocker.createStatement()) {
                kill.execute("KILL CONNECTION " + victim);
            }
            blocker.rollback();
            cut = claim.get(60, TimeUnit.SECONDS);
        }

        assertThat(cut.status()).isEqualTo(503);
        assertThat(cut.headers().getFirst("Content-Type")).contains("application/problem+json");
        assertThat(cut.text("detail")).contains("nothing was saved");
        // All or nothing: the problem, its process and its audit trail as before the claim.
        assertThat(status(problem)).isEqualTo(status);
        assertThat(audited(problem)).isEqualTo(audited);
        assertThat(tasks.createTaskQuery().taskId(waiting).count()).isOne();
        // The pool hands out a working connection again: the claim, sent again, goes through.
        api.as("head.fpj").post("/api/problems/{id}/claim", null, problem).ok();
        assertThat(status(problem)).isNotEqualTo(status);
        assertThat(audited(problem)).isGreaterThan(audited);
    }

    /** The server's transactions waiting for a row lock, other than the blocker's own session. */
    private static List<Long> waitingSession(Connection blocker) throws Exception {
        try (Statement s = blocker.createStatement();
                var rs = s.executeQuery("select trx_mysql_thread_id from information_schema.innodb_trx"
                        + " where trx_state = 'LOCK WAIT' and trx_mysql_thread_id <> connection_id()")) {
            List<Long> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    private String status(long problem) {
        return api.as("office").get("/api/problems/{id}", problem).ok().text("status");
    }

    private long audited(long problem) {
        return jdbc.queryForObject("select count(*) from audit_record where problem_id = ?", Long.class, problem);
    }
}
