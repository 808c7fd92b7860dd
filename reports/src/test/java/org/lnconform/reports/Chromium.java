package org.lnconform.reports;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver (apt: {@code chromium},
 * {@code chromium-driver}), with a fresh profile and nothing that reaches the network on its own.
 * A missing browser skips the test with the reason, except under {@code CI=true}, where it fails.
 */
final class Chromium {

    static final String BROWSER = System.getProperty("lnconform.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("lnconform.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {}

    /** A browser with a 1280 px wide window; the caller quits it. */
    static ChromeDriver start(Path profile) throws IOException {
        if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
            String why = "Chromium or chromedriver missing (" + BROWSER + ", " + DRIVER
                    + "; apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + ", and CI=true requires the browser tests to run");
            }
            Assumptions.abort(why);
        }
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }
}
