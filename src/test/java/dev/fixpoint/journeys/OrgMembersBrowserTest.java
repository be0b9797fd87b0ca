package dev.fixpoint.journeys;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admin of a large organization finds a member by name on the members page, and pages
 * through everyone 50 at a time.
 */
class OrgMembersBrowserTest extends BrowserTest {

	private static final List<String> FIRST = List.of("Ana", "Ben", "Cleo", "Dev", "Eva", "Finn", "Gus", "Hana", "Ivo",
			"Jun", "Kai");

	private static final List<String> LAST = List.of("Moreau", "Okafor", "Silva", "Tanaka", "Novak");

	@Test
	void anAdminFiltersTheMembersAndPagesThroughThem() {
		TestUser admin = this.api.newPerson("Ada Admin");
		String org = this.api.firstOrganization(admin);
		for (String last : LAST) {
			for (String first : FIRST) {
				this.api.addOrganizationMember(admin, org, this.api.newPerson(first + " " + last), "member");
			}
		}
		signIn(this.page, admin);
		open("/orgs/" + org + "/members");
		assertThat(this.page.locator("#members tbody tr")).hasCount(50);

		this.page.getByLabel("Name or email").fill("tanaka");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
		assertThat(this.page.locator("#members tbody tr")).hasCount(FIRST.size());
		assertThat(this.page.locator("#members tbody tr").first()).containsText("Ana Tanaka");
		assertThat(this.page.locator("#members-next")).hasCount(0);

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show everyone")).click();
		this.page.locator("#members-next").click();
		assertThat(this.page.locator("#members tbody tr")).hasCount(56 - 50);
		assertThat(this.page.locator("#members-first")).isVisible();

		for (Look look : LOOKS) {
			screenshotAs(admin, look, "/orgs/" + org + "/members", "accounts/org-members-paged-admin");
			screenshotAs(admin, look, "/orgs/" + org + "/members?q=silva", "accounts/org-members-filtered-admin");
		}
	}

}
