package org.rectify.notification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.dashboard.Dashboard;
import org.rectify.dashboard.Dashboards;
import org.rectify.dashboard.Figure;
import org.rectify.dashboard.FigureFilter;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static java.time.temporal.TemporalAdjusters.next;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly digest: on the first working day of the week from 08:00 China time, once to every active
 * leader and office user and to no one else, however often and however concurrently the job runs; its
 * figures are the user's own dashboard's, and its email names the lowest-ranked units. Each test takes a
 * week of its own, since a week's digests are sent once for good.
 */
class WeeklyDigestIT extends IntegrationTest {

    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    @Autowired
    private WeeklyDigests digests;

    @Autowired
    private MailOutboxSender mail;

    @Autowired
    private Dashboards dashboards;

    @Autowired
    private WorkingDayCalendar calendar;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private JdbcTemplate jdbc;

    private List<Long> recipients;
    private List<Long> withEmail;
    private long lastNotification;

    @BeforeEach
    void setUp() {
        List<JsonNode> leadersAndOffice = api.as("admin").get("/api/org/users").ok().items().stream()
                .filter(u -> u.get("enabled").asBoolean())
                .filter(u -> hasRole(u, "LEADER") || hasRole(u, "OFFICE"))
                .toList();
        recipients = leadersAndOffice.stream().map(u -> u.get("id").asLong()).toList();
        withEmail = leadersAndOffice.stream()
                .filter(u -> !u.path("email").asText("").isBlank())
                .map(u -> u.get("id").asLong())
                .toList();
        lastNotification = jdbc.queryForObject("select coalesce(max(id), 0) from notification", Long.class);
        mail.sendDue();
    }

    @Test
    void goesOutOnItsDayAtEightChinaTimeToEveryLeaderAndOfficeUserOnce() {
        LocalDate day = digestDay(1);
        time.travelTo(day, LocalTime.of(7, 59));
        assertThat(digests.sendDue()).isZero();

        time.travelTo(day, EIGHT);
        assertThat(digests.sendDue()).isEqualTo(recipients.size());
        Demo demo = new Demo(api);
        assertThat(digestRecipients())
                .containsExactlyInAnyOrderElementsOf(recipients)
                .contains(demo.user("leader"), demo.user("leader2"), demo.user("office"), demo.user("office2"))
                .doesNotContain(
                        demo.user("inspector"), demo.user("admin"), demo.user("head.fpj"), demo.user("staff.fpj"));
        assertThat(emailRecipients()).containsExactlyInAnyOrderElementsOf(withEmail);

        assertThat(digests.sendDue()).isZero();
        time.travelTo(day, LocalTime.of(16, 45));
        assertThat(digests.sendDue()).isZero();
        assertThat(digestRecipients()).hasSameSizeAs(recipients);
    }

    @Test
    void twoRunsAtOnceSendEachDigestOnce() throws Exception {
        time.travelTo(digestDay(2), EIGHT);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> run = () -> {
            start.await();
            return digests.sendDue();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(run);
            Future<Integer> second = pool.submit(run);
            start.countDown();
            assertThat(first.get(2, TimeUnit.MINUTES) + second.get(2, TimeUnit.MINUTES))
                    .isEqualTo(recipients.size());
        } finally {
            pool.shutdownNow();
        }
        assertThat(digestRecipients()).containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(emailRecipients()).containsExactlyInAnyOrderElementsOf(withEmail);
    }

    @Test
    void nothingGoesOutOnTheWeekendNorAfterTheDay() {
        LocalDate day = digestDay(3);
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        time.travelTo(monday.minusDays(1), LocalTime.of(9, 0));
        assertThat(digests.sendDue()).as("Sunday").isZero();
        time.travelTo(monday.minusDays(2), LocalTime.of(9, 0));
        assertThat(digests.sendDue()).as("Saturday").isZero();
        time.travelTo(calendar.plusWorkingDays(day, 1), LocalTime.of(9, 0));
        assertThat(digests.sendDue()).as("the working day after its day").isZero();
        assertThat(digestRecipients()).isEmpty();
    }

    @Test
    void afterAMondayHolidayItGoesOutOnTheNextWorkingDay() {
        LocalDate qingming = LocalDate.of(2026, 4, 6);
        assertThat(calendar.isWorkingDay(qingming))
                .as("Monday 6 April 2026 is Qingming")
                .isFalse();
        time.travelTo(qingming, EIGHT);
        assertThat(digests.sendDue()).isZero();
        time.travelTo(qingming.plusDays(1), LocalTime.of(7, 59));
        assertThat(digests.sendDue()).isZero();
        time.travelTo(qingming.plusDays(1), EIGHT);
        assertThat(digests.sendDue()).isEqualTo(recipients.size());
        assertThat(digestRecipients()).containsExactlyInAnyOrderElementsOf(recipients);
    }

    @Test
    void itsFiguresAreTheUsersDashboardsAndItsEmailNamesTheLowestRankedUnits() throws Exception {
        LocalDate day = digestDay(0);
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        time.travelTo(day, EIGHT);
        assertThat(digests.sendDue()).isEqualTo(recipients.size());
        mail.sendDue();

        SignedIn signedIn = new SignedIn(users);
        for (String user : List.of("leader", "office")) {
            Dashboard week = signedIn.as(
                    user,
                    () -> dashboards.dashboard(
                            new FigureFilter(monday.minusDays(1), monday.minusDays(7), null, null, null, null, null)));
            Dashboard now = signedIn.as(user, () -> dashboards.dashboard(FigureFilter.none()));
            assertThat(week.totals().figures().count(Figure.NEW))
                    .as("the demo round, seeded today")
                    .isPositive();
            assertThat(now.rankings()).isNotEmpty();

            JsonNode zh = latest(user, null);
            assertThat(zh.get("kind").asText()).isEqualTo(WeeklyDigests.KIND);
            assertThat(zh.get("title").asText()).isEqualTo("每周整改简报（" + week.from() + " 至 " + week.asOf() + "）");
            assertThat(zh.get("body").asText())
                    .startsWith("上周（" + week.from() + " 至 " + week.asOf() + "）你所辖范围新增问题 "
                            + week.totals().figures().count(Figure.NEW) + " 个，销号 "
                            + week.totals().figures().count(Figure.CLOSED_IN_PERIOD) + " 个；当前逾期问题 "
                            + now.totals().figures().count(Figure.OVERDUE) + " 个。");
            assertThat(latest(user, "en").get("title").asText()).startsWith("Weekly rectification digest");

            String email = (String) emailOf(zh.get("id").asLong()).getContent();
            List<String> named = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (Dashboard.Ranking ranking : now.rankings()) {
                List<Dashboard.Ranked> units = ranking.units();
                List<Dashboard.Ranked> behind =
                        units.stream().filter(u -> u.rank() > 1).toList();
                List<Dashboard.Ranked> lowest = behind.subList(Math.max(0, behind.size() - 5), behind.size());
                units.forEach(u -> (lowest.contains(u) ? named : others).addAll(lines(u)));
            }
            assertThat(named).as("units lagging behind the first").isNotEmpty();
            assertThat(email).contains(named).doesNotContain(others.toArray(String[]::new));
            assertThat(email).contains("http://localhost:8080/dashboard");
        }
        JsonNode audit = api.as("inspector").get("/api/audit?action=WEEKLY_DIGEST_SENT&size=200").ok().items().stream()
                .filter(r -> r.get("targetId").asLong() == new Demo(api).user("leader"))
                .findFirst()
                .orElseThrow();
        assertThat(audit.get("actor").asText()).isEqualTo("system");
        assertThat(audit.get("after").asText()).contains("\"week\":\"" + monday + "\"");
    }

    /** The day of the digest of the week that begins {@code weeks} Mondays after the next one. */
    private LocalDate digestDay(int weeks) {
        return calendar.onOrAfter(Demo.today().with(next(DayOfWeek.MONDAY)).plusWeeks(weeks));
    }

    /** How a digest names a unit, in Chinese and in English. */
    private static List<String> lines(Dashboard.Ranked unit) {
        return List.of(
                "第 " + unit.rank() + " 名 " + unit.line().name().nameZh() + "，",
                "No. " + unit.rank() + " " + unit.line().name().nameEn() + ",");
    }

    private static boolean hasRole(JsonNode user, String role) {
        for (JsonNode r : user.get("roles")) {
            if (role.equals(r.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Whom the digests of this test went to, once per notification. */
    private List<Long> digestRecipients() {
        return jdbc.queryForList(
                "select recipient_id from notification where kind = ? and id > ?",
                Long.class,
                WeeklyDigests.KIND,
                lastNotification);
    }

    private List<Long> emailRecipients() {
        return jdbc.queryForList(
                "select n.recipient_id from mail_outbox m join notification n on n.id = m.notification_id"
                        + " where n.kind = ? and n.id > ?",
                Long.class,
                WeeklyDigests.KIND,
                lastNotification);
    }

    private JsonNode latest(String user, String language) {
        return (language == null
                        ? api.as(user).get("/api/notifications?size=1")
                        : api.as(user).getWithLanguage("/api/notifications?size=1", language))
                .ok()
                .items()
                .get(0);
    }

    private MimeMessage emailOf(long notificationId) {
        List<MimeMessage> found = new ArrayList<>(Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return ("<notification-" + notificationId + "@rectify>").equals(m.getMessageID());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList());
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
