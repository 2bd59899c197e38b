package org.rectify.support;

import org.junit.jupiter.api.BeforeEach;

/** An integration test that drives the UI in headless Chromium. */
public abstract class BrowserTest extends IntegrationTest {

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(port).signOut();
    }
}
