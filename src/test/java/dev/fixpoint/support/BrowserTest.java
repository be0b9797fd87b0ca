package dev.fixpoint.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import dev.fixpoint.support.Api.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Base of the browser journeys: the real application and a real headless Chromium
 * (Debian's, driven by Playwright; Playwright never downloads a browser here). A
 * screenshot of the last page of each test is kept in target/screenshots for a human to
 * look at.
 */
public abstract class BrowserTest extends IntegrationTest {

	private static Playwright playwright;

	private static Browser browser;

	private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private BrowserContext context;

	private final List<BrowserContext> others = new ArrayList<>();

	protected Page page;

	@BeforeAll
	static void launchBrowser() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
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
		// assertions wait as long as actions: a bound on waiting for a loaded machine
		// (CI, parallel builds), never a claim about speed
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
		this.page = this.context.newPage();
	}

	@AfterEach
	void closePage(TestInfo info) {
		screenshot(this.page, getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName());
		this.others.forEach(BrowserContext::close);
		this.context.close();
	}

	protected void open(String path) {
		this.page.navigate(baseUrl() + path);
	}

	/**
	 * Waits until htmx has processed the page (it starts on DOMContentLoaded, after the
	 * deferred scripts): a control changed before that sends nothing, as for a person who
	 * acts within the page's first milliseconds.
	 */
	protected static void waitForHtmx(Page page) {
		page.waitForFunction("() => window.htmx && document.readyState !== 'loading'");
	}

	/**
	 * Waits until the page a form brought back (refused, with its messages) has loaded,
	 * before the form is filled and sent again. Its messages show while its deferred
	 * scripts still run (readyState "interactive"), and a submit button clicked then may
	 * send nothing: a CI run and a loaded machine here saw the second "Save colour" of
	 * BrandedPortalBrowserTest leave no request at all (Chromium's request log), so no
	 * server code was involved, and the page still showed the refused form.
	 */
	protected static void waitForLoad(Page page) {
		page.waitForLoadState(LoadState.LOAD);
	}

	/**
	 * Waits until htmx has finished every swap on the page: content it has just swapped
	 * in is visible before htmx has bound its {@code hx-} attributes (it does so when the
	 * swap settles), so a change made in between sends nothing.
	 */
	protected static void waitForSwaps(Page page) {
		page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')");
	}

	/**
	 * Assigns the bug open on {@code page} to {@code user} through the bug page's
	 * assignee select, which is loaded when opened.
	 */
	protected static void pickAssignee(Page page, TestUser user) {
		waitForHtmx(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("change the assignee")).click();
		Locator select = page.getByLabel("Assignee");
		select.waitFor();
		waitForSwaps(page);
		select.selectOption(new SelectOption().setLabel(user.name()));
	}

	/** Someone else's browser: its own cookies and storage, closed after the test. */
	protected Page anotherBrowser() {
		return anotherBrowser(new Browser.NewContextOptions().setViewportSize(1280, 900));
	}

	protected Page anotherBrowser(Browser.NewContextOptions options) {
		BrowserContext other = browser.newContext(options);
		other.setDefaultTimeout(15_000);
		this.others.add(other);
		return other.newPage();
	}

	/**
	 * A way to look at a page: desktop (1280 × 900) or phone (390 × 844, touch) width,
	 * light or dark; {@link #LOOKS} lists the four.
	 */
	protected record Look(String name, Browser.NewContextOptions options) {
	}

	protected static final List<Look> LOOKS = List.of(
			new Look("desktop-light",
					new Browser.NewContextOptions().setViewportSize(1280, 900).setColorScheme(ColorScheme.LIGHT)),
			new Look("desktop-dark",
					new Browser.NewContextOptions().setViewportSize(1280, 900).setColorScheme(ColorScheme.DARK)),
			new Look("phone-light",
					new Browser.NewContextOptions().setViewportSize(390, 844)
						.setIsMobile(true)
						.setHasTouch(true)
						.setColorScheme(ColorScheme.LIGHT)),
			new Look("phone-dark",
					new Browser.NewContextOptions().setViewportSize(390, 844)
						.setIsMobile(true)
						.setHasTouch(true)
						.setColorScheme(ColorScheme.DARK)));

	/**
	 * Signs {@code user} in on a new browser with the given look, opens {@code path} and
	 * saves its screenshot as {@code name-look}.
	 */
	protected void screenshotAs(TestUser user, Look look, String path, String name) {
		Page other = anotherBrowser(look.options());
		signIn(other, user);
		other.navigate(baseUrl() + path);
		screenshot(other, name + "-" + look.name());
	}

	/** Signs {@code user} in through the login form and waits for My work. */
	protected void signIn(Page page, TestUser user) {
		page.navigate(baseUrl() + "/login");
		signInWithPassword(page, user.email(), Api.PASSWORD);
		assertThat(page).hasURL(Pattern.compile("//[^/]+/$"));
	}

	/**
	 * On the sign-in page: types the email, continues, types the password and signs in
	 * (the page is email first).
	 */
	protected static void signInWithPassword(Page page, String email, String password) {
		page.getByLabel("Email").fill(email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
		try {
			page.getByLabel("Password").fill(password);
		}
		catch (PlaywrightException ex) {
			throw new AssertionError("The password step did not come after Continue: " + whatItShows(page), ex);
		}
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	/**
	 * The page's address and the start of its text, for a failure message: CI keeps the
	 * message, not the screenshot.
	 */
	protected static String whatItShows(Page page) {
		try {
			String text = page.locator("body").innerText(new Locator.InnerTextOptions().setTimeout(2_000)).strip();
			return page.url() + " showing \"" + (text.length() > 600 ? text.substring(0, 600) + "…" : text) + "\"";
		}
		catch (PlaywrightException ex) {
			return page.url() + " (its text could not be read: " + ex.getMessage().lines().findFirst().orElse("") + ")";
		}
	}

	/**
	 * Saves a full-page screenshot to target/screenshots/{name}.png for a human to look
	 * at.
	 */
	protected static Path screenshot(Page page, String name) {
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(file));
		return file;
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
