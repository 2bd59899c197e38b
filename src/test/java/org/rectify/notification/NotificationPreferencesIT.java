package org.rectify.notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.Timers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications people keep reading: an event told once however many subjects announce it, notices of one kind
 * about one problem folded while unread, what asks for action first, each user's choice of groups, channels and a
 * daily digest that holds exactly what was held for it and sends nothing singly. Each test uses units no other
 * test uses, and puts their preferences back.
 */
class NotificationPreferencesIT extends IntegrationTest {

    private static final LocalTime MORNING = LocalTime.of(9, 0);

    @Autowired
    private DailyDigests digests;

    @Autowired
    private MailOutboxSender mail;

    @Autowired
    private WorkingDayCalendar calendar;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ManagementService management;

    @Autowired
    private RuntimeService runtime;

    private Demo demo;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        mail.sendDue();
    }

    @AfterEach
    void putPreferencesBack() {
        for (String user : List.of("head.sjj", "staff.sjj", "staff.scj", "head.scj")) {
            api.as(user)
                    .put("/api/notifications/preferences", Map.of("channels", List.of("EMAIL", "WECOM", "DINGTALK")))
                    .ok();
        }
        digests.sendDue();
        mail.sendDue();
    }

    @Test
    void aOneTaskProblemWarnsItsUnitOnceWhenProblemAndTaskShareTheDeadline() {
        time.travelTo(of(2026, 9, 1), MORNING);
        Scenario scenario = new Scenario(api, demo, "sqx");
        long problem = scenario.taskInProgress("NP-1", "2026-10-30", of(2026, 10, 30))[0];
        Timers timers = new Timers(management, runtime);
        for (LocalDate day = of(2026, 10, 1); !day.isAfter(of(2026, 10, 30)); day = day.plusDays(1)) {
            time.travelTo(day, MORNING);
            timers.runDue(problem);
        }
        assertThat(scenario.alerts(problem, "PROBLEM"))
                .as("the problem's timer fired")
                .contains("WARNING");
        assertThat(scenario.alerts(problem, "TASK"))
                .as("the task's timer fired")
                .contains("WARNING");
        for (String user : List.of("staff.sqx", "head.sqx")) {
            List<JsonNode> warnings = about(user, problem, "DEADLINE_WARNING");
            assertThat(warnings).as(user + " hears the yellow warning once").hasSize(1);
            assertThat(warnings.get(0).get("notices").asInt())
                    .as("announced by the problem and by its task")
                    .isEqualTo(2);
        }
    }

    @Test
    void noticesOfOneKindAboutOneProblemFoldWhileUnreadAndTheCountsMatchTheList() {
        long problem = new Scenario(api, demo, "xcb").assigned("NP-2", "2099-12-31");
        long unreadBefore = unread("head.xcb");
        nudge(problem, "请尽快认领");
        nudge(problem, "再次催办");
        nudge(problem, "第三次催办");
        List<JsonNode> nudges = about("head.xcb", problem, "NUDGE");
        assertThat(nudges).hasSize(1);
        assertThat(nudges.get(0).get("notices").asInt()).isEqualTo(3);
        assertThat(nudges.get(0).get("body").asText()).as("the latest words").contains("第三次催办");
        assertThat(unread("head.xcb")).isEqualTo(unreadBefore + 1);

        api.as("head.xcb")
                .post(
                        "/api/notifications/{id}/read",
                        null,
                        nudges.get(0).get("id").asLong())
                .ok();
        nudge(problem, "读过之后再催");
        assertThat(about("head.xcb", problem, "NUDGE"))
                .as("a read row takes no more; a new one starts")
                .hasSize(2);

        // the bell's figures are its list's: every unread row, and those asking for action, first
        List<JsonNode> list = api.as("head.xcb")
                .get("/api/notifications?order=ATTENTION&unreadOnly=true&size=1000")
                .ok()
                .items();
        JsonNode bell =
                api.as("head.xcb").get("/api/notifications/unread-count").ok().json();
        assertThat(bell.get("unread").asLong()).isEqualTo(list.size());
        long action =
                list.stream().filter(n -> n.get("needsAction").asBoolean()).count();
        assertThat(bell.get("action").asLong()).isEqualTo(action);
        assertThat(list.subList(0, (int) action))
                .allMatch(n -> n.get("needsAction").asBoolean());
        assertThat(list.subList((int) action, list.size()))
                .noneMatch(n -> n.get("needsAction").asBoolean());
    }

    @Test
    void aUserHearsNothingOfTheGroupsTheyTurnedOffButWorkToDoCannotBeTurnedOff() {
        JsonNode before =
                api.as("staff.scj").get("/api/notifications/preferences").ok().json();
        api.as("staff.scj")
                .put("/api/notifications/preferences", Map.of("muted", List.of("WORK")))
                .expect(400);
        api.as("staff.scj")
                .put("/api/notifications/preferences", Map.of("channels", List.of("PIGEON")))
                .expect(400);
        api.as("staff.scj")
                .put("/api/notifications/preferences", Map.of("digestHour", 24))
                .expect(400);
        assertThat(api.as("staff.scj")
                        .get("/api/notifications/preferences")
                        .ok()
                        .json())
                .as("nothing saved")
                .isEqualTo(before);

        JsonNode saved = api.as("staff.scj")
                .put(
                        "/api/notifications/preferences",
                        Map.of("muted", List.of("OUTCOMES", "DEADLINES"), "channels", List.of()))
                .ok()
                .json();
        assertThat(saved.get("muted")).extracting(JsonNode::asText).containsExactlyInAnyOrder("OUTCOMES", "DEADLINES");
        JsonNode audit = api
                .as("inspector")
                .get("/api/audit?action=NOTIFICATION_PREFERENCES_CHANGED&size=200")
                .ok()
                .items()
                .stream()
                .filter(a -> a.get("targetId").asLong() == demo.user("staff.scj"))
                .max(Comparator.comparingLong(a -> a.get("id").asLong()))
                .orElseThrow();
        assertThat(audit.toString()).contains("OUTCOMES").contains("EMAIL");

        long problem = new Scenario(api, demo, "scj").closed("NP-3", "2099-12-31", of(2099, 12, 1));
        assertThat(about("staff.scj", problem, "SIGN_OFF_APPROVED"))
                .as("an outcome, turned off")
                .isEmpty();
        assertThat(about("staff.scj", problem, "TASKS_STARTED"))
                .as("work to do, always on")
                .hasSize(1);
        assertThat(about("head.scj", problem, "PROBLEM_CLOSED"))
                .as("others keep hearing")
                .hasSize(1);
        assertThat(emailsAbout("staff.scj", problem))
                .as("no channel chosen: the bell alone")
                .isZero();
    }

    @Test
    void aDailyDigestAtItsHourHoldsExactlyTheDaysNoticesAndNothingIsAlsoSentSingly() throws Exception {
        LocalDate day = calendar.onOrAfter(of(2026, 11, 2));
        LocalDate next = calendar.plusWorkingDays(day, 1);
        time.travelTo(day, LocalTime.of(8, 0));
        api.as("head.sjj")
                .put("/api/notifications/preferences", Map.of("channels", List.of("EMAIL"), "digestHour", 17))
                .ok();
        Scenario scenario = new Scenario(api, demo, "sjj");
        long first = scenario.assigned("NP-4", "2099-12-31");
        time.travelTo(day, LocalTime.of(11, 0));
        long second = scenario.assigned("NP-5", "2099-12-31");
        assertThat(about("head.sjj", first, "PROBLEM_ASSIGNED"))
                .as("in the bell at once")
                .hasSize(1);
        mail.sendDue();
        assertThat(emailsAbout("head.sjj", first) + emailsAbout("head.sjj", second))
                .as("not sent singly")
                .isZero();

        time.travelTo(day, LocalTime.of(16, 59));
        digests.sendDue();
        assertThat(digestsOf("head.sjj")).as("not before its hour").isEmpty();

        time.travelTo(day, LocalTime.of(17, 0));
        assertThat(digests.sendDue()).isPositive();
        time.travelTo(day, LocalTime.of(17, 30));
        digests.sendDue();
        List<JsonNode> sent = digestsOf("head.sjj");
        assertThat(sent).as("once").hasSize(1);
        String body = sent.get(0).get("body").asText();
        assertThat(body).contains("NP-4").contains("NP-5").contains("共 2 条通知");
        mail.sendDue();
        MimeMessage email = emailOf(sent.get(0).get("id").asLong());
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("head.sjj@demo.rectify.local");

        time.travelTo(day, LocalTime.of(18, 0));
        long third = scenario.assigned("NP-6", "2099-12-31");
        digests.sendDue();
        assertThat(digestsOf("head.sjj"))
                .as("a notice after the digest waits for the next")
                .hasSize(1);
        time.travelTo(next, LocalTime.of(17, 0));
        digests.sendDue();
        List<JsonNode> both = digestsOf("head.sjj");
        assertThat(both).hasSize(2);
        assertThat(both.get(0).get("body").asText())
                .contains("NP-6")
                .doesNotContain("NP-4")
                .contains("共 1 条通知");
        mail.sendDue();
        assertThat(emailsAbout("head.sjj", first) + emailsAbout("head.sjj", second) + emailsAbout("head.sjj", third))
                .as("nothing also sent singly")
                .isZero();
    }

    @Test
    void theDemoOfficeAccountReceivesFewerNotificationsAfterFolding() {
        long office = demo.user("office");
        long round = demo.lookBackRound();
        Map<String, Object> counts = jdbc.queryForMap("""
                select count(*) as rows_now, coalesce(sum(n.notices), 0) as notices,
                       sum(case when n.read_at is null then 1 else 0 end) as unread
                  from notification n join problem p on p.id = n.problem_id
                 where n.recipient_id = ? and p.round_id = ?""", office, round);
        long rows = ((Number) counts.get("rows_now")).longValue();
        long notices = ((Number) counts.get("notices")).longValue();
        System.out.printf(
                "Demo round, account office: %d notices arrive; %d notifications after folding (%d unread)%n",
                notices, rows, ((Number) counts.get("unread")).longValue());
        assertThat(rows).isPositive().isLessThan(notices);
    }

    // ---- helpers ----

    private void nudge(long problem, String message) {
        api.as("office")
                .post("/api/problems/{id}/nudge", Map.of("message", message), problem)
                .ok();
    }

    /** The user's notifications of a kind about a problem. */
    private List<JsonNode> about(String user, long problem, String kind) {
        return api.as(user).get("/api/notifications?size=1000").ok().items().stream()
                .filter(n -> n.path("problemId").asLong() == problem
                        && kind.equals(n.get("kind").asText()))
                .toList();
    }

    private List<JsonNode> digestsOf(String user) {
        return api.as(user).get("/api/notifications?size=1000").ok().items().stream()
                .filter(n -> DailyDigests.KIND.equals(n.get("kind").asText()))
                .toList();
    }

    private long emailsAbout(String user, long problem) {
        Long count = jdbc.queryForObject("""
                select count(*) from mail_outbox m join notification n on n.id = m.notification_id
                 where n.recipient_id = ? and n.problem_id = ?""", Long.class, demo.user(user), problem);
        return count == null ? 0 : count;
    }

    private long unread(String user) {
        return api.as(user)
                .get("/api/notifications/unread-count")
                .ok()
                .json()
                .get("unread")
                .asLong();
    }

    private MimeMessage emailOf(long notificationId) {
        List<MimeMessage> found = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return ("<notification-" + notificationId + "@rectify>").equals(m.getMessageID());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
