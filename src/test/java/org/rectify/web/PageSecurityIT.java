package org.rectify.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rectify.support.IntegrationTest;
import org.rectify.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' Content-Security-Policy header, and the CSRF token never in an address: a crawl of each role's pages
 * (links followed from the main pages) finds the policy on every page and no {@code _csrf} in any link, form action,
 * source or redirect, nor a GET form carrying it; a POST with the token only in its address is refused.
 */
class PageSecurityIT extends IntegrationTest {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
            + "form-action 'self'";
    private static final Pattern URL_ATTRIBUTE =
            Pattern.compile("\\s(?:href|action|src|hx-get|hx-post|formaction)=\"([^\"]*)\"");
    private static final Pattern LINK = Pattern.compile("\\shref=\"(/[^\"#]*)");
    private static final Pattern FORM = Pattern.compile("(?s)<form\\b([^>]*)>(.*?)</form>");
    /** Files, not pages; and what signs out or leaves the app's own pages. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            ".*(\\.xlsx|\\.pdf|\\.docx|\\.csv|/file|/evidence/|/export|/template|/logout|/camunda|/swagger|/v3/"
                    + "|/webjars/|/css/|/js/|/icons/|\\.webmanifest|\\?lang=|&lang=|elder=).*");

    private static final int PAGES_PER_ROLE = 20;

    @Test
    void everyPageOfEveryRoleCarriesThePolicyAndNoTokenInAnyAddress() {
        Map<String, List<String>> starts = Map.of(
                "staff.fgw", List.of("/", "/problems", "/notifications", "/notifications/preferences"),
                "head.fgw", List.of("/", "/problems", "/dashboard"),
                "office", List.of("/", "/office/rounds", "/office/supervision", "/ledger", "/dashboard", "/inspect"),
                "leader", List.of("/", "/leader", "/dashboard", "/ledger?kind=tasks"),
                "inspector", List.of("/inspect", "/inspect/audit", "/inspect/chain"),
                "admin",
                        List.of(
                                "/admin/org",
                                "/admin/users",
                                "/admin/reference",
                                "/admin/calendar",
                                "/admin/messengers",
                                "/admin/sign-in-locks"));
        starts.forEach((user, pages) -> {
            List<String> seen = crawl(WebSession.signIn(port, user), pages);
            assertThat(seen).as("pages crawled as " + user).hasSizeGreaterThanOrEqualTo(pages.size());
        });
        WebSession anonymous = WebSession.anonymous(port);
        assertPage("/login", anonymous.get("/login").expect(200));
        assertPage("/offline.html", anonymous.get("/offline.html").expect(200));
    }

    @Test
    void anErrorPageCarriesThePolicyAFileAndCockpitDoNot() {
        WebSession office = WebSession.signIn(port, "office");
        assertPage("a missing problem", office.get("/problems/987654321").expect(404));
        WebSession.Answer ledger = office.get("/ledger/problems.xlsx").expect(200);
        assertThat(ledger.response().headers().firstValue("Content-Security-Policy"))
                .as("a spreadsheet is no page")
                .isEmpty();
        WebSession.Answer cockpit = WebSession.signIn(port, "admin").get("/camunda/app/cockpit/default/");
        assertThat(cockpit.status()).isEqualTo(200);
        assertThat(cockpit.response().headers().firstValue("Content-Security-Policy"))
                .as("Cockpit keeps Camunda's own policy")
                .hasValueSatisfying(p -> assertThat(p).isNotEqualTo(POLICY));
    }

    @Test
    void aTokenInTheAddressIsRefusedOnlyInTheBodyOrHeaderIsItRead() {
        WebSession staff = WebSession.signIn(port, "staff.fgw");
        String token = staff.csrf("/notifications");
        String form = "application/x-www-form-urlencoded";
        staff.send("POST", "/notifications/read-all?_csrf=" + token, form, "", Map.of())
                .expect(403);
        staff.send("POST", "/notifications/read-all?%5Fcsrf=" + token, form, "", Map.of())
                .expect(403);
        staff.send("POST", "/notifications/read-all?_csrf=" + token, form, "_csrf=" + token, Map.of())
                .expect(403);
        // The upload forms once carried it in their address: refused now, and nothing written.
        staff.sendBytes(
                        "POST",
                        "/notifications/read-all?_csrf=" + token,
                        WebSession.MULTIPART,
                        staff.multipartBody(token, Map.of(), Map.of()),
                        Map.of())
                .expect(403);
        staff.send("POST", "/notifications/read-all", form, "_csrf=" + token, Map.of())
                .expect(302);
        staff.send("POST", "/notifications/read-all", form, "", Map.of("X-CSRF-TOKEN", token))
                .expect(302);
    }

    /** Opens these pages and those they link to, up to a bound; returns the pages opened. */
    private List<String> crawl(WebSession session, List<String> starts) {
        Deque<String> queue = new ArrayDeque<>(starts);
        Set<String> seen = new HashSet<>();
        List<String> opened = new ArrayList<>();
        while (!queue.isEmpty() && opened.size() < PAGES_PER_ROLE) {
            String path = queue.poll().replace("&amp;", "&");
            if (!seen.add(path) || NOT_A_PAGE.matcher(path).matches()) {
                continue;
            }
            WebSession.Answer answer = session.get(path);
            assertThat(answer.location()).as("redirect of " + path).doesNotContain("_csrf");
            if (answer.status() != 200 || !answer.contentType().startsWith("text/html")) {
                continue;
            }
            opened.add(path);
            String html = assertPage(path, answer);
            Matcher link = LINK.matcher(html);
            while (link.find()) {
                queue.add(link.group(1));
            }
        }
        return opened;
    }

    /** The policy is there; no address on the page and no GET form carries the token. Returns the page. */
    private static String assertPage(String path, WebSession.Answer page) {
        assertThat(page.response().headers().firstValue("Content-Security-Policy"))
                .as("policy of " + path)
                .hasValue(POLICY);
        String html = page.text();
        Matcher url = URL_ATTRIBUTE.matcher(html);
        while (url.find()) {
            assertThat(url.group(1)).as("an address on " + path).doesNotContainIgnoringCase("_csrf");
        }
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            boolean post = form.group(1).toLowerCase().contains("method=\"post\"");
            if (!post) {
                assertThat(form.group(2)).as("a GET form on " + path).doesNotContain("name=\"_csrf\"");
            }
        }
        return html;
    }
}
