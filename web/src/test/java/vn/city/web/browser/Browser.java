package vn.city.web.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Chromium (Debian's {@code chromium} with {@code chromium-driver}) driven through WebDriver: a fresh profile
 * per browser, headless, no network of its own beyond this machine. {@link #available()} says whether the
 * binaries are installed ({@code apt-get install chromium chromium-driver}; deploy/local/test.sh does it as root).
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("city.web.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("city.web.chromedriver", "/usr/bin/chromedriver");
    static final String BASE = "http://localhost:18080";

    final WebDriver driver;
    private final Path profile;

    Browser(int width) {
        this(width, true);
    }

    /** A browser with JavaScript turned off ({@code javascript = false}): what works without scripts. */
    Browser(int width, boolean javascript) {
        try {
            profile = Files.createTempDirectory("city-web-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + ",900",
                "--lang=vi-VN");
        if (!javascript) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    }

    /** Opens a page of the web; on the Keycloak login page, logs in as the fixture user (password = user name). */
    Browser open(String path, String user) {
        driver.get(BASE + path);
        if (!driver.findElements(By.id("kc-form-login")).isEmpty()) {
            login(user);
        }
        return this;
    }

    /** On the Keycloak login page: logs in as the fixture user and waits until back on the web. */
    void login(String user) {
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        wait(20).until(ExpectedConditions.urlContains(BASE));
    }

    Browser go(String path) {
        driver.get(BASE + path);
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Clicks the form's (first) submit button and waits until the answer replaced the page. */
    void submit(String formCss) {
        WebElement button = find(formCss + " button[type=submit]");
        button.click();
        wait(30).until(ExpectedConditions.stalenessOf(button));
    }

    WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** A full-page screenshot (the window grows to the page's height first). */
    void screenshot(Path file) {
        Dimension size = driver.manage().window().getSize();
        Object h = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        int height = Math.min(6000, ((Number) h).intValue() + 20);
        driver.manage().window().setSize(new Dimension(size.getWidth(), height));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
