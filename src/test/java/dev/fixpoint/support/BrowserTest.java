package dev.fixpoint.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of the browser journeys: the real application and a real headless Chromium (Debian's, driven by Playwright;
 * Playwright never downloads a browser here). A screenshot of the last page of each test is kept in
 * target/screenshots for a human to look at.
 */
public abstract class BrowserTest extends IntegrationTest {

	private static Playwright playwright;

	private static Browser browser;

	private BrowserContext context;

	protected Page page;

	@BeforeAll
	static void launchBrowser() {
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium())
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run", "--disable-quic")));
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openPage() {
		this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
		this.context.setDefaultTimeout(15_000);
		this.page = this.context.newPage();
	}

	@AfterEach
	void closePage(TestInfo info) throws Exception {
		Path dir = Paths.get("target", "screenshots");
		Files.createDirectories(dir);
		this.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(dir.resolve(getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName() + ".png")));
		this.context.close();
	}

	protected void open(String path) {
		this.page.navigate(baseUrl() + path);
	}

	private static Path chromium() {
		for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
			if (Files.isExecutable(Paths.get(candidate))) {
				return Paths.get(candidate);
			}
		}
		throw new IllegalStateException("No Chromium found: install Debian's chromium (.ci/run does)");
	}

}
