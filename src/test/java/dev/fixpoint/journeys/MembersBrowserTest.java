package dev.fixpoint.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A project admin brings a teammate in; the teammate finds the project on their own
 * project list.
 */
class MembersBrowserTest extends BrowserTest {

	@Test
	void anAdminAddsATeammateWhoThenSeesTheProject() {
		TestUser admin = this.api.newUser("Ada");
		TestUser teammate = this.api.newUser("Tom");
		String key = this.api.newProject(admin).get("key").asString();

		signIn(this.page, admin);
		open("/p/" + key + "/members");
		this.page.getByLabel("Email or username").fill(teammate.email());
		this.page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("developer");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member")).click();

		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText(teammate.name() + " was added as Developer.");
		Locator row = this.page.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions().setHasText(teammate.email()));
		assertThat(row.getByLabel("Role of " + teammate.name())).hasValue("developer");
		assertThat(this.page.getByText("2 people")).isVisible();

		Page theirs = anotherBrowser();
		signIn(theirs, teammate);
		theirs.navigate(baseUrl() + "/projects"); // signing in lands on My work; the
													// projects page shows the role
		Locator card = theirs.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Project " + key));
		assertThat(card).isVisible();
		assertThat(card).containsText("Developer");
		screenshot(theirs, "MembersBrowserTest-teammatesProjects");
	}

}
