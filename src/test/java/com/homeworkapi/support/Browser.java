package com.homeworkapi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * Headless Chromium driven by Selenium, as Debian packages it ({@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs both when missing). Nothing is downloaded:
 * the browser and its driver are named by path, so Selenium Manager never runs.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
    public static final Path CHROMEDRIVER = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    /** A4 and US Letter, in centimetres, as the print dialog offers them. */
    public static final PageSize A4 = new PageSize(29.7, 21.0);
    public static final PageSize LETTER = new PageSize(27.94, 21.59);

    private static final Pattern PAGE_OBJECT = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    public final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser whose every request carries this token. */
    public static Browser withToken(String token) {
        Browser browser = start();
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Bearer " + token)));
        return browser;
    }

    public static Browser start() {
        if (CHROMIUM == null || CHROMEDRIVER == null) {
            throw new IllegalStateException("Chromium and its driver are needed for the browser tests: "
                    + "apt-get install chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1000,1400", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver);
    }

    /** What the page wrote to the console at warning level or above (errors, CSP violations, failed loads). */
    public List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** The page printed to PDF on this paper with the default margins, not shrunk to fit. */
    public int printedPages(PageSize paper) {
        PrintOptions print = new PrintOptions();
        print.setPageSize(paper);
        print.setShrinkToFit(false);
        print.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(driver.print(print).getContent());
        Matcher pages = PAGE_OBJECT.matcher(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1));
        int count = 0;
        while (pages.find()) {
            count++;
        }
        return count;
    }

    /**
     * Lays the page out for print on a sheet this many CSS pixels wide (its printable width) and
     * tells whether anything sticks out to the right.
     */
    public boolean overflowsWhenPrintedAt(int printableWidth) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", printableWidth,
                "height", 1200, "deviceScaleFactor", 1, "mobile", false));
        try {
            Object overflow = driver.executeScript("return document.documentElement.scrollWidth"
                    + " > document.documentElement.clientWidth"
                    + " || Array.from(document.querySelectorAll('main *')).some("
                    + "e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)");
            return Boolean.TRUE.equals(overflow);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Path firstExisting(String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }
}
