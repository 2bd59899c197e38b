package org.rectify.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Debian Chromium driven by Selenium through Debian's chromedriver (never a downloaded
 * browser or driver), at 1366×768. One browser per test JVM. Every page a test opens can be
 * checked with axe-core (WCAG 2.1 A and AA) and saved as a screenshot under target/screenshots/.
 */
public final class Browser {

    public static final String CHROMIUM = System.getProperty("rectify.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("rectify.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver shared;
    /** The DevTools sessions attached to service workers (by target) while the connection is cut. */
    private static final Map<String, String> WORKER_SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Ids of the messages sent to them (DevTools wants small whole numbers). */
    private static final java.util.concurrent.atomic.AtomicInteger MESSAGES =
            new java.util.concurrent.atomic.AtomicInteger();
    /** Page states axe-core has passed in this test run. */
    private static final java.util.Set<String> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    public static boolean installed() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    public static synchronized Browser at(int port) {
        if (shared == null) {
            if (!installed()) {
                throw new IllegalStateException("Browser tests need Debian's chromium and chromedriver: "
                        + "apt-get install -y chromium chromium-driver");
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1366,768",
                    "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            shared = new ChromeDriver(service, options);
            fitViewport(shared);
            shared.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            ChromeDriver quit = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(quit::quit));
        }
        return new Browser(shared, port);
    }

    /** Makes the page area itself 1366×768, whatever the window's frame takes. */
    private static void fitViewport(ChromeDriver driver) {
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.get("data:text/html,<title>size</title>");
        long innerWidth = ((Number) driver.executeScript("return window.innerWidth")).longValue();
        long innerHeight = ((Number) driver.executeScript("return window.innerHeight")).longValue();
        driver.manage()
                .window()
                .setSize(new Dimension(1366 + (int) (1366 - innerWidth), 768 + (int) (768 - innerHeight)));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the app and checks it with axe-core. */
    public Browser open(String path) {
        driver.get(base + path);
        return accessible();
    }

    /** Opens a page without the accessibility check (for an expected error or a download). */
    public Browser visit(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser signIn(String username) {
        signOut();
        driver.get(base + "/login");
        field("username").sendKeys(username);
        field("password").sendKeys("demo1234");
        WebElement loginPage = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]"))
                .click();
        // Wait for the next page, not the sign-in page still showing.
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(gone(loginPage));
        waitFor(By.id("main"));
        assertThat(driver.getCurrentUrl()).as("signed in as " + username).doesNotContain("/login");
        return this;
    }

    public Browser signOut() {
        driver.manage().deleteAllCookies();
        return this;
    }

    public WebElement field(String id) {
        return driver.findElement(By.id(id));
    }

    public Browser type(String id, String text) {
        WebElement input = field(id);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Clicks the button with this id, waits for the next page and checks it with axe-core. */
    /**
     * Ticks a checkbox (or clicks any control that does not leave the page), scrolled into the middle of the
     * window at once first: Bootstrap scrolls smoothly, and a click during the animation lands on whatever
     * passes under the pointer ("element click intercepted").
     */
    public Browser tick(String id) {
        WebElement element = waitFor(By.id(id));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
        return this;
    }

    public Browser press(String buttonId) {
        return follow(waitFor(By.id(buttonId)));
    }

    /**
     * Waits until this element has left the page, as {@link ExpectedConditions#stalenessOf} does. Chromium sometimes
     * answers a question about an element of a document just replaced with "Node with given id does not belong to the
     * document" instead of a stale element reference; that means gone too.
     */
    public static ExpectedCondition<Boolean> gone(WebElement element) {
        return d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** Follows this link or button (scrolled into view first), waits for the next page and checks it with axe-core. */
    public Browser follow(WebElement link) {
        WebElement html = driver.findElement(By.tagName("html"));
        // Instant: Bootstrap makes scrolling smooth, and a click during the animation misses the button.
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link);
        try {
            link.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException moved) {
            // The page moved under the pointer (thumbnails still loading push the form down): scroll again.
            driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link);
            link.click();
        }
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(gone(html));
        waitFor(By.id("main"));
        return accessible();
    }

    /** Waits up to 10 seconds for something to hold on the page. */
    public Browser waitUntil(ExpectedCondition<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
        return this;
    }

    /** Sets a date input (yyyy-MM-dd), whatever format the browser's locale would have typed. */
    public Browser date(String inputId, String isoDate) {
        driver.executeScript("arguments[0].value = arguments[1]", field(inputId), isoDate);
        return this;
    }

    /** Chooses an option of a select by its value. */
    public Browser choose(String selectId, String value) {
        new org.openqa.selenium.support.ui.Select(field(selectId)).selectByValue(value);
        return this;
    }

    /** Attaches files to a file input (as a drop would). */
    public Browser attach(String inputId, Path... files) {
        field(inputId)
                .sendKeys(java.util.Arrays.stream(files)
                        .map(f -> f.toAbsolutePath().toString())
                        .collect(Collectors.joining("\n")));
        return this;
    }

    /** The error banner of the current page, or empty. */
    public String error() {
        return driver.findElements(By.cssSelector("#main > .alert-danger")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /**
     * No serious or critical WCAG 2.1 A/AA violation on the current page. A page is checked once per
     * distinct state in a test run: the same address pattern (ids as #), the same language and mode,
     * and the same controls and banners on it; a page showing other forms or messages is checked again.
     */
    public Browser accessible() {
        String state = (String) driver.executeScript("""
                const ids = Array.from(document.querySelectorAll('main [id], main button, main .alert'))
                    .map(e => e.tagName + ':' + String(e.id || e.className).replace(/\\d+/g, '#'))
                    .filter((v, i, all) => all.indexOf(v) === i).sort().join(',');
                return location.pathname.replace(/\\d+/g, '#') + '|' + document.documentElement.lang + '|'
                    + document.documentElement.className + '|' + (innerWidth < 576 ? 'phone' : 'wide') + '|' + ids;""");
        if (!CHECKED.add(state)) {
            return this;
        }
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        if (!bad.isEmpty()) {
            CHECKED.remove(state);
        }
        assertThat(bad)
                .as(() -> "axe-core on " + url() + ":\n"
                        + bad.stream()
                                .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .limit(5)
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
        return this;
    }

    /**
     * Runs a check in Chromium's mobile emulation, as on a phone 390 × 844 CSS pixels (a touch screen, the
     * mobile viewport, twice the pixels), and turns it off after.
     */
    public void asPhone(Runnable check) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        driver.executeCdpCommand(
                "Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", true, "maxTouchPoints", 5));
        try {
            check.run();
        } finally {
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", false));
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    /**
     * Cuts the browser's connection (Chromium's network emulation: every request fails), or gives it back; for the
     * page and for the app's service worker, whose requests Chromium emulates apart (a DevTools session of its own).
     */
    public Browser offline(boolean off) {
        Map<String, Object> conditions =
                Map.of("offline", off, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", conditions);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>)
                driver.executeCdpCommand("Target.getTargets", Map.of()).get("targetInfos");
        for (Map<String, Object> target : targets) {
            if ("service_worker".equals(target.get("type"))
                    && String.valueOf(target.get("url")).startsWith(base)) {
                String session = WORKER_SESSIONS.computeIfAbsent((String) target.get("targetId"), id -> (String)
                        driver.executeCdpCommand("Target.attachToTarget", Map.of("targetId", id, "flatten", false))
                                .get("sessionId"));
                toWorker(session, "Network.enable", "{}");
                toWorker(
                        session,
                        "Network.emulateNetworkConditions",
                        "{\"offline\":" + off + ",\"latency\":0,\"downloadThroughput\":-1,\"uploadThroughput\":-1}");
            }
        }
        if (!off) {
            WORKER_SESSIONS.forEach((target, session) ->
                    driver.executeCdpCommand("Target.detachFromTarget", Map.of("sessionId", session)));
            WORKER_SESSIONS.clear();
        }
        return this;
    }

    private void toWorker(String session, String method, String params) {
        driver.executeCdpCommand(
                "Target.sendMessageToTarget",
                Map.of(
                        "sessionId",
                        session,
                        "message",
                        "{\"id\":" + MESSAGES.incrementAndGet() + ",\"method\":\"" + method + "\",\"params\":" + params
                                + "}"));
    }

    /** Runs a check with the window 360 px wide, as a phone's, and gives the window its size back after. */
    public void atPhoneWidth(Runnable check) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(360, 740));
        try {
            check.run();
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /**
     * The visible buttons, form controls, card links, pager links, summaries that open a part of the page, the menu
     * button and the bell that are less than 44 px tall (a thumb's target), each as {what, height}; empty when every
     * one is large enough. A check box or radio button is measured with its labelled row, which takes the tap.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> smallTargets() {
        return (List<Map<String, Object>>) driver.executeScript("""
                return Array.from(document.querySelectorAll(
                        'main button, main .btn, main input:not([type=hidden]), main select, main textarea,'
                        + ' main table.cards a, main .page-link, main summary, .navbar-toggler, .bell'))
                    .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
                        && !e.classList.contains('visually-hidden'))
                    .map(e => ({what: e.outerHTML.substring(0, 120),
                        height: target(e).getBoundingClientRect().height}))
                    .filter(e => e.height < 43.5);
                // a check box or radio button with its label in one .form-check row is tapped anywhere on the row
                function target(e) {
                    const row = e.closest('.form-check');
                    return (e.type === 'checkbox' || e.type === 'radio') && row && row.querySelector('label') ? row : e;
                }""");
    }

    /** How far the page scrolls sideways, in pixels: 0 when it fits the window's width. */
    public long sidewaysScroll() {
        return ((Number) driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
    }

    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
