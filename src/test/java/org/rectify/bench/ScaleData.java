package org.rectify.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rectify.common.Zones;
import org.rectify.problem.ProblemGrams;

/**
 * Fills an empty, migrated MariaDB database with a national deployment's data, written as tab-separated
 * files ({@link TsvTable}) and loaded with {@code LOAD DATA LOCAL INFILE}, one statement per table: the
 * org tree and its users ({@link ScaleOrg}), then the problems, round by round in the order their
 * feedback came in (so that ids grow with time and the counties' problems interleave as in service),
 * each with its whole history ({@link ScaleStories}). No process instances: the dashboards, ledgers and
 * lists read only these tables.
 */
final class ScaleData {

    /** How much: problems and tasks in all, counties in provinces, rounds per county over {@code days}. */
    record Sizes(
            int problems,
            int tasks,
            int counties,
            int provinces,
            int citiesPerProvince,
            int roundsPerCounty,
            int days) {}

    /** Rows per table and seconds per phase. */
    record Report(Map<String, Long> rows, Map<String, Double> seconds) {

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("\n======== ScaleDataBenchmark: generated ========\n");
            rows.forEach((table, n) -> out.append("%-22s %,14d rows%n".formatted(table, n)));
            seconds.forEach((phase, s) -> out.append("%-22s %14.1f s%n".formatted(phase, s)));
            return out.append("===============================================\n")
                    .toString();
        }
    }

    /** The share of problems that reach planning and so get tasks (measured on the stories). */
    private static final double PLANNED = 0.97;

    private final Connection connection;
    private final String passwordHash;
    private final Instant now;
    private final Path dir = Path.of("target", "scale-data");

    ScaleData(Connection connection, String passwordHash, Instant now) {
        this.connection = connection;
        this.passwordHash = passwordHash;
        this.now = now;
    }

    Report generate(Sizes sizes) throws SQLException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long start = System.nanoTime();
        LocalDate today = Zones.today(java.time.Clock.fixed(now, Zones.CHINA));
        ScaleOrg org = new ScaleOrg(dir, passwordHash);
        org.build(
                sizes.provinces(),
                sizes.citiesPerProvince(),
                sizes.counties(),
                sizes.roundsPerCounty(),
                today.minusDays(sizes.days()),
                today.minusDays(1),
                now);
        ScaleStories stories = new ScaleStories(dir, now, sizes.tasks() / (double) sizes.problems() / PLANNED);
        List<ScaleOrg.Round> rounds = org.allRounds;
        for (int r = 0; r < rounds.size(); r++) {
            int count = ScaleOrg.share(sizes.problems(), rounds.size(), r);
            for (int i = 1; i <= count; i++) {
                stories.problem(rounds.get(r), i);
            }
        }
        seconds.put("write files", (System.nanoTime() - start) / 1e9);
        List<TsvTable> tables = new ArrayList<>(org.tables());
        tables.addAll(stories.tables());
        Map<String, Long> rows = new LinkedHashMap<>();
        for (TsvTable table : tables) {
            long t = System.nanoTime();
            rows.put(table.name(), table.load(connection));
            seconds.put("load " + table.name(), (System.nanoTime() - t) / 1e9);
        }
        long t = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            // The load wrote a change of the problem tally per problem (db/mysql/V37): counted afresh instead,
            // as nothing else writes while the data is generated.
            s.execute("delete from problem_tally_change");
            s.execute("delete from problem_tally");
            s.execute("insert into problem_tally (region_path, status, problems)"
                    + " select region_path, status, count(*) from problem group by region_path, status");
        }
        seconds.put("problem tally", (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        for (String statement : ProblemGrams.INDEX) {
            try (PreparedStatement s = connection.prepareStatement(statement)) {
                s.setLong(1, 0);
                s.setLong(2, Long.MAX_VALUE);
                s.executeUpdate();
            }
        }
        rows.put("problem_gram", count("problem_gram"));
        seconds.put("problem grams", (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("analyze table " + String.join(", ", rows.keySet()));
        }
        seconds.put("analyze", (System.nanoTime() - t) / 1e9);
        seconds.put("total", (System.nanoTime() - start) / 1e9);
        return new Report(rows, seconds);
    }

    private long count(String table) throws SQLException {
        try (Statement s = connection.createStatement();
                var rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
