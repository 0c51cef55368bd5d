package io.trailwatch.localstack.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium per test JVM, driven through Debian's chromedriver (explicit paths: Selenium Manager
 * never downloads anything), shared by every browser test and quit when the JVM exits. Viewport 1366x768 unless a
 * test resizes it (and {@link #resetSize()} puts it back).
 */
public final class Browser {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Dimension DEFAULT_SIZE = new Dimension(1366, 768);
    public static final Duration WAIT = Duration.ofSeconds(15);

    private static ChromeDriver driver;
    private static String signedInAs;

    private Browser() {
    }

    /** Skips the calling test (JUnit assumption) when chromium or chromedriver is not installed. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "browser tests need Debian's chromium and chromium-driver packages "
                        + "(apt-get install -y chromium chromium-driver)");
    }

    /** The shared driver, started on first use. */
    public static synchronized ChromeDriver driver() {
        if (driver == null) {
            System.setProperty("SE_OFFLINE", "true");
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                    "--window-size=" + DEFAULT_SIZE.width + "," + DEFAULT_SIZE.height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            viewport(driver, DEFAULT_SIZE.width, DEFAULT_SIZE.height);
            Runtime.getRuntime().addShutdownHook(new Thread(Browser::quit, "browser-shutdown"));
        }
        return driver;
    }

    private static synchronized void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** Opens a path of the UI (e.g. {@code /events?accountId=1}). */
    public static void open(String path) {
        driver().get(UiStack.get().baseUrl() + path);
    }

    /**
     * Signs in as admin, analyst or viewer through the login form (signing out first when someone else is signed
     * in); ends on the dashboard.
     */
    public static synchronized void signIn(String role) {
        if (role.equals(signedInAs)) {
            return;
        }
        if (signedInAs != null) {
            signOut();
        }
        UiStack stack = UiStack.get();
        WebDriver d = driver();
        d.get(stack.baseUrl() + "/login");
        d.findElement(By.name("j_username")).sendKeys(role);
        d.findElement(By.name("j_password")).sendKeys(stack.password(role));
        d.findElement(By.id("sign-in")).click();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".topbar .user-name")));
        signedInAs = role;
    }

    /** Signs out with the layout's sign-out button; ends on the login page. */
    public static synchronized void signOut() {
        WebDriver d = driver();
        if (d.findElements(By.cssSelector("form.logout button")).isEmpty()) {
            open("/");
        }
        d.findElement(By.cssSelector("form.logout button")).click();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        signedInAs = null;
    }

    /** Who the shared browser is signed in as, or null. */
    public static synchronized String signedInAs() {
        return signedInAs;
    }

    public static <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), WAIT).until(condition);
    }

    /**
     * Until {@code element} is no longer in the document (the page was replaced). Chromium sometimes answers for
     * a node of the unloading page with an inspector error instead of a stale-element error; both mean gone.
     */
    public static void waitUntilGone(WebElement element) {
        waitUntil(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    public static WebElement waitFor(By locator) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Sets the page's viewport (not the window, whose frame would take some of it) to exactly this size. */
    public static void resize(int width, int height) {
        viewport(driver(), width, height);
    }

    public static void resetSize() {
        viewport(driver(), DEFAULT_SIZE.width, DEFAULT_SIZE.height);
    }

    private static void viewport(ChromeDriver chrome, int width, int height) {
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    /** Saves a screenshot of the viewport to {@code target/screenshots/<name>.png} and returns its path. */
    public static Path screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            File shot = driver().getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
