package org.rectify.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole application on a random port with the demo data, on
 * H2 or on MariaDB as the failsafe execution says ({@code -Drectify.test.db=h2|mariadb}). All
 * subclasses share one application context, hence one database per JVM; on MariaDB that is a
 * fresh database named after the JVM's pid on the {@link MariaDbServer}, dropped when the JVM exits.
 * Without a MariaDB server the mariadb run is skipped (see {@link Requirements}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Metrics are exported (the Prometheus scrape) as in production; Spring Boot's tests turn that off by default.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles(resolver = IntegrationTest.Profiles.class)
@Import({IntegrationTest.TestClock.class, StartupProbe.class, RouteCoverage.class})
@ExtendWith(IntegrationTest.NeedsDatabase.class)
public abstract class IntegrationTest {

    public static final String DB = System.getProperty("rectify.test.db", "h2");
    static final String DB_NAME = "rectify_it_" + ProcessHandle.current().pid();
    /** Where the audit chain's heads of this run's database are published: a file of its own. */
    public static final String HEAD_FILE =
            "target/it-audit-heads/" + DB_NAME + "-" + DB + "-" + System.currentTimeMillis() + ".txt";
    /** The SMTP server every notification email of the tests goes to. */
    public static final GreenMail MAIL = startMail();

    @LocalServerPort
    protected int port;

    @Autowired
    protected TimeMachine time;

    protected ApiClient api;

    @BeforeEach
    void connectApi() {
        api = new ApiClient(port);
    }

    @AfterEach
    void backToThePresent() {
        time.reset();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        TimeMachine timeMachine() {
            return new TimeMachine();
        }
    }

    /** On a free port chosen once, so that a test may stop and restart it at the same address. */
    private static GreenMail startMail() {
        try (ServerSocket socket = new ServerSocket(0)) {
            GreenMail mail =
                    new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            socket.close();
            mail.start();
            return mail;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean onMariaDb() {
        return "mariadb".equals(DB);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("rectify.evidence.dir", () -> "target/it-evidence/" + DB);
        registry.add("rectify.audit.head-file", () -> HEAD_FILE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("rectify.messenger.wecom.base-url", () -> RobotServer.get().url());
        registry.add(
                "rectify.messenger.dingtalk.base-url", () -> RobotServer.get().url());
        if (onMariaDb()) {
            String server = MariaDbServer.url();
            MariaDbDatabase.recreate(server, DB_NAME);
            System.setProperty("rectify.bench.database", DB_NAME);
            registry.add("RECTIFY_DB_URL", () -> server + DB_NAME + "?sendFractionalSeconds=false");
            registry.add("RECTIFY_DB_USER", () -> "root");
            registry.add("RECTIFY_DB_PASSWORD", () -> "");
        } else {
            registry.add(
                    "spring.datasource.url", () -> "jdbc:h2:mem:" + DB_NAME + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64");
        }
    }

    /** The mariadb run skips its classes (before their context) where no MariaDB server can be had. */
    static class NeedsDatabase implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!onMariaDb() || context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("no MariaDB needed here");
            }
            return Requirements.need(
                    MariaDbServer.url() != null && MariaDbDatabase.reachable(MariaDbServer.url()),
                    MariaDbServer.embedded()
                            ? "A MariaDB server (" + MariaDbServer.failure() + ")"
                            : "The MariaDB server at " + MariaDbServer.url(),
                    "start one and set RECTIFY_TEST_DB_URL=jdbc:mysql://HOST:PORT/ (user root, empty password)");
        }
    }

    public static class Profiles implements ActiveProfilesResolver {

        @Override
        public String[] resolve(Class<?> testClass) {
            return onMariaDb() ? new String[] {"mysql", "demo", "test"} : new String[] {"demo", "test"};
        }
    }

    /** A fresh MariaDB database for this JVM, dropped again at exit (unless asked to keep it). */
    static final class MariaDbDatabase {

        private static boolean created;

        static boolean reachable(String server) {
            try (Connection c = DriverManager.getConnection(server, "root", "")) {
                return c.isValid(5);
            } catch (SQLException e) {
                return false;
            }
        }

        static synchronized void recreate(String server, String name) {
            if (created) {
                return;
            }
            execute(
                    server,
                    "drop database if exists " + name,
                    "create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
            // -Drectify.test.keep-database: kept after the run, to read plans against a benchmark's data.
            if (!Boolean.getBoolean("rectify.test.keep-database") && !MariaDbServer.embedded()) {
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> execute(server, "drop database if exists " + name)));
            }
            created = true;
        }

        private static void execute(String server, String... sql) {
            try (Connection c = DriverManager.getConnection(server, "root", "");
                    Statement s = c.createStatement()) {
                for (String statement : sql) {
                    s.execute(statement);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("MariaDB at " + server + " is needed for the mariadb test run", e);
            }
        }
    }
}
