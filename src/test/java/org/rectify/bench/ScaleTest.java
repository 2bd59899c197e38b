package org.rectify.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the national-scale benchmarks: the whole application on a random port, on a MariaDB database of
 * their own that outlives the run ({@code rectify_scale} unless {@code -Drectify.scale.database} names
 * another), on the server of {@code RECTIFY_TEST_DB_URL} or {@code -Drectify.test.mariadb-url} (default
 * the machine's, {@code jdbc:mysql://127.0.0.1:3306/}). {@link ScaleDataBenchmark} fills it,
 * {@link DashboardBenchmark} reads it; no demo data, no job executor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "test"})
abstract class ScaleTest {

    static final String DATABASE = System.getProperty("rectify.scale.database", "rectify_scale");

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void scaleDatabase(DynamicPropertyRegistry registry) {
        registry.add("RECTIFY_DB_URL", ScaleTest::url);
        registry.add("RECTIFY_DB_USER", () -> "root");
        registry.add("RECTIFY_DB_PASSWORD", () -> "");
        registry.add("rectify.evidence.dir", () -> "target/scale-evidence");
        // Nothing here asks for similar problems: no index of a million problems built beside the timings.
        registry.add("rectify.similar.build-at-start", () -> "false");
    }

    /** The server, ending in "/". */
    static String server() {
        String given = System.getProperty("rectify.test.mariadb-url");
        if (given == null || given.isBlank()) {
            given = System.getenv("RECTIFY_TEST_DB_URL");
        }
        if (given == null || given.isBlank()) {
            given = "jdbc:mysql://127.0.0.1:3306/";
        }
        return given.endsWith("/") ? given : given + "/";
    }

    /** The scale database; LOAD DATA LOCAL INFILE allowed for the generator. */
    static String url() {
        return server() + DATABASE + "?sendFractionalSeconds=false&allowLoadLocalInfile=true";
    }

    static void onServer(String... sql) {
        try (Connection c = DriverManager.getConnection(server(), "root", "");
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + server() + ": " + e.getMessage(), e);
        }
    }
}
