package dev.fixpoint.journeys;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.EmailedLinks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and organizations in a real browser: an org admin invites someone by email and
 * they join through the emailed link (creating their account); a person downloads their
 * data and deletes their account.
 */
class AccountDataBrowserTest extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Test
	void anInvitationByEmailIsAcceptedWithANewAccount() {
		TestUser ann = this.api.newUser("Ann");
		String org = this.api.get("/api/me", ann.token()).body().get("organizations").get(0).get("slug").asString();
		String email = "ivy-" + System.nanoTime() + "@example.com";
		signIn(this.page, ann);
		open("/orgs/" + org + "/members");
		// the invitation's Email, not the members' "Name or email" filter
		this.page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
		this.page.getByLabel("Role").selectOption("admin");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Invitation sent to " + email);
		assertThat(this.page.locator("#invitations")).containsText(email);

		String token = EmailedLinks.token(this.context, this.clock, email, "invited you to");
		Page ivy = anotherBrowser();
		ivy.navigate(baseUrl() + "/invitations/accept?token=" + token);
		assertThat(ivy.locator("h1")).containsText("Join");
		ivy.getByLabel("Full name").fill("Ivy Invitee");
		ivy.getByLabel("Username").fill("ivy" + System.nanoTime() % 1_000_000);
		ivy.getByLabel("Password").fill(Api.PASSWORD);
		ivy.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and join")).click();
		assertThat(ivy).hasURL(Pattern.compile("/projects"));
		ivy.navigate(baseUrl() + "/orgs/" + org + "/members");
		assertThat(ivy.locator("#members")).containsText("Ivy Invitee");
		assertThat(ivy.locator("#invite-form")).isVisible();

		this.page.reload();
		assertThat(this.page.locator("#members")).containsText("Ivy Invitee");
		assertThat(this.page.locator("#invitations")).not().containsText(email);
	}

	@Test
	void aPersonDownloadsTheirDataThenDeletesTheirAccount() throws Exception {
		TestUser bob = this.api.newUser("Bob");
		signIn(this.page, bob);
		open("/settings/profile");
		Download download = this.page.waitForDownload(() -> this.page.locator("#export-data").click());
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(download.path()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		assertThat(names).contains("profile.json", "audit.json", "bugs-reported.json", "comments.json",
				"notifications.json");

		this.page.locator("#delete-form").getByLabel("Your password").fill("not-my-password");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my account")).click();
		assertThat(this.page.locator("#delete")).containsText("not your password");

		this.page.locator("#delete-form").getByLabel("Your password").fill(Api.PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my account")).click();
		assertThat(this.page).hasURL(Pattern.compile("/login\\?deleted"));
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Your account is deleted");
		open("/settings/profile");
		assertThat(this.page).hasURL(Pattern.compile("/login"));
		assertThat(
				this.api.post("/api/auth/login", null, Map.of("email", bob.email(), "password", Api.PASSWORD)).status())
			.isEqualTo(401);
	}

}
