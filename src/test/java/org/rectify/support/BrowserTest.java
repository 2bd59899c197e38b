package org.rectify.support;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** An integration test that drives the UI in headless Chromium. */
public abstract class BrowserTest extends IntegrationTest {

    protected Browser browser;

    @BeforeAll
    static void needBrowser() {
        Requirements.need(Browser.installed(), "Chromium and chromedriver (" + Browser.CHROMIUM + ", " + Browser.CHROMEDRIVER + ")",
                "install them with: apt-get install -y chromium chromium-driver fonts-wqy-microhei");
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(port).signOut();
    }
}
