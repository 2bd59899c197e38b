package org.rectify.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard on random data: a county of its own filled straight into the tables (problems in every
 * status, deadlines of every type around today, tasks withdrawn and done, extensions, orders, look-backs
 * and relapses, with their history), then every figure of the totals and of each line of every breakdown
 * against {@link FigureOracle}'s slow count of the same problems. Three seeds, so that a definition that
 * only holds by chance on the demo data fails here.
 */
class DashboardRandomIT extends IntegrationTest {

    private static final AtomicInteger COUNTIES = new AtomicInteger();

    @Autowired
    org.rectify.audit.AuditChain chain;

    @Autowired
    private JdbcTemplate plain;

    @Autowired
    private NamedParameterJdbcTemplate jdbc;

    @Autowired
    private DeadlinePolicy deadlines;

    @Autowired
    private WorkingDayCalendar calendar;

    @Test
    void everyFigureOfEveryLineEqualsTheSlowCountOnRandomCounties() {
        for (long seed : new long[] {7, 42, 2026}) {
            checkCounty(seed);
        }
    }

    private void checkCounty(long seed) {
        Random random = new Random(seed);
        int n = COUNTIES.incrementAndGet();
        RandomCases cases = new RandomCases(plain, calendar, chain);
        long county = cases.unit(null, "rnd-county-" + n, "随机县" + n, "COUNTY");
        List<Long> departments = List.of(
                cases.unit(county, "rnd-dept-a-" + n, "甲局" + n, "DEPARTMENT"),
                cases.unit(county, "rnd-dept-b-" + n, "乙局" + n, "DEPARTMENT"));
        long township = cases.unit(county, "rnd-town-" + n, "丙镇" + n, "TOWNSHIP");
        long village = cases.unit(township, "rnd-village-" + n, "丁村" + n, "VILLAGE");
        List<Long> leads = List.of(county, departments.get(0), departments.get(1), township, village);
        String user = "rnd.office." + n;
        // the county lies outside the admin's region, so its office is made in SQL too
        cases.user(user, "随机办公室" + n, county, "OFFICE");
        String regionPath = cases.path(county);

        LocalDate today = Demo.today();
        Instant now = Instant.now();
        List<Long> rounds = cases.rounds(county, Integer.toString(n), today, now);
        List<RandomCases.Made> made = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            made.add(cases.problem(random, i, rounds, leads, county, regionPath, today, now));
        }

        JsonNode d = api.as(user).get("/api/dashboard").ok().json();
        LocalDate from = LocalDate.parse(d.get("from").asText());
        FigureOracle oracle = new FigureOracle(jdbc, deadlines, calendar);
        assertFigures(
                "seed " + seed + " totals", d.at("/totals/figures"), oracle.count(ids(made, m -> true), today, from));
        for (JsonNode breakdown : d.get("breakdowns")) {
            String dimension = breakdown.get("dimension").asText();
            for (JsonNode line : breakdown.get("lines")) {
                String key = line.get("key").asText();
                Predicate<RandomCases.Made> of = switch (dimension) {
                    case "SOURCE" -> m -> m.source().equals(key);
                    case "CATEGORY" -> m -> key.isEmpty() ? m.category() == null : key.equals(m.category());
                    case "SEVERITY" -> m -> m.severity().equals(key);
                    case "ROUND" -> m -> m.round() == Long.parseLong(key);
                    default -> unitLine(line, county, township, village);
                };
                assertFigures(
                        "seed " + seed + " " + dimension + " " + key,
                        line.get("figures"),
                        oracle.count(ids(made, of), today, from));
            }
        }
        assertThat(d.at("/breakdowns/0/lines").size())
                .as("own, two departments, the township, no lead unit")
                .isEqualTo(5);
    }

    private static Predicate<RandomCases.Made> unitLine(JsonNode line, long county, long township, long village) {
        String section = line.get("section").asText();
        long key = Long.parseLong(line.get("key").asText());
        if (section.equals("NONE")) {
            return m -> m.leadUnit() == null;
        }
        if (key == county) {
            return m -> m.leadUnit() != null && m.leadUnit() == county;
        }
        if (key == township) {
            return m -> m.leadUnit() != null && (m.leadUnit() == township || m.leadUnit() == village);
        }
        return m -> m.leadUnit() != null && m.leadUnit() == key;
    }

    private void assertFigures(String what, JsonNode figures, FigureOracle.Counted expected) {
        for (Figure f : Figure.values()) {
            assertThat(figures.at("/counts/" + f.name()).asLong())
                    .as(what + " " + f)
                    .isEqualTo(expected.counts().get(f));
        }
        if (!expected.daysToClose().isEmpty()) {
            assertThat(figures.get("meanDaysToClose").asDouble())
                    .as(what + " mean")
                    .isEqualTo(expected.mean());
        }
    }

    private static Set<Long> ids(List<RandomCases.Made> made, Predicate<RandomCases.Made> which) {
        return made.stream().filter(which).map(RandomCases.Made::id).collect(Collectors.toSet());
    }
}
