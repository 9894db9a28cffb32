package org.wushe.hub.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven by its chromedriver, both at fixed paths so Selenium Manager is
 * never asked to find (or download) anything; the machine has no network but the package registries,
 * so Chromium's own background traffic is switched off too. A fresh profile per browser.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Dimension DESKTOP = new Dimension(1280, 1400);
    public static final Dimension PHONE = new Dimension(390, 1600);

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Starts the browser; fails the test (never skips it) when Chromium or chromedriver is not installed. */
    /** Starts Chromium for {@code what} (named in the failure when Debian's chromium or chromium-driver is missing). */
    public static Browser start(String what) {
        List<String> missing = new ArrayList<>();
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                missing.add(p.toString());
            }
        }
        if (!missing.isEmpty()) {
            fail(
                    what + " needs Debian's chromium and chromium-driver; missing: " + String.join(", ", missing)
                            + ". Run the repository's install step: .ci/install-browser (apt-get install -y chromium chromium-driver).");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("wushe-chromium-");
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--no-default-browser-check",
                "--mute-audio",
                "--lang=zh-CN",
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            FileSystemUtils.deleteRecursively(profile.toFile());
            throw e;
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Browser(driver, service, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.manage().window().setSize(DESKTOP);
        driver.get(url);
    }

    public void size(Dimension size) {
        driver.manage().window().setSize(size);
    }

    public WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** The element with this {@code data-testid}, if it is on the page now. */
    public Optional<WebElement> byTestId(String testId) {
        return driver.findElements(By.cssSelector("[data-testid=\"" + testId + "\"]")).stream()
                .findFirst();
    }

    public WebElement testId(String testId) {
        return byTestId(testId)
                .orElseThrow(() -> new AssertionError("no element [data-testid=" + testId + "] on the page"));
    }

    /** Saves what the browser shows (the window's size) as a PNG. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The page's console messages since the last call (errors of the page's script show here). */
    public String consoleLog() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString)
                    .collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(browser log unavailable: " + e.getMessage() + ")";
        }
    }

    public void saveConsoleLog(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file,
                    consoleLog() + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
