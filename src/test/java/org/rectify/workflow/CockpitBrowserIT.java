package org.rectify.workflow;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator opens Cockpit in Chromium: Rectify's sign-in page, then straight back to Cockpit's
 * dashboard, with no second sign-in form (single sign-on), under the headers of both Camunda and
 * Spring Security. Cockpit's pages are Camunda's, so axe-core does not check them.
 */
class CockpitBrowserIT extends BrowserTest {

    static final String COCKPIT = "/camunda/app/cockpit/default/";

    @Test
    void anAdministratorSignsInOnceAndSeesCockpitsDashboard() {
        browser.visit(COCKPIT);
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.type("username", "admin").type("password", "demo1234");
        browser.driver().findElement(By.id("sign-in")).click();

        wait.until(ExpectedConditions.urlContains("#/dashboard"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dashboard .stats-section")));
        browser.screenshot("cockpit-dashboard");
        assertThat(browser.url()).contains(COCKPIT);
        assertThat(browser.driver().findElements(By.cssSelector(".form-signin")))
                .as("Camunda's sign-in form")
                .isEmpty();
    }

    @Test
    void anAdministratorAlreadySignedInGoesStraightToCockpit() {
        browser.signIn("admin").visit(COCKPIT);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dashboard .stats-section")));
        assertThat(browser.driver().findElements(By.cssSelector(".form-signin")))
                .isEmpty();
    }
}
