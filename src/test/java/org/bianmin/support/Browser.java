package org.bianmin.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, for tests of the Camunda webapps and our own pages.
 * Uses {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages {@code chromium},
 * {@code chromium-driver}); Selenium Manager is never asked to download anything. Each instance has
 * a fresh profile; close it (try-with-resources).
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The user name field of the Camunda webapps' login form (AngularJS, the inputs have no name). */
    public static final By CAMUNDA_USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
    /** The error notification the Camunda webapps show, e.g. after a refused login. */
    public static final By CAMUNDA_ERROR = By.cssSelector(".notifications .alert-danger");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(String baseUrl, String timeZone) {
        this.baseUrl = baseUrl;
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            profile = Files.createTempDirectory("bianmin-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        // headless Chromium ignores --lang: the webapps read the browser's languages from this preference
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        if (timeZone != null) {
            // the page's clock (Date, Intl) in that zone, whatever the machine's zone
            driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", timeZone));
        }
    }

    /** A new browser for the application at {@code http://localhost:port}, in the time zone of the machine. */
    public static Browser open(int port) {
        return new Browser("http://localhost:" + port, null);
    }

    /**
     * A new browser for the application at {@code http://localhost:port} whose clock shows the given
     * time zone (an IANA id such as {@code Asia/Shanghai}); the Camunda webapps show dates in the
     * browser's zone.
     */
    public static Browser open(int port, String timeZone) {
        return new Browser("http://localhost:" + port, timeZone);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void get(String path) {
        driver.get(baseUrl + path);
    }

    /**
     * Opens a Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}) and submits its login
     * form. Returns once the form was sent; the caller waits for what it expects next.
     */
    /** Signs in to a Camunda webapp and waits until it has let the user in. */
    public void loginToCamunda(String app, String user, String password) {
        submitCamundaLogin(app, user, password);
        // signed in once the form is gone: a page opened before would find no session yet
        waitGone(By.cssSelector("form[name='signinForm']"));
    }

    /** Submits a Camunda webapp's sign-in form, whether or not the app lets the user in. */
    public void submitCamundaLogin(String app, String user, String password) {
        get("/camunda/app/" + app + "/");
        WebElement username = waitVisible(CAMUNDA_USERNAME);
        username.clear();
        username.sendKeys(user);
        WebElement passwordField = driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']"));
        passwordField.clear();
        passwordField.sendKeys(password);
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    }

    public WebElement waitVisible(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitGone(By locator) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /**
     * Clicks once the element is clickable, brought to the middle of the window first (Tasklist's and
     * Cockpit's fixed footers cover the bottom of a form or list); looked up again if the page
     * re-rendered it meanwhile.
     */
    public void click(By locator) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
            if (element == null) {
                return false;
            }
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            try {
                element.click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return false;
            }
        });
    }

    /**
     * Clicks until {@code done} holds, as a person clicks again when nothing happened: Tasklist now
     * and then drops a click on 完成 that comes while it still renders the form after a claim.
     */
    public void clickUntil(By locator, java.util.function.BooleanSupplier done) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new org.openqa.selenium.TimeoutException("clicking " + locator + " did not take effect within " + WAIT);
            }
            if (isPresent(locator)) {
                click(locator);
            }
            try {
                new WebDriverWait(driver, java.time.Duration.ofSeconds(5)).until(d -> done.getAsBoolean());
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // clicked again below
            }
        }
    }

    public boolean isPresent(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    /** Saves {@code target/screenshots/<name>.png} and the page source next to it; returns the PNG. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs browser steps; on any failure saves {@code <name>-FAILED.png} before rethrowing. */
    public void check(String name, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            try {
                screenshot(name + "-FAILED");
            } catch (RuntimeException screenshotFailure) {
                e.addSuppressed(screenshotFailure);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
