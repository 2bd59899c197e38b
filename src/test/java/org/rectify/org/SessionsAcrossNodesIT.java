package org.rectify.org;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rectify.support.IntegrationTest;
import org.rectify.support.SecondNode;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sessions live in the database (issue 14): a browser signed in on one node goes on, request after
 * request, on another node of the same database, as behind a load balancer without sticky sessions: its pages,
 * a form posted with the CSRF token of the session, signing out; and a node that goes away signs nobody out.
 */
class SessionsAcrossNodesIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrgSetup setup;

    @Autowired
    OrgDirectory directory;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void aBrowserSignedInOnOneNodeGoesOnOnAnother() throws Exception {
        // A person of their own, so that the preferences saved below change nobody else's notices.
        String name = "sessions" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        setup.createUser(new NewUser(
                name,
                "demo1234",
                "两节点会话",
                directory.userByUsername("staff.fpj").orElseThrow().unitId(),
                null,
                Set.of(Role.UNIT_STAFF)));
        WebSession onA = WebSession.signIn(port, name);
        assertThat(onA.cookie("SESSION")).isPresent();
        assertThat(jdbc.queryForObject(
                        "select count(*) from SPRING_SESSION where PRINCIPAL_NAME = ?", Long.class, name))
                .isEqualTo(1);
        try (SecondNode b = SecondNode.onTheTestDatabase(databaseUrl, "sessions")) {
            WebSession onB = onA.on(b.port());
            assertThat(onB.get("/").expect(200).text()).contains("我的待办");
            // A form of node A's page, posted to node B: the CSRF token is the session's, wherever it is read.
            WebSession.Answer saved = onB.postForm(
                    "/notifications/preferences",
                    "/notifications/preferences",
                    List.of(
                            Map.entry("heard", "WORK"),
                            Map.entry("heard", "SUPERVISION"),
                            Map.entry("digest", "false")));
            assertThat(saved.status()).isEqualTo(302);
            assertThat(saved.location()).doesNotContain("login");
            // Back on A, still signed in; signing out on B signs the browser out everywhere.
            onA.get("/").expect(200);
            onB.postForm("/", "/logout", Map.of()).expect(302);
            WebSession.Answer signedOut =
                    onA.get("/", Map.of("Accept", "text/html")).expect(302);
            assertThat(signedOut.location()).endsWith("/login");
        }
        // Node B is gone; a browser signed in there goes on here.
        WebSession again = WebSession.signIn(port, "leader");
        try (SecondNode b = SecondNode.onTheTestDatabase(databaseUrl, "sessions-2")) {
            WebSession onB = again.on(b.port());
            onB.get("/").expect(200);
        }
        again.get("/").expect(200);
    }

    /**
     * A request that read the sign-in page's session and ends after the browser has signed in (the service worker's
     * check for a new version, an icon, a second tab) saves that session as it read it. Had the sign-in only renamed
     * the session, that save would give it back its old name and the browser, holding the new one, would be signed
     * out at its next page (seen in CI). A sign-in starts a new session; the late save finds nothing to change.
     */
    @Test
    void aRequestEndingAfterTheSignInDoesNotSignTheBrowserOut() {
        WebSession browser = WebSession.anonymous(port);
        browser.get("/login").expect(200);
        String before = sessionId(browser);
        Session underWay = read(before);
        underWay.setLastAccessedTime(Instant.now());

        browser.signInAs("staff.fpj");
        assertThat(sessionId(browser)).isNotEqualTo(before);
        save(underWay);

        assertThat(browser.get("/", Map.of("Accept", "text/html")).expect(200).text())
                .contains("我的待办");
        assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where SESSION_ID = ?", Long.class, before))
                .isZero();
    }

    private static String sessionId(WebSession browser) {
        return new String(Base64.getDecoder().decode(browser.cookie("SESSION").orElseThrow()), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private Session read(String id) {
        return ((SessionRepository<Session>) sessions).findById(id);
    }

    @SuppressWarnings("unchecked")
    private void save(Session session) {
        ((SessionRepository<Session>) sessions).save(session);
    }
}
