package org.rectify.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rectify.audit.AuditTrail;
import org.rectify.org.OrgDirectory;
import org.rectify.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, the home worklist of each role, languages, elder mode and the friendly error pages. */
class UiShellIT extends BrowserTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    OrgDirectory directory;

    @Test
    void signInPageSpeaksChineseFirstAndRefusesAWrongPassword() {
        long inspector = directory.userByUsername("inspector").orElseThrow().id();
        long failedBefore = count(inspector, "SIGN_IN_FAILED");
        long signedInBefore = count(inspector, "SIGNED_IN");
        browser.open("/login").screenshot("login");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("zh-CN");
        assertThat(browser.mainText()).contains("登录", "用户名", "密码");
        assertThat(browser.driver().findElements(By.id("bell")))
                .as("no bell before signing in")
                .isEmpty();

        browser.type("username", "inspector").type("password", "wrong");
        browser.press("sign-in");
        assertThat(browser.mainText()).contains("用户名或密码错误");
        browser.signIn("inspector");
        browser.press("sign-out");
        assertThat(browser.mainText()).contains("您已退出登录");

        assertThat(count(inspector, "SIGN_IN_FAILED")).isEqualTo(failedBefore + 1);
        assertThat(count(inspector, "SIGNED_IN")).isEqualTo(signedInBefore + 1);
        assertThat(audit.forTarget("USER", inspector)).last().satisfies(r -> {
            assertThat(r.action()).isEqualTo("SIGNED_OUT");
            assertThat(r.actor()).isEqualTo("inspector");
        });
    }

    private long count(long userId, String action) {
        return audit.forTarget("USER", userId).stream()
                .filter(r -> r.action().equals(action))
                .count();
    }

    @Test
    void everyRoleSignsInToItsWorklist() {
        for (String user : new String[] {"office", "leader", "inspector", "admin", "head.fpj", "staff.fpj"}) {
            browser.signIn(user).open("/");
            assertThat(browser.mainText()).as(user).contains("我的待办");
        }
        browser.signIn("office").open("/").screenshot("worklist-office");
        assertThat(browser.driver().findElements(By.cssSelector("#main table tbody tr")))
                .isNotEmpty();
    }

    @Test
    void englishOnRequestAndRemembered() {
        browser.signIn("office").open("/?lang=en");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("en");
        assertThat(browser.mainText()).contains("My worklist");
        browser.open("/notifications");
        assertThat(browser.mainText()).contains("Notifications");
        browser.open("/?lang=zh_CN");
        assertThat(browser.mainText()).contains("我的待办");
    }

    @Test
    void elderModeEnlargesTheTextAndStays() {
        browser.signIn("staff.fpj").open("/");
        String normal = browser.driver().findElement(By.tagName("html")).getCssValue("font-size");
        browser.open("/?elder=on").screenshot("worklist-elder");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("class"))
                .contains("elder");
        String large = browser.driver().findElement(By.tagName("html")).getCssValue("font-size");
        assertThat(px(large)).isGreaterThan(px(normal));
        browser.open("/notifications");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("class"))
                .contains("elder");
        browser.open("/?elder=off");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("class"))
                .doesNotContain("elder");
    }

    @Test
    void unknownPagesAndHiddenProblemsGetAFriendlyPageWithoutTrace() {
        browser.signIn("staff.fpj").open("/no-such-page");
        assertThat(browser.mainText()).contains("页面不存在").doesNotContain("Exception", "at org.");
        browser.open("/problems/999999999");
        assertThat(browser.mainText()).contains("页面不存在").doesNotContain("Exception");
    }

    @Test
    void notificationsBellCountsUnread() {
        browser.signIn("head.fpj").open("/");
        String label = browser.driver().findElement(By.id("bell")).getAttribute("aria-label");
        assertThat(label).startsWith("通知");
        browser.open("/notifications");
        assertThat(browser.mainText()).contains("消息通知");
    }

    private static double px(String css) {
        return Double.parseDouble(css.replace("px", ""));
    }
}
