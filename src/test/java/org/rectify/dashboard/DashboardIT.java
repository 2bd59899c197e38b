package org.rectify.dashboard;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard over HTTP: every figure against {@link FigureOracle}'s count of the problems the problem
 * API lists for the caller, every number against the total of the ledger it links to, figures of a past
 * day against what they said live at that day's end, scope per role and the refusals of bad input.
 */
class DashboardIT extends IntegrationTest {

    @Autowired
    private NamedParameterJdbcTemplate jdbc;

    @Autowired
    private DeadlinePolicy deadlines;

    @Autowired
    private WorkingDayCalendar calendar;

    private Demo demo;
    private FigureOracle oracle;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        oracle = new FigureOracle(jdbc, deadlines, calendar);
    }

    @Test
    void everyKeyFigureEqualsTheSlowCountOfTheProblemsTheCallerSees() {
        for (String user : List.of("office", "leader", "inspector", "head.fpj")) {
            JsonNode d = api.as(user).get("/api/dashboard").ok().json();
            LocalDate asOf = LocalDate.parse(d.get("asOf").asText());
            FigureOracle.Counted expected = oracle.count(
                    visibleProblems(user), asOf, LocalDate.parse(d.get("from").asText()));
            JsonNode totals = d.at("/totals/figures");
            for (Figure f : Figure.values()) {
                assertThat(totals.at("/counts/" + f.name()).asLong())
                        .as(user + " " + f)
                        .isEqualTo(expected.counts().get(f));
            }
            assertThat(totals.get("meanDaysToClose").asDouble())
                    .as(user + " mean")
                    .isEqualTo(expected.mean());
            assertThat(totals.get("medianDaysToClose").asDouble())
                    .as(user + " median")
                    .isEqualTo(expected.median());
            assertThat(expected.counts().get(Figure.PROBLEMS))
                    .as(user + " sees problems")
                    .isPositive();
        }
    }

    @Test
    void everyNumberOpensALedgerWithExactlyThatManyRows() {
        JsonNode d = api.as("office").get("/api/dashboard").ok().json();
        assertLedgersMatch("office", d.get("totals"), Set.of(Figure.values()));
        for (JsonNode breakdown : d.get("breakdowns")) {
            for (JsonNode line : breakdown.get("lines")) {
                assertLedgersMatch(
                        "office",
                        line,
                        Set.of(
                                Figure.PROBLEMS,
                                Figure.CLOSED,
                                Figure.OVERDUE,
                                Figure.CLOSED_ON_TIME,
                                Figure.TASKS,
                                Figure.TASKS_DONE));
            }
        }
        for (JsonNode week : d.get("trend")) {
            JsonNode drill = week.get("drill");
            assertThat(ledgerTotal("office", drill, Figure.NEW))
                    .isEqualTo(week.get("registered").asLong());
            assertThat(ledgerTotal("office", drill, Figure.CLOSED_IN_PERIOD))
                    .isEqualTo(week.get("closed").asLong());
            assertThat(ledgerTotal("office", drill, Figure.OPEN))
                    .isEqualTo(week.get("open").asLong());
            assertThat(ledgerTotal("office", drill, Figure.OVERDUE))
                    .isEqualTo(week.get("overdue").asLong());
        }
    }

    @Test
    void theUnitLinesSplitTheScopeByTheUnitsBelowAndTheRankingFollowsTheirRates() {
        JsonNode d = api.as("office").get("/api/dashboard").ok().json();
        JsonNode units = d.at("/breakdowns/0");
        assertThat(units.get("dimension").asText()).isEqualTo("UNIT");
        long sum = 0;
        for (JsonNode line : units.get("lines")) {
            sum += line.at("/figures/counts/PROBLEMS").asLong();
        }
        assertThat(sum)
                .as("lines of the whole scope add up to the total")
                .isEqualTo(d.at("/totals/figures/counts/PROBLEMS").asLong());
        for (JsonNode ranking : d.get("rankings")) {
            List<Double> rates = new ArrayList<>();
            int previousRank = 0;
            for (JsonNode u : ranking.get("units")) {
                rates.add(u.at("/line/figures/closureRate").asDouble(-1));
                assertThat(u.get("rank").asInt()).isGreaterThanOrEqualTo(previousRank);
                previousRank = u.get("rank").asInt();
            }
            assertThat(rates).as("by closure rate, highest first").isSortedAccordingTo((a, b) -> Double.compare(b, a));
            JsonNode last = ranking.get("units").get(ranking.get("units").size() - 1);
            assertThat(last.get("laggard").asBoolean())
                    .as("the last is a laggard unless tied with the best")
                    .isEqualTo(
                            ranking.get("units").size() > 1 && last.get("rank").asInt() > 1);
            assertThat(ranking.get("units").get(0).get("laggard").asBoolean()).isFalse();
        }
        // the unit's own dashboard holds the same figures as its line
        JsonNode line = units.get("lines").get(0);
        if (!"SELF".equals(line.get("section").asText())
                && !"NONE".equals(line.get("section").asText())) {
            JsonNode own = api.as("office")
                    .get("/api/dashboard?unitId=" + line.get("key").asText())
                    .ok()
                    .json();
            assertThat(own.at("/totals/figures/counts")).isEqualTo(line.at("/figures/counts"));
        }
    }

    @Test
    void aPastDayShowsWhatTheDashboardSaidAtItsEndAndNeverChangesAfterwards() {
        LocalDate day = Demo.today().plusDays(40);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        long round = demo.newRound("as-of");
        time.travelTo(day, LocalTime.of(10, 0));
        register(round, "AS1", "截至当日统计的问题");
        time.travelTo(day, LocalTime.of(23, 30));
        JsonNode live = api.as("office").get("/api/dashboard").ok().json();

        LocalDate next = day.plusDays(1);
        time.travelTo(next, LocalTime.of(9, 0));
        long later = register(round, "AS2", "次日登记的问题");
        LocalDate deadline = day.plusDays(20);
        while (!calendar.isWorkingDay(deadline)) {
            deadline = deadline.plusDays(1);
        }
        api.as("office")
                .post(
                        "/api/problems/{id}/triage",
                        Map.of(
                                "categoryCode",
                                "FUNDS",
                                "severity",
                                "MAJOR",
                                "responsibility",
                                Map.of(
                                        "leadUnitId",
                                        demo.unit("fpj"),
                                        "coUnitIds",
                                        Set.of(),
                                        "responsibleLeaderId",
                                        demo.user("leader"),
                                        "deadlineType",
                                        "TIME_LIMITED",
                                        "deadlineDate",
                                        deadline.toString())),
                        later)
                .ok();
        JsonNode past = api.as("office").get("/api/dashboard?asOf=" + day).ok().json();

        assertThat(past.get("live").asBoolean()).isFalse();
        for (Figure f : Figure.values()) {
            if (!f.periodic()) {
                assertThat(past.at("/totals/figures/counts/" + f.name()).asLong())
                        .as(f.name())
                        .isEqualTo(live.at("/totals/figures/counts/" + f.name()).asLong());
            }
        }
        assertThat(past.at("/totals/figures/counts/PROBLEMS").asLong())
                .isEqualTo(api.as("office")
                                .get("/api/dashboard")
                                .ok()
                                .json()
                                .at("/totals/figures/counts/PROBLEMS")
                                .asLong()
                        - 1);
        assertThat(ledgerTotal("office", past.at("/totals/drill"), Figure.PROBLEMS))
                .isEqualTo(past.at("/totals/figures/counts/PROBLEMS").asLong());
    }

    @Test
    void eachRoleSeesItsScopeAndAnotherUnitsFiguresAreNotFound() {
        long head = api.as("head.fpj")
                .get("/api/dashboard")
                .ok()
                .json()
                .at("/totals/figures/counts/PROBLEMS")
                .asLong();
        long office = api.as("office")
                .get("/api/dashboard")
                .ok()
                .json()
                .at("/totals/figures/counts/PROBLEMS")
                .asLong();
        assertThat(head).isPositive().isLessThan(office);
        Response otherUnit = api.as("head.fpj").get("/api/dashboard?unitId={u}", demo.unit("czj"));
        Demo.assertSameNotFound(otherUnit, api.as("head.fpj").get("/api/dashboard?unitId=987654321"));
        assertThat(api.as("staff.fpj").get("/api/dashboard").expect(403).text("detail"))
                .isNotBlank();
        assertThat(api.as("admin")
                        .get("/api/dashboard")
                        .expect(403)
                        .headers()
                        .getContentType()
                        .toString())
                .contains("problem+json");
    }

    @Test
    void badInputIsRefusedNamingItAndAFilterMatchingNothingGivesZeros() {
        refused("/api/dashboard?colour=RED", "colour");
        refused("/api/dashboard?severity=HUGE", "severity");
        refused("/api/dashboard?sourceType=NOPE", "sourceType");
        refused("/api/dashboard?asOf=" + Demo.today().plusDays(1), "asOf");
        refused(
                "/api/dashboard?asOf=" + Demo.today().minusDays(5) + "&from="
                        + Demo.today().minusDays(4),
                "from");
        refused("/api/ledger/problems?figure=TASKS", "figure");
        refused("/api/ledger/problems?figure=BOGUS", "figure");
        refused("/api/ledger/problems?figure=NEW", "from");
        refused("/api/ledger/tasks?bogus=1", "bogus");
        assertThat(api.as("office")
                        .get("/api/dashboard?asOf=not-a-date")
                        .expect(400)
                        .headers()
                        .getContentType()
                        .toString())
                .contains("problem+json");

        long round = demo.newRound("dashboard-empty");
        JsonNode empty =
                api.as("office").get("/api/dashboard?roundId=" + round).ok().json();
        for (Figure f : Figure.values()) {
            assertThat(empty.at("/totals/figures/counts/" + f.name()).asLong()).isZero();
        }
        assertThat(empty.at("/totals/figures/closureRate").isNull()).isTrue();
        assertThat(empty.at("/breakdowns/0/lines").size()).isZero();
        assertThat(empty.get("rankings").size()).isZero();
    }

    private void refused(String path, String field) {
        Response refused = api.as("office").get(path).expect(400);
        assertThat(refused.headers().getContentType().toString()).contains("problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asText())
                .as(path)
                .isEqualTo(field);
    }

    private long register(long round, String number, String title) {
        return api.as("office")
                .post(
                        "/api/problems",
                        Map.of("roundId", round, "number", number, "title", title, "description", title + "：详见反馈意见"))
                .expect(201)
                .id();
    }

    private void assertLedgersMatch(String user, JsonNode line, Set<Figure> figures) {
        for (Figure f : figures) {
            assertThat(ledgerTotal(user, line.get("drill"), f))
                    .as(line.get("key") + " " + f)
                    .isEqualTo(line.at("/figures/counts/" + f.name()).asLong());
        }
    }

    /** The total of the ledger a figure of a line links to. */
    private long ledgerTotal(String user, JsonNode drill, Figure figure) {
        StringBuilder q = new StringBuilder("figure=" + figure.name() + "&size=1");
        for (String field : List.of(
                "roundId", "leadUnitId", "leadUnitOnly", "sourceType", "categoryCode", "severity", "asOf", "from")) {
            JsonNode v = drill.get(field);
            if (v != null && !v.isNull() && !(v.isBoolean() && !v.asBoolean())) {
                q.append('&').append(field).append('=').append(v.asText());
            }
        }
        String kind = figure.kind() == LedgerKind.TASKS ? "tasks" : "problems";
        return api.as(user)
                .get("/api/ledger/" + kind + "?" + q)
                .ok()
                .json()
                .at("/page/totalElements")
                .asLong();
    }

    /** The ids of every problem the problem API lists for the user. */
    private Set<Long> visibleProblems(String user) {
        Set<Long> ids = new LinkedHashSet<>();
        for (int page = 0; ; page++) {
            JsonNode json =
                    api.as(user).get("/api/problems?size=100&page=" + page).ok().json();
            json.get("content").forEach(p -> ids.add(p.get("id").asLong()));
            if (page + 1 >= json.at("/page/totalPages").asInt()
                    || json.get("content").isEmpty()) {
                return ids;
            }
        }
    }
}
