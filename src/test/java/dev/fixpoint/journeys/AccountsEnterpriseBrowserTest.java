package dev.fixpoint.journeys;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A project admin previews and saves the retention of closed bugs; an organization admin
 * removes a member and sees a claimed SSO domain wait for its confirmation. The pages are
 * shot for admins and for the members who see them without those controls.
 */
class AccountsEnterpriseBrowserTest extends BrowserTest {

	@Test
	void anAdminPreviewsThenSavesTheRetentionOfClosedBugs() {
		TestUser admin = this.api.newPerson("Rita Retention");
		TestUser dev = this.api.newPerson("Dev Eloper");
		String key = this.api.newProject(admin).get("key").asString();
		this.api.addMember(admin, key, dev, "developer");
		String bug = this.api.newBug(admin, key, "Closed long ago", "low").get("key").asString();
		this.api.patch("/api/bugs/" + bug, admin.token(),
				Map.of("status", "resolved", "resolution", "fixed", "verified_by", dev.id().toString()));
		this.api.patch("/api/bugs/" + bug, admin.token(), Map.of("status", "closed"));
		signIn(this.page, admin);

		open("/p/" + key + "/members");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Retention")).click();
		this.page.getByLabel("Closed bugs are handled after").fill("30");
		this.page.getByLabel("Delete: the bug and everything on it").check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
		assertThat(this.page.locator("#retention-due")).containsText("No closed bug would be deleted by this policy");
		assertThat(this.page.getByText("Closed bugs are kept.")).isVisible();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save retention")).click();
		assertThat(this.page.locator(".alert-ok"))
			.containsText("Closed bugs are deleted 30 days after they were closed");

		for (Look look : LOOKS) {
			screenshotAs(admin, look, "/p/" + key + "/settings/retention", "accounts/retention");
			screenshotAs(dev, look, "/p/" + key + "/members", "accounts/project-members-developer");
		}
	}

	@Test
	void anOrganizationAdminRemovesAMemberAndConfirmsAnSsoDomain() {
		TestUser admin = this.api.newPerson("Oscar Orgadmin");
		TestUser member = this.api.newPerson("Mona Member");
		String org = this.api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", member.username(), "role", "member"));
		TestUser leaver = this.api.newPerson("Lee Leaver");
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", leaver.username(), "role", "member"));
		String domain = "corp-" + UUID.randomUUID().toString().substring(0, 6) + ".test";
		Api.Response sso = this.api.put("/api/orgs/" + org + "/sso", admin.token(),
				Map.of("name", "Corp SSO", "issuer", "https://login.example.com/realms/corp", "client_id", "fixpoint",
						"client_secret", "not-a-real-secret", "allowed_domains", List.of(), "email_domains",
						List.of(domain), "provisioning", true, "default_role", "member", "required", false));
		if (sso.status() != 200) {
			throw new AssertionError(sso.raw());
		}
		signIn(this.page, admin);

		open("/orgs/" + org + "/members");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + leaver.name())).click();
		assertThat(this.page.locator(".alert-ok")).containsText("Removed from the organization");
		assertThat(this.page.locator("#members")).not().containsText(leaver.name());

		open("/settings/security");
		this.page.locator("#sso-" + org + " summary").click();
		assertThat(this.page.locator("#sso-claims-" + org)).containsText("Waiting for confirmation");
		this.page.getByLabel("Address at " + domain).fill("it@" + domain);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send confirmation link")).click();
		assertThat(this.page.locator(".alert-ok")).containsText("A confirmation link for " + domain);
		this.page.locator("#sso-" + org + " summary").click();
		screenshot(this.page, "accounts/security-sso-claims-desktop-light");

		for (Look look : LOOKS) {
			screenshotAs(admin, look, "/orgs/" + org + "/members", "accounts/org-members-admin");
			screenshotAs(member, look, "/orgs/" + org + "/members", "accounts/org-members-member");
		}
	}

}
