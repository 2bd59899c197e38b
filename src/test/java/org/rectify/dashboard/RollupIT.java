package org.rectify.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
 * The roll-ups of the regions above the county: a province of its own (two cities of two counties, and
 * problems its own office registered for a county's units) filled with random cases, its dashboards read
 * live, then again from the roll-ups once they are built. Both must show the same figures on every line,
 * the same ranking and trend; the present's numbers open, as of the instant they were counted at,
 * lists with exactly that many rows; and the totals equal the slow count of {@link FigureOracle}.
 */
class RollupIT extends IntegrationTest {

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

    @Autowired
    private Rollups rollups;

    @Test
    void theRollupsShowWhatTheLiveCountShowsAndTheirNumbersOpenTheirLists() {
        RandomCases cases = new RandomCases(plain, calendar, chain);
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        long province = cases.unit(null, "ru-p-" + tag, "卷省" + tag, "PROVINCE");
        long department = cases.unit(province, "ru-pd-" + tag, "省厅" + tag, "DEPARTMENT");
        LocalDate today = Demo.today();
        // everything happened before the roll-up's instant (a few minutes ago), so live and rolled agree
        Instant now = Instant.now().minus(2, ChronoUnit.HOURS);
        // The whole test on one China day, whenever it runs: the application's clock held at 23:00 of it, or
        // "today" would move under the roll-up when the real day ends during the test.
        time.travelTo(today, java.time.LocalTime.of(23, 0));
        Random random = new Random(11);
        List<RandomCases.Made> made = new ArrayList<>();
        List<Long> cities = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            long city = cases.unit(province, "ru-c" + c + "-" + tag, "卷市" + c + tag, "CITY");
            cities.add(city);
            for (int k = 0; k < 2; k++) {
                long county = cases.unit(city, "ru-k" + c + k + "-" + tag, "卷县" + c + k + tag, "COUNTY");
                long township = cases.unit(county, "ru-t" + c + k + "-" + tag, "卷镇" + c + k + tag, "TOWNSHIP");
                long office = cases.unit(county, "ru-d" + c + k + "-" + tag, "卷局" + c + k + tag, "DEPARTMENT");
                List<Long> leads = List.of(county, township, office);
                List<Long> rounds = cases.rounds(county, tag + c + k, today, now);
                for (int i = 0; i < 40; i++) {
                    made.add(cases.problem(random, i, rounds, leads, county, cases.path(county), today, now));
                }
            }
        }
        // the province's own rounds, for problems of its department and of a county's township
        List<Long> rounds = cases.rounds(province, tag + "p", today, now);
        List<Long> leads = List.of(
                department,
                province,
                plain.queryForObject("select id from org_unit where code = ?", Long.class, "ru-t00-" + tag));
        for (int i = 0; i < 30; i++) {
            made.add(cases.problem(random, i, rounds, leads, province, cases.path(province), today, now));
        }
        cases.user("ru.province." + tag, "卷省办公室", province, "OFFICE");
        cases.user("ru.city." + tag, "卷市办公室", cities.get(0), "OFFICE");
        String provinceOffice = "ru.province." + tag;
        String cityOffice = "ru.city." + tag;
        LocalDate yesterday = today.minusDays(1);
        String[] views = {"/api/dashboard", "/api/dashboard?asOf=" + yesterday, "/api/dashboard?unitId=" + cities.get(0)
        };

        List<JsonNode> live = new ArrayList<>();
        for (String view : views) {
            live.add(api.as(provinceOffice).get(view).ok().json());
        }
        live.add(api.as(cityOffice).get("/api/dashboard").ok().json());
        assertThat(live.get(0).get("takenAt").isNull())
                .as("no roll-up yet: counted live")
                .isTrue();

        for (int i = 1; i <= 12 * 7 + 1; i++) {
            rollups.buildDay(today.minusDays(i));
        }
        assertThat(rollups.buildNow(time.instant())).isTrue();
        assertThat(rollups.buildNow(time.instant()))
                .as("a second run in the same period builds nothing")
                .isFalse();

        List<JsonNode> rolled = new ArrayList<>();
        for (String view : views) {
            rolled.add(api.as(provinceOffice).get(view).ok().json());
        }
        rolled.add(api.as(cityOffice).get("/api/dashboard").ok().json());
        for (int v = 0; v < live.size(); v++) {
            assertSameDashboard("view " + v, live.get(v), rolled.get(v));
        }
        JsonNode present = rolled.get(0);
        assertThat(present.get("takenAt").isNull())
                .as("the present came from a roll-up")
                .isFalse();
        assertThat(rolled.get(1).get("takenAt").isNull())
                .as("a past day's end needs no instant")
                .isTrue();

        String at = present.get("takenAt").asText();
        for (Figure f : Figure.values()) {
            assertDrillDown(provinceOffice, present.at("/totals"), f, at);
            for (JsonNode line : present.at("/breakdowns/0/lines")) {
                assertDrillDown(provinceOffice, line, f, at);
            }
        }
        LocalDate from = LocalDate.parse(present.get("from").asText());
        FigureOracle.Counted expected = new FigureOracle(jdbc, deadlines, calendar)
                .count(made.stream().map(RandomCases.Made::id).collect(Collectors.toSet()), today, from);
        for (Figure f : Figure.values()) {
            assertThat(present.at("/totals/figures/counts/" + f.name()).asLong())
                    .as("slow count of " + f)
                    .isEqualTo(expected.counts().get(f));
        }
    }

    private void assertDrillDown(String user, JsonNode line, Figure figure, String at) {
        JsonNode drill = line.get("drill");
        StringBuilder url =
                new StringBuilder("/api/ledger/" + figure.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + "?size=1&figure=" + figure.name() + "&at=" + at);
        for (String name : Set.of("leadUnitId", "roundId", "sourceType", "categoryCode", "severity")) {
            if (!drill.get(name).isNull()) {
                url.append('&').append(name).append('=').append(drill.get(name).asText());
            }
        }
        if (drill.get("leadUnitOnly").asBoolean()) {
            url.append("&leadUnitOnly=true");
        }
        if (figure.periodic()) {
            url.append("&from=").append(drill.get("from").asText());
        }
        assertThat(drill.get("at").asText()).isEqualTo(at);
        long rows = api.as(user)
                .get(url.toString())
                .ok()
                .json()
                .at("/page/totalElements")
                .asLong();
        assertThat(rows)
                .as(figure + " of line " + line.get("key") + ": " + url)
                .isEqualTo(line.at("/figures/counts/" + figure.name()).asLong());
    }

    private static void assertSameDashboard(String what, JsonNode live, JsonNode rolled) {
        assertSameFigures(what + " totals", live.at("/totals/figures"), rolled.at("/totals/figures"));
        assertThat(rolled.at("/totals/figures/medianDaysToClose"))
                .as(what + " median")
                .isEqualTo(live.at("/totals/figures/medianDaysToClose"));
        for (int b = 0; b < live.get("breakdowns").size(); b++) {
            JsonNode l = live.get("breakdowns").get(b);
            JsonNode r = rolled.get("breakdowns").get(b);
            assertThat(keys(r.get("lines"))).as(what + " " + l.get("dimension")).isEqualTo(keys(l.get("lines")));
            for (int i = 0; i < l.get("lines").size(); i++) {
                assertSameFigures(
                        what + " " + l.get("dimension") + " "
                                + l.get("lines").get(i).get("key"),
                        l.get("lines").get(i).get("figures"),
                        r.get("lines").get(i).get("figures"));
            }
        }
        assertThat(ranks(rolled)).as(what + " ranking").isEqualTo(ranks(live));
        assertThat(trend(rolled)).as(what + " trend").isEqualTo(trend(live));
        assertThat(trend(live)).as(what + " trend is not empty").anyMatch(w -> !w.endsWith(" 0 0 0 0"));
    }

    private static void assertSameFigures(String what, JsonNode live, JsonNode rolled) {
        assertThat(rolled.get("counts")).as(what).isEqualTo(live.get("counts"));
        assertThat(rolled.get("meanDaysToClose")).as(what + " mean").isEqualTo(live.get("meanDaysToClose"));
    }

    private static List<String> keys(JsonNode lines) {
        List<String> keys = new ArrayList<>();
        lines.forEach(l -> keys.add(l.get("key").asText()));
        return keys;
    }

    private static List<String> ranks(JsonNode dashboard) {
        List<String> ranks = new ArrayList<>();
        for (JsonNode ranking : dashboard.get("rankings")) {
            for (Iterator<JsonNode> it = ranking.get("units").elements(); it.hasNext(); ) {
                JsonNode u = it.next();
                ranks.add(ranking.get("section").asText() + " "
                        + u.at("/line/key").asText() + " " + u.get("rank") + " " + u.get("previousRank") + " "
                        + u.get("laggard"));
            }
        }
        return ranks;
    }

    private static List<String> trend(JsonNode dashboard) {
        List<String> weeks = new ArrayList<>();
        dashboard
                .get("trend")
                .forEach(w -> weeks.add(w.get("end").asText() + " " + w.get("registered") + " " + w.get("closed") + " "
                        + w.get("open") + " " + w.get("overdue")));
        return weeks;
    }
}
