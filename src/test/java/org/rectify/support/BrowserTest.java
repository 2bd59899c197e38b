package org.rectify.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** An integration test that drives the UI in headless Chromium. */
@ExtendWith(BrowserTest.NeedsBrowser.class)
public abstract class BrowserTest extends IntegrationTest {

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(port).signOut();
    }

    /** Browser tests skip (before their context) where Chromium or chromedriver is missing. */
    public static class NeedsBrowser implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("checked for the class");
            }
            return Requirements.need(
                    Browser.installed(),
                    "Chromium and chromedriver (" + Browser.CHROMIUM + ", " + Browser.CHROMEDRIVER + ")",
                    "install them with: apt-get install -y chromium chromium-driver fonts-wqy-microhei");
        }
    }
}
