package dev.keyhole.server.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, with the few moves the browser tests make:
 * open a page, fill a field, press a button, read an element, keep a screenshot. Missing browser: the tests
 * fail under CI (so CI can never skip them silently) and are skipped, saying why, elsewhere.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots go; they are test artifacts, rewritten by every run. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private int shots;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A headless Chromium for {@code base} (e.g. {@code http://127.0.0.1:PORT}), or a failed/skipped test. */
    static Browser open(String base) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); bin/setup-test-deps installs them";
            if (System.getenv("CI") != null) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1024",
                "--disable-gpu", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // A loaded CI machine can take a moment to render a page after a form post; look for elements that long.
        driver.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(10));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.newDirectoryStream(SCREENSHOTS, "*.png")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        return new Browser(driver, base);
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text(String css) {
        return find(css).getText();
    }

    void fill(String css, String value) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(value);
    }

    /**
     * Clicks what leads to another page (a link, a form's button) and waits until that page has replaced this one:
     * the click returns before the navigation lands, and reading right away could read the old page.
     */
    void click(String css) {
        // The old page carries a mark; the page that replaces it is a new document with a new window, without one.
        // (Waiting for the old <html> element to go stale instead fails in Chromium with "Node with given id does
        // not belong to the document" while the navigation is under way.)
        driver.executeScript("window.keyholeOldPage = true");
        find(css).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.keyholeOldPage !== true && document.readyState === 'complete'")));
    }

    /** Clicks what stays on this page (a radio button, an option). */
    void choose(String css) {
        find(css).click();
    }

    /** Signs out whoever is signed in (a fresh session), then signs in with {@code token} through the form. */
    void signIn(String token) {
        driver.manage().deleteAllCookies();
        go("/login");
        fill("#token", token);
        click("#sign-in button[type=submit]");
        // the click returns before the redirect to the catalog lands: a go() now may race it and lose the session
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("signed-in-as")).isEmpty());
    }

    /** Keeps a screenshot of the whole page (not only the window) as {@code target/screenshots/NN-name.png}. */
    Path screenshot(String name) throws IOException {
        Path to = SCREENSHOTS.resolve("%02d-%s.png".formatted(++shots, name));
        Dimension window = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        // the window's height includes the browser's own frame: leave room for it
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(height + 160, window.getHeight())));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(window);
        }
        return to;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
