package org.rectify.bench;

import java.sql.Connection;
import java.time.Clock;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.rectify.org.OrgSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator of a national deployment's data: drops and recreates the scale database ({@link ScaleTest}),
 * lets Flyway create the schema, then fills it in bulk ({@link ScaleData}). Runs only when asked, on the
 * MariaDB execution of the bench profile:
 * <pre>
 * ./mvnw -Pbench verify -Dit.test=ScaleDataBenchmark -Drectify.gen.problems=1000000
 * </pre>
 * {@code -Drectify.gen.problems} (required), {@code -Drectify.gen.tasks} (default 4 per problem),
 * {@code -Drectify.gen.counties} (2,800), {@code -Drectify.gen.provinces} (30).
 */
@EnabledIfSystemProperty(
        named = "rectify.gen.problems",
        matches = "\\d+",
        disabledReason = "generates only when -Drectify.gen.problems=N is given")
@EnabledIfSystemProperty(named = "rectify.test.db", matches = "mariadb", disabledReason = "MariaDB only")
class ScaleDataBenchmark extends ScaleTest {

    static final int PROBLEMS = Integer.getInteger("rectify.gen.problems", 0);
    static final int TASKS = Integer.getInteger("rectify.gen.tasks", PROBLEMS * 4);
    static final int COUNTIES = Integer.getInteger("rectify.gen.counties", 2800);
    static final int PROVINCES = Integer.getInteger("rectify.gen.provinces", 30);

    @Autowired
    DataSource dataSource;

    @Autowired
    OrgSetup setup;

    @Autowired
    Clock clock;

    /** A fresh database before the application (and Flyway) starts on it. */
    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        onServer(
                "drop database if exists " + DATABASE,
                "create database " + DATABASE + " character set utf8mb4 collate utf8mb4_unicode_ci");
    }

    @Test
    void fillsTheDatabaseOfANationalDeployment() throws Exception {
        ScaleData.Sizes sizes = new ScaleData.Sizes(PROBLEMS, TASKS, COUNTIES, PROVINCES, 10, 5, 730);
        ScaleData.Report report;
        try (Connection c = dataSource.getConnection()) {
            report = new ScaleData(c, setup.hash("demo1234"), clock.instant()).generate(sizes);
        }
        System.out.println(report);
        assertThat(report.rows().get("problem")).isEqualTo(PROBLEMS);
    }
}
