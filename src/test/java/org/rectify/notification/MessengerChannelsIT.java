package org.rectify.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.support.ApiClient;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.RobotServer;
import org.rectify.support.RobotServer.Answer;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices to WeCom and DingTalk group robots, against a local stand-in of their webhooks ({@link RobotServer}):
 * a unit's robot hears of an event once however many of its people are notified, a user's DingTalk robot gets a
 * message signed as DingTalk documents (加签), failures are retried with back-off and delivered exactly once,
 * given up after the last try and sent again by the administrator; and no page, answer, audit record or log
 * line shows a robot's key, token or secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class MessengerChannelsIT extends IntegrationTest {

    private static final String SUFFIX = Long.toString(ProcessHandle.current().pid(), 36);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration LATER = Duration.ofHours(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MessengerOutboxSender sender;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DailyDigests digests;

    @Autowired
    private WorkingDayCalendar calendar;

    private final RobotServer robots = RobotServer.get();
    private Demo demo;

    /** A unit of the tests' own with two heads, so that one assignment notifies two people of one unit. */
    private record Unit(long id, long head1, String head1Name, long head2, String head2Name) {}

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        sender.sendDue();
    }

    @Test
    void anAssignmentReachesTheUnitsWeComRobotOnceAndTheHeadsOwnDingTalkRobotSigned() throws Exception {
        Unit unit = freshUnit();
        String key = token("wecom");
        String accessToken = token("ding");
        String secret = "SEC" + token("secret");
        addChannel("WECOM_ROBOT", unit.id(), null, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + key, null);
        addChannel("DINGTALK_ROBOT", null, unit.head1(), accessToken, secret);

        long problem = assignTo(unit.id(), "M-1");
        assertThat(unread(unit.head1Name())).isEqualTo(1);
        assertThat(unread(unit.head2Name())).isEqualTo(1);
        assertThat(sender.sendDue()).isEqualTo(2);
        assertThat(sender.sendDue()).isZero();

        List<RobotServer.Request> wecom = robots.requests(key);
        assertThat(wecom).as("one message for the unit's two heads").hasSize(1);
        assertThat(wecom.get(0).path()).isEqualTo("/cgi-bin/webhook/send");
        JsonNode w = JSON.readTree(wecom.get(0).body());
        assertThat(w.get("msgtype").asText()).isEqualTo("markdown");
        String content = w.get("markdown").get("content").asText();
        assertThat(content).contains("新交办问题", "New problem assigned", "/problems/" + problem);
        assertThat(content.indexOf("新交办问题")).isLessThan(content.indexOf("New problem assigned"));

        List<RobotServer.Request> ding = robots.requests(accessToken);
        assertThat(ding).hasSize(1);
        RobotServer.Request d = ding.get(0);
        assertThat(d.path()).isEqualTo("/robot/send");
        long timestamp = Long.parseLong(d.query().get("timestamp"));
        assertThat(Math.abs(timestamp - time.millis())).isLessThan(60_000);
        assertThat(d.query().get("sign")).isEqualTo(dingTalkSign(timestamp, secret));
        JsonNode m = JSON.readTree(d.body());
        assertThat(m.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(m.get("markdown").get("title").asText()).contains("新交办问题");
        assertThat(m.get("markdown").get("text").asText())
                .contains("新交办问题", "New problem assigned", "/problems/" + problem);
    }

    @Test
    void aPersonsOwnRobotFollowsTheirPreferencesAndTheirDailyDigestWhileTheGroupHearsAtOnce() throws Exception {
        LocalDate day = calendar.onOrAfter(LocalDate.of(2026, 11, 16));
        time.travelTo(day, LocalTime.of(10, 0));
        Unit unit = freshUnit();
        String group = token("group");
        String first = token("first");
        String second = token("second");
        addChannel("WECOM_ROBOT", unit.id(), null, group, null);
        addChannel("DINGTALK_ROBOT", null, unit.head1(), first, null);
        addChannel("DINGTALK_ROBOT", null, unit.head2(), second, null);
        api.as(unit.head1Name())
                .put("/api/notifications/preferences", body("channels", List.of("EMAIL")))
                .ok();
        api.as(unit.head2Name())
                .put("/api/notifications/preferences", body("channels", List.of("DINGTALK"), "digestHour", 17))
                .ok();

        long problem = assignTo(unit.id(), "M-P");
        sender.sendDue();
        assertThat(robots.requests(group)).as("the group hears at once").hasSize(1);
        assertThat(robots.requests(first)).as("DingTalk not chosen").isEmpty();
        assertThat(robots.requests(second)).as("held for the digest").isEmpty();

        time.travelTo(day, LocalTime.of(17, 0));
        digests.sendDue();
        sender.sendDue();
        List<RobotServer.Request> digest = robots.requests(second);
        assertThat(digest).as("the digest, once").hasSize(1);
        String text =
                JSON.readTree(digest.get(0).body()).get("markdown").get("text").asText();
        assertThat(text).contains("通知汇总", "M-P");
        assertThat(robots.requests(first)).isEmpty();
        assertThat(robots.requests(group))
                .as("the group is not sent a person's digest")
                .hasSize(1);
        assertThat(problem).isPositive();
    }

    @Test
    void aRobotAnswering500TwiceGetsTheMessageExactlyOnceAfterBackOff() {
        Unit unit = freshUnit();
        String key = token("retry");
        addChannel("WECOM_ROBOT", null, unit.head2(), key, null);
        robots.script(key, Answer.status(500), Answer.status(500));
        assignTo(unit.id(), "M-2");

        assertThat(sender.sendDue()).isZero();
        assertThat(sender.sendDue()).as("not due again yet").isZero();
        assertThat(robots.requests(key)).hasSize(1);
        assertThat(status(key)).isEqualTo("PENDING");
        later();
        assertThat(sender.sendDue()).isZero();
        later();
        assertThat(sender.sendDue()).isEqualTo(1);
        later();
        assertThat(sender.sendDue()).isZero();
        assertThat(robots.requests(key)).hasSize(3);
        assertThat(status(key)).isEqualTo("SENT");
    }

    @Test
    void anErrcodeOrATimeoutIsRetried() {
        Unit unit = freshUnit();
        String key = token("slow");
        addChannel("DINGTALK_ROBOT", unit.id(), null, key, null);
        robots.script(key, Answer.after(Duration.ofSeconds(3)), Answer.errcode(310000));
        assignTo(unit.id(), "M-3");

        assertThat(sender.sendDue())
                .as("the robot answers after the read timeout")
                .isZero();
        assertThat(lastError(key)).contains("Timeout");
        later();
        assertThat(sender.sendDue()).as("errcode 310000").isZero();
        assertThat(lastError(key)).contains("errcode 310000");
        later();
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(robots.requests(key)).hasSize(3);
        assertThat(status(key)).isEqualTo("SENT");
    }

    @Test
    void aRobotAlwaysFailingIsGivenUpAfterTheLastTryAndTheAdminSeesItAndSendsItAgain() {
        Unit unit = freshUnit();
        String key = token("down");
        long channel = addChannel("WECOM_ROBOT", unit.id(), null, key, null);
        robots.always(key, Answer.status(500));
        assignTo(unit.id(), "M-4a");
        assignTo(unit.id(), "M-4b");

        for (int attempt = 1; attempt <= 8; attempt++) {
            sender.sendDue();
            later();
        }
        assertThat(sender.sendDue()).isZero();
        assertThat(robots.requests(key)).as("8 tries of each of 2 messages").hasSize(16);
        assertThat(jdbc.queryForList("select status from messenger_outbox where channel_id = ?", String.class, channel))
                .containsOnly("FAILED")
                .hasSize(2);

        List<JsonNode> failed = api.as("admin").get("/api/admin/messenger-deliveries/failed").ok().items().stream()
                .filter(f -> f.get("channelId").asLong() == channel)
                .toList();
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0).get("channelName").asText()).startsWith("robot down");
        assertThat(failed.get(0).get("title").asText()).contains("新交办问题");
        assertThat(failed.get(0).get("attempts").asInt()).isEqualTo(8);
        assertThat(failed.get(0).get("lastError").asText()).isEqualTo("HTTP 500");
        WebSession admin = WebSession.signIn(port, "admin");
        String page = admin.get("/admin/messengers").expect(200).text();
        assertThat(page)
                .contains("id=\"delivery-" + failed.get(0).get("id").asLong() + "\"", "HTTP 500")
                .doesNotContain(key);

        robots.reset(key);
        api.as("admin")
                .post(
                        "/api/admin/messenger-deliveries/{id}/retry",
                        null,
                        failed.get(0).get("id").asLong())
                .ok();
        admin.postForm(
                        "/admin/messengers",
                        "/admin/messengers/deliveries/"
                                + failed.get(1).get("id").asLong() + "/retry",
                        Map.of())
                .expect(302);
        assertThat(sender.sendDue()).isEqualTo(2);
        assertThat(jdbc.queryForList("select status from messenger_outbox where channel_id = ?", String.class, channel))
                .containsOnly("SENT");
        assertThat(api.as("admin")
                        .post(
                                "/api/admin/messenger-deliveries/{id}/retry",
                                null,
                                failed.get(0).get("id").asLong())
                        .status())
                .as("no longer failed")
                .isEqualTo(404);
    }

    @Test
    void twoSendersRacingPostEachMessageOnce() throws Exception {
        Unit unit = freshUnit();
        String key = token("race");
        addChannel("WECOM_ROBOT", null, unit.head1(), key, null);
        for (int i = 0; i < 6; i++) {
            assignTo(unit.id(), "M-5-" + i);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> senders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            senders.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return sender.sendDue();
            }));
        }
        start.countDown();
        int sent = senders.stream().mapToInt(CompletableFuture::join).sum();
        assertThat(robots.requests(key)).hasSize(6);
        assertThat(robots.requests(key).stream().map(RobotServer.Request::body).distinct())
                .hasSize(6);
        assertThat(sent).isGreaterThanOrEqualTo(6);
        assertThat(status(key)).isEqualTo("SENT");
    }

    @Test
    void theTokenAndTheSecretNeverShowInPagesAnswersAuditRecordsOrLogs(CapturedOutput output) throws Exception {
        Unit unit = freshUnit();
        String accessToken = token("hidden");
        String secret = "SEC" + token("hidden-secret");
        String url = "https://oapi.dingtalk.com/robot/send?access_token=" + accessToken;

        WebSession admin = WebSession.signIn(port, "admin");
        admin.postForm(
                        "/admin/messengers",
                        "/admin/messengers",
                        Map.of(
                                "name",
                                "钉钉 " + accessToken.hashCode(),
                                "kind",
                                "DINGTALK_ROBOT",
                                "unitId",
                                Long.toString(unit.id()),
                                "userId",
                                "",
                                "token",
                                url,
                                "secret",
                                secret,
                                "enabled",
                                "true"))
                .expect(302);
        JsonNode created = channels().stream()
                .filter(c -> c.get("unitId").asLong() == unit.id())
                .findFirst()
                .orElseThrow();
        long id = created.get("id").asLong();
        assertThat(created.get("secretSet").asBoolean()).isTrue();
        assertThat(created.get("tokenSet").asBoolean()).isTrue();

        // changed on the page with the token and secret left empty: both kept
        admin.postForm(
                        "/admin/messengers",
                        "/admin/messengers/" + id,
                        Map.of(
                                "name",
                                "钉钉群",
                                "kind",
                                "DINGTALK_ROBOT",
                                "unitId",
                                Long.toString(unit.id()),
                                "userId",
                                "",
                                "token",
                                "",
                                "secret",
                                "",
                                "enabled",
                                "true"))
                .expect(302);
        admin.postForm("/admin/messengers", "/admin/messengers/" + id + "/test", Map.of())
                .expect(302);
        RobotServer.Request test = robots.requests(accessToken).get(0);
        assertThat(test.query().get("sign"))
                .isEqualTo(dingTalkSign(Long.parseLong(test.query().get("timestamp")), secret));

        robots.always(accessToken, Answer.errcode(300001));
        String answer = api.as("admin")
                .post("/api/admin/messenger-channels/{id}/test", null, id)
                .ok()
                .json()
                .toString();
        assertThat(answer).contains("\"delivered\":false", "errcode 300001");
        assertThat(api.as("admin")
                        .put(
                                "/api/admin/messenger-channels/{id}",
                                Map.of(
                                        "name",
                                        "钉钉群 2",
                                        "kind",
                                        "DINGTALK_ROBOT",
                                        "unitId",
                                        unit.id(),
                                        "secret",
                                        secret + "x"),
                                id)
                        .ok()
                        .json()
                        .toString())
                .contains("\"secretSet\":true");
        assignTo(unit.id(), "M-6");
        sender.sendDue();
        String page = admin.get("/admin/messengers").expect(200).text();
        String list =
                api.as("admin").get("/api/admin/messenger-channels").ok().json().toString();
        admin.postForm("/admin/messengers", "/admin/messengers/" + id + "/disable", Map.of())
                .expect(302);
        String disabled = api.as("admin")
                .post("/api/admin/messenger-channels/{id}/disable", null, id)
                .ok()
                .json()
                .toString();

        List<String> audit = jdbc.queryForList(
                "select concat(action, ' ', coalesce(before_state, ''), ' ',"
                        + " coalesce(after_state, '')) from audit_record where target_type = 'MESSENGER_CHANNEL'"
                        + " and target_id = ?",
                String.class,
                id);
        assertThat(audit)
                .anyMatch(r -> r.startsWith("MESSENGER_CHANNEL_CREATED") && r.contains("secretSet"))
                .anyMatch(r -> r.startsWith("MESSENGER_CHANNEL_CHANGED"))
                .anyMatch(r -> r.startsWith("MESSENGER_CHANNEL_TESTED"))
                .anyMatch(r -> r.startsWith("MESSENGER_CHANNEL_DISABLED"));
        assertThat(page).contains("钉钉群 2");
        assertThat(disabled).contains("\"enabled\":false");
        for (String shown : List.of(page, list, disabled, answer, String.join("\n", audit), output.getAll())) {
            assertThat(shown).doesNotContain(accessToken, secret, URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        assertThat(output.getAll()).contains("channel " + id + " (钉钉群 2)");
    }

    @Test
    void badInputIsRefusedAsProblemDetailAndNothingIsSaved() {
        Unit unit = freshUnit();
        int before = channels().size();
        List<Map<String, Object>> bad = List.of(
                body("name", "x", "kind", "SLACK", "unitId", unit.id(), "token", "t"),
                body("name", "x", "kind", "WECOM_ROBOT", "unitId", unit.id()),
                body(
                        "name",
                        "x",
                        "kind",
                        "WECOM_ROBOT",
                        "unitId",
                        unit.id(),
                        "token",
                        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?nokey=1"),
                body("name", "x", "kind", "WECOM_ROBOT", "unitId", unit.id(), "userId", unit.head1(), "token", "t"),
                body("name", "x", "kind", "WECOM_ROBOT", "token", "t"),
                body("name", "x", "kind", "WECOM_ROBOT", "unitId", 987654321L, "token", "t"),
                body("name", "", "kind", "WECOM_ROBOT", "unitId", unit.id(), "token", "t"));
        for (Map<String, Object> b : bad) {
            ApiClient.Response r =
                    api.as("admin").post("/api/admin/messenger-channels", b).expect(400);
            assertThat(r.headers().getContentType().toString()).as(b.toString()).startsWith("application/problem+json");
            assertThat(r.json().get("errors")).as(b.toString()).isNotEmpty();
        }
        assertThat(channels()).hasSize(before);
    }

    @Test
    void onlyAdminMayManageChannels() {
        Unit unit = freshUnit();
        long id = addChannel("WECOM_ROBOT", unit.id(), null, token("forbidden"), null);
        for (String user : List.of("office", "head.fpj")) {
            api.as(user).get("/api/admin/messenger-channels").expect(403);
            api.as(user)
                    .post(
                            "/api/admin/messenger-channels",
                            body("name", "x", "kind", "WECOM_ROBOT", "unitId", unit.id(), "token", "t"))
                    .expect(403);
            api.as(user)
                    .post("/api/admin/messenger-channels/{id}/disable", null, id)
                    .expect(403);
            api.as(user).get("/api/admin/messenger-deliveries/failed").expect(403);
            assertThat(WebSession.signIn(port, user).get("/admin/messengers").status())
                    .isEqualTo(403);
        }
        assertThat(channels().stream()
                        .filter(c -> c.get("id").asLong() == id)
                        .findFirst()
                        .orElseThrow()
                        .get("enabled")
                        .asBoolean())
                .isTrue();
    }

    private Unit freshUnit() {
        String code = "msg-" + SUFFIX + "-" + COUNTER.incrementAndGet();
        long unit = api.as("admin")
                .post(
                        "/api/org/units",
                        Map.of(
                                "parentId",
                                demo.unit("byx"),
                                "code",
                                code,
                                "nameZh",
                                "推送村 " + code,
                                "nameEn",
                                "Messenger village " + code,
                                "kind",
                                "VILLAGE"))
                .expect(201)
                .id();
        long h1 = head(unit, code + ".h1");
        long h2 = head(unit, code + ".h2");
        return new Unit(unit, h1, code + ".h1", h2, code + ".h2");
    }

    private long head(long unit, String username) {
        return api.as("admin")
                .post(
                        "/api/org/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                ApiClient.PASSWORD,
                                "displayName",
                                "负责人 " + username,
                                "unitId",
                                unit,
                                "roles",
                                List.of("UNIT_HEAD")))
                .expect(201)
                .id();
    }

    private long addChannel(String kind, Long unitId, Long userId, String token, String secret) {
        // named by the token's purpose, not by the token: a name is shown
        String name = "robot " + token.substring(0, token.indexOf('-')) + " " + COUNTER.incrementAndGet();
        Map<String, Object> body =
                body("name", name, "kind", kind, "unitId", unitId, "userId", userId, "token", token, "secret", secret);
        return api.as("admin")
                .post("/api/admin/messenger-channels", body)
                .expect(201)
                .id();
    }

    private List<JsonNode> channels() {
        return api.as("admin").get("/api/admin/messenger-channels").ok().items();
    }

    private long assignTo(long unit, String number) {
        long round = demo.newRound("messenger");
        Map<String, Object> r = new HashMap<>();
        r.put("leadUnitId", unit);
        r.put("responsibleLeaderId", demo.user("leader"));
        r.put("deadlineType", "TIME_LIMITED");
        r.put("deadlineWorkingDays", 30);
        long id = api.as("office")
                .post("/api/problems", Map.of("roundId", round, "number", number, "title", "推送测试", "description", "x"))
                .expect(201)
                .id();
        api.as("office")
                .post(
                        "/api/problems/{id}/triage",
                        Map.of("categoryCode", "OTHER", "severity", "GENERAL", "responsibility", r),
                        id)
                .ok();
        return id;
    }

    private long unread(String user) {
        return api.as(user)
                .get("/api/notifications/unread-count")
                .ok()
                .json()
                .get("unread")
                .asLong();
    }

    /** The status of the one message of the channel with this token (all of them alike). */
    private String status(String token) {
        List<String> statuses = jdbc.queryForList(
                "select distinct o.status from messenger_outbox o join messenger_channel c"
                        + " on c.id = o.channel_id where c.token = ?",
                String.class,
                token);
        assertThat(statuses).hasSize(1);
        return statuses.get(0);
    }

    private String lastError(String token) {
        return jdbc.queryForObject(
                "select max(o.last_error) from messenger_outbox o join messenger_channel c"
                        + " on c.id = o.channel_id where c.token = ?",
                String.class,
                token);
    }

    private void later() {
        time.travelTo(time.instant().plus(LATER));
    }

    private static String token(String purpose) {
        return purpose + "-" + SUFFIX + "-" + COUNTER.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                body.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return body;
    }

    /** DingTalk's documented signature, computed here on its own. */
    private static String dingTalkSign(long timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder()
                .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }
}
