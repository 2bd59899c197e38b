package org.rectify.org;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient;
import org.rectify.support.IntegrationTest;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling (issue 14), through HTTP Basic as an attacker would use it: a name is slowed after 5 failures
 * and locked after 10, the same for a real account and a name that is no account (same status, same words); an
 * address is slowed after 20 and locked after 60 whatever names it tries; a lock holds against the right password,
 * is audited once, ends by itself or when an ADMIN lifts it (audited); another region's accounts are invisible to
 * that ADMIN. Each test comes from addresses of its own (X-Forwarded-For through the trusted loopback proxy).
 */
class SignInThrottleIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrgDirectory directory;

    @Autowired
    OrgSetup setup;

    @AfterEach
    void forgetTheseTestsFailures() {
        jdbc.update("delete from sign_in_throttle where subject like 'ADDRESS:198.51.100.%'"
                + " or subject like 'ACCOUNT:throttle-%'");
    }

    @Test
    void aNameIsSlowedThenLockedTheSameWhetherItIsAnAccountOrNot() {
        String real = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        String unknown = "throttle-nobody-" + UUID.randomUUID().toString().substring(0, 8);
        long userId = newAccount(real);
        List<String> realAnswers = fail(real, "198.51.100.11");
        List<String> unknownAnswers = fail(unknown, "198.51.100.12");
        // Four plain failures; from the fifth on, an immediate retry must wait (429); the tenth locks.
        assertThat(realAnswers)
                .isEqualTo(unknownAnswers)
                .containsExactly(
                        "401", "401", "401", "401", "401", "429", "401", "429", "401", "429", "401", "429", "401",
                        "429", "401");

        // Locked: even the right password is refused, with the same answer as for a name that is no account.
        ApiClient.Response realLocked =
                api.as(real).from("198.51.100.13").get("/api/me").expect(429);
        ApiClient.Response unknownLocked =
                api.as(unknown).from("198.51.100.13").get("/api/me").expect(429);
        assertThat(realLocked.json().get("title").asText())
                .isEqualTo(unknownLocked.json().get("title").asText())
                .isEqualTo("Too many failed sign-ins");
        // Locked for 15 minutes from the tenth failure; the name that failed first has had 5 × 61 s of it since.
        assertThat(Long.parseLong(unknownLocked.headers().getFirst("Retry-After")))
                .isBetween(890L, 901L);
        assertThat(Long.parseLong(realLocked.headers().getFirst("Retry-After"))).isBetween(585L, 596L);
        assertThat(locks(real, userId)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where action = 'SIGN_IN_LOCKED'"
                                + " and target_id is null and after_state like ?",
                        Long.class,
                        "%" + unknown + "%"))
                .isEqualTo(1);

        // The lock wears off after 15 minutes; a success forgets the name's failures.
        time.travelTo(time.instant().plus(Duration.ofMinutes(15)).plusSeconds(1));
        api.as(real).from("198.51.100.13").get("/api/me").expect(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from sign_in_throttle where subject = ?", Long.class, "ACCOUNT:" + real))
                .isZero();
        api.as(real).withPassword("wrong").from("198.51.100.13").get("/api/me").expect(401);
        api.as(real).from("198.51.100.13").get("/api/me").expect(200);
    }

    @Test
    void anAddressIsLockedForEveryNameAndAnAdminLiftsIt() {
        String address = "198.51.100.21";
        for (int i = 1; i <= 60; i++) {
            int status = api.as("throttle-guess-" + i)
                    .withPassword("guess")
                    .from(address)
                    .get("/api/me")
                    .status();
            assertThat(status).as("try %d", i).isEqualTo(401);
            time.travelTo(time.instant().plusSeconds(61));
        }
        // Locked for everyone from there, the right password of a real account included; not from elsewhere.
        api.as("office").from(address).get("/api/me").expect(429);
        api.as("office").from("198.51.100.22").get("/api/me").expect(200);

        JsonNode lock = api.as("admin").get("/api/admin/sign-in-locks").ok().items().stream()
                .filter(l -> l.at("/subject/value").asText().equals(address))
                .findFirst()
                .orElseThrow();
        assertThat(lock.at("/subject/kind").asText()).isEqualTo("ADDRESS");
        assertThat(lock.get("failures").asInt()).isEqualTo(60);
        assertThat(lock.get("locked").asBoolean()).isTrue();

        api.as("office")
                .post("/api/admin/sign-in-locks/release", Map.of("kind", "ADDRESS", "subject", address))
                .expect(403);
        api.as("admin")
                .post("/api/admin/sign-in-locks/release", Map.of("kind", "ADDRESS", "subject", address))
                .expect(204);
        api.as("office").from(address).get("/api/me").expect(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where action = 'SIGN_IN_UNLOCKED'"
                                + " and actor = 'admin' and before_state like ?",
                        Long.class,
                        "%" + address + "%"))
                .isEqualTo(1);
        api.as("admin")
                .post("/api/admin/sign-in-locks/release", Map.of("kind", "ADDRESS", "subject", address))
                .expect(404);
        api.as("admin")
                .post("/api/admin/sign-in-locks/release", Map.of("kind", "NEITHER", "subject", address))
                .expect(400);
    }

    @Test
    void anAdminLiftsAnAccountsLockAndAnotherRegionsAdminCannotSeeIt() {
        String real = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        long userId = newAccount(real);
        fail(real, "198.51.100.31");
        api.as(real).from("198.51.100.32").get("/api/me").expect(429);

        JsonNode lock = api.as("admin").get("/api/admin/sign-in-locks").ok().items().stream()
                .filter(l -> l.at("/subject/value").asText().equals(real))
                .findFirst()
                .orElseThrow();
        assertThat(lock.at("/user/id").asLong()).isEqualTo(userId);
        String otherAdmin = otherRegionsAdmin();
        assertThat(api.as(otherAdmin).get("/api/admin/sign-in-locks").ok().items())
                .noneMatch(l -> l.at("/subject/value").asText().equals(real));
        api.as(otherAdmin)
                .post("/api/admin/sign-in-locks/release", Map.of("kind", "ACCOUNT", "subject", real))
                .expect(404);
        api.as("admin")
                .post("/api/admin/sign-in-locks/release", Map.of("kind", "ACCOUNT", "subject", real))
                .expect(204);
        api.as(real).from("198.51.100.32").get("/api/me").expect(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where action = 'SIGN_IN_UNLOCKED'" + " and target_id = ?",
                        Long.class,
                        userId))
                .isEqualTo(1);
    }

    @Test
    void theSignInPageAsksToWaitAndAnAdminLiftsTheLockOnThePage() {
        String real = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        newAccount(real);
        WebSession browser = WebSession.anonymous(port);
        Map<String, String> from = Map.of("X-Forwarded-For", "198.51.100.41");
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            answers.add(signIn(browser, real, "wrong-" + i, from));
            if (i >= 5 && i < 10) {
                answers.add(signIn(browser, real, "wrong", from));
                time.travelTo(time.instant().plusSeconds(61));
            }
        }
        assertThat(answers)
                .containsExactly(
                        "error", "error", "error", "error", "error", "wait", "error", "wait", "error", "wait", "error",
                        "wait", "error", "wait", "error");
        assertThat(signIn(browser, real, ApiClient.PASSWORD, from)).isEqualTo("wait");
        assertThat(browser.get("/login?wait").text()).contains("登录失败次数过多").doesNotContain("用户名或密码错误");

        WebSession admin = WebSession.signIn(port, "admin");
        assertThat(admin.get("/admin/sign-in-locks").expect(200).text()).contains(real, "锁定至", "限速 " + real);
        assertThat(admin.get("/admin/sign-in-locks?lang=en").text()).contains("Sign-in locks", "Locked until");
        WebSession.Answer lifted = admin.postForm(
                "/admin/sign-in-locks", "/admin/sign-in-locks/release", Map.of("kind", "ACCOUNT", "subject", real));
        assertThat(lifted.status()).isEqualTo(302);
        assertThat(admin.get("/admin/sign-in-locks").text()).doesNotContain(real);
        assertThat(signIn(browser, real, ApiClient.PASSWORD, from)).isEqualTo("in");
        WebSession.signIn(port, "staff.fpj").get("/admin/sign-in-locks").expect(403);
    }

    /** Signs in on the form from that address: "in", or the sign-in page's "error" or "wait". */
    private static String signIn(WebSession browser, String username, String password, Map<String, String> from) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(browser.get("/login", from).text());
        assertThat(token.find()).isTrue();
        String form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        WebSession.Answer answer = browser.send("POST", "/login", "application/x-www-form-urlencoded", form, from);
        assertThat(answer.status()).isEqualTo(302);
        String location = answer.location();
        return location.endsWith("/login?error") ? "error" : location.endsWith("/login?wait") ? "wait" : "in";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Ten wrong passwords, each followed by an immediate retry; the clock moves past each wait. */
    private List<String> fail(String name, String address) {
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            answers.add(Integer.toString(api.as(name)
                    .withPassword("wrong-" + i)
                    .from(address)
                    .get("/api/me")
                    .status()));
            if (i >= 5 && i < 10) {
                answers.add(Integer.toString(api.as(name)
                        .withPassword("wrong")
                        .from(address)
                        .get("/api/me")
                        .status()));
                time.travelTo(time.instant().plusSeconds(61));
            }
        }
        return answers;
    }

    private long newAccount(String username) {
        long unit = directory.userByUsername("staff.fpj").orElseThrow().unitId();
        return api.as("admin")
                .post(
                        "/api/org/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                ApiClient.PASSWORD,
                                "displayName",
                                "限速 " + username,
                                "unitId",
                                unit,
                                "roles",
                                List.of("UNIT_STAFF")))
                .expect(201)
                .id();
    }

    private long locks(String username, long userId) {
        return jdbc.queryForObject(
                "select count(*) from audit_record where action = 'SIGN_IN_LOCKED'"
                        + " and target_type = 'USER' and target_id = ?",
                Long.class,
                userId);
    }

    /** The ADMIN of a neighbouring county, made for the test. */
    private String otherRegionsAdmin() {
        String other = "throttle" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        OrgUnitView county = setup.createUnit(new NewUnit(null, other, "邻县", "Neighbouring County", UnitKind.COUNTY));
        setup.createUser(
                new NewUser("admin." + other, ApiClient.PASSWORD, "邻县管理员", county.id(), null, Set.of(Role.ADMIN)));
        return "admin." + other;
    }
}
