package dev.fixpoint.journeys;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.accounts.TotpCodes;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A person turns on two-factor authentication from the security page (QR code, first
 * code, recovery codes), signs out, and signs in again with a code from the app.
 */
class TwoFactorBrowserTest extends BrowserTest {

	@Test
	void enableTotpAndSignInWithIt() {
		TestUser ann = this.api.newPerson("Ann Example");
		signIn(this.page, ann);
		this.page.locator("summary[aria-label=Account]").click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Security")).click();
		assertThat(this.page.locator("#two-factor-status")).hasText("Off");

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up an authenticator app"))
			.click();
		assertThat(this.page.getByAltText("QR code of your authenticator secret")).isVisible();
		screenshot(this.page, "TwoFactorBrowserTest-enrol");
		String secret = this.page.locator("#totp-secret").getAttribute("data-secret");
		this.page.getByLabel("Code from the app").fill(TotpCodes.at(secret, this.clock.instant()));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on")).click();
		assertThat(this.page.locator("#recovery-codes li")).hasCount(10);
		assertThat(this.page.locator("#two-factor-status")).hasText("On");
		screenshot(this.page, "TwoFactorBrowserTest-recovery-codes");
		shoot("phone-dark",
				new Browser.NewContextOptions().setViewportSize(390, 844)
					.setIsMobile(true)
					.setHasTouch(true)
					.setColorScheme(ColorScheme.DARK),
				ann, secret);

		Page again = anotherBrowser();
		again.navigate(baseUrl() + "/login");
		signInWithPassword(again, ann.email(), Api.PASSWORD);
		assertThat(again).hasURL(Pattern.compile("/login/second-factor$"));
		screenshot(again, "TwoFactorBrowserTest-second-factor");
		this.clock.advance(TotpCodes.step().multipliedBy(2));
		again.getByLabel("Code").fill(TotpCodes.at(secret, this.clock.instant()));
		again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
		assertThat(again).hasURL(Pattern.compile("//[^/]+/$"));
	}

	/** The security page and the code page as someone else's device shows them. */
	private void shoot(String name, Browser.NewContextOptions options, TestUser user, String secret) {
		Page other = anotherBrowser(options);
		other.navigate(baseUrl() + "/login");
		signInWithPassword(other, user.email(), Api.PASSWORD);
		assertThat(other).hasURL(Pattern.compile("/login/second-factor$"));
		screenshot(other, "TwoFactorBrowserTest-second-factor-" + name);
		this.clock.advance(TotpCodes.step());
		other.getByLabel("Code").fill(TotpCodes.at(secret, this.clock.instant()));
		other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
		assertThat(other).hasURL(Pattern.compile("//[^/]+/$"));
		other.navigate(baseUrl() + "/settings/security");
		assertThat(other.locator("#two-factor-status")).hasText("On");
		screenshot(other, "TwoFactorBrowserTest-security-" + name);
	}

}
