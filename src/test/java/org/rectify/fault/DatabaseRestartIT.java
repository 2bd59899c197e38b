package org.rectify.fault;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.rectify.support.ApiClient;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.MariaDbServer;
import org.rectify.support.Scenario;
import org.rectify.support.SecondNode;
import org.rectify.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database server restarted under a running node (issue 14): a private MariaDB server (this machine's
 * mariadbd, its own data directory and loopback port under target/db-restart) and one node on it, its job
 * executor on. While the server is down, the API answers 503 ProblemDetails and the pages a plain "database
 * unavailable" page, no stack trace; once it is back the same node, not restarted, serves again and its timers
 * fire again. Only on the run against a MariaDB server (the CI's third phase, or RECTIFY_TEST_DB_URL): it needs
 * mariadbd, and it takes a minute or two.
 */
@EnabledIf(
        value = "onTheMariaDbServerRun",
        disabledReason = "runs on the MariaDB server run only (it starts a mariadbd of its own)")
class DatabaseRestartIT {

    private static final Path HOME = Path.of("target", "db-restart").toAbsolutePath();

    static boolean onTheMariaDbServerRun() {
        return IntegrationTest.onMariaDb()
                && !MariaDbServer.embedded()
                && new File("/usr/sbin/mariadbd").canExecute()
                && new File("/usr/bin/mariadb-install-db").canExecute();
    }

    @Test
    void aNodeServesAgainAndItsTimersFireAfterTheDatabaseRestarts() throws Exception {
        FileUtils.deleteQuietly(HOME.toFile());
        Files.createDirectories(HOME);
        int port = freePort();
        install();
        Process server = start(port);
        try {
            createDatabase(port);
            try (SecondNode node = SecondNode.fromClassPath(
                    List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"),
                    HOME.resolve("node.log").toString(),
                    "--spring.profiles.active=mysql,demo,test",
                    "--RECTIFY_DB_URL=jdbc:mysql://127.0.0.1:" + port + "/rectify?sendFractionalSeconds=false",
                    "--RECTIFY_DB_USER=root",
                    "--RECTIFY_DB_PASSWORD=",
                    "--rectify.evidence.dir=" + HOME.resolve("evidence"),
                    "--rectify.audit.head-file=" + HOME.resolve("audit-head.txt"),
                    "--camunda.bpm.job-execution.enabled=true",
                    // A request waits this long for a connection before it is told the database is unavailable.
                    "--spring.datasource.hikari.connection-timeout=2000",
                    "--spring.main.banner-mode=off")) {
                ApiClient api = new ApiClient(node.port());
                Scenario scenario = new Scenario(api, new Demo(api), "fpj");
                String yellowToday = new Demo(api).workingDaysAhead(5);
                long before =
                        scenario.taskInProgress("RESTART-1", "2099-12-31", java.time.LocalDate.parse(yellowToday))[0];
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> scenario.alerts(before, "TASK").contains("WARNING"));
                WebSession browser = WebSession.signIn(node.port(), "office");
                assertThat(browser.get("/").status()).isEqualTo(200);

                stop(server);
                ApiClient.Response read = api.as("office").get("/api/problems/{id}", before);
                assertThat(read.status()).isEqualTo(503);
                assertThat(read.headers().getFirst("Content-Type")).contains("application/problem+json");
                assertThat(read.text("detail")).contains("nothing was saved");
                ApiClient.Response write = api.as("head.fpj").post("/api/problems/{id}/claim", null, before);
                assertThat(write.status()).isEqualTo(503);
                WebSession.Answer page = browser.get("/");
                assertThat(page.status()).isEqualTo(503);
                assertThat(page.text()).contains("id=\"unavailable\"").doesNotContain("Exception");

                server = start(port);
                await().atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> api.as("office")
                                        .get("/api/problems/{id}", before)
                                        .status()
                                == 200);
                assertThat(browser.get("/").status()).isEqualTo(200);
                long after =
                        scenario.taskInProgress("RESTART-2", "2099-12-31", java.time.LocalDate.parse(yellowToday))[0];
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> scenario.alerts(after, "TASK").contains("WARNING"));
            }
        } finally {
            stop(server);
            FileUtils.deleteQuietly(HOME.resolve("data").toFile());
        }
    }

    private static void install() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/mariadb-install-db",
                "--no-defaults",
                "--datadir=" + HOME.resolve("data"),
                "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        asRoot(command);
        run(command, "install.log");
    }

    private static Process start(int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "/usr/sbin/mariadbd",
                "--no-defaults",
                "--datadir=" + HOME.resolve("data"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + HOME.resolve("mariadb.sock"),
                "--pid-file=" + HOME.resolve("mariadb.pid"),
                "--skip-grant-tables",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci"));
        asRoot(command);
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        HOME.resolve("mariadbd.log").toFile()))
                .start();
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "root", "")) {
                return c.isValid(2);
            }
        });
        return server;
    }

    /** SIGTERM, as a service manager stops it: it shuts down cleanly, dropping every connection. */
    private static void stop(Process server) throws InterruptedException {
        if (server.isAlive()) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    private static void createDatabase(int port) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "root", "");
                Statement s = c.createStatement()) {
            s.execute("create database rectify character set utf8mb4 collate utf8mb4_unicode_ci");
        }
    }

    private static void asRoot(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
    }

    private static void run(List<String> command, String log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(HOME.resolve(log).toFile())
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed; see " + HOME.resolve(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
