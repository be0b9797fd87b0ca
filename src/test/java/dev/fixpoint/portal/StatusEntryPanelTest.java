package dev.fixpoint.portal;

import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing a bug on the status page from the bug page: the panel is loaded only for
 * project admins (the rule that lets them publish), others get 403 from its URLs; an
 * admin publishes, changes the wording and takes it down, with and without htmx.
 */
class StatusEntryPanelTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	PortalFixture portal;

	@BeforeEach
	void fixture() {
		this.portal = new PortalFixture(this.api, baseUrl(), this.context, this.clock);
	}

	@Test
	void onlyAdminsSeeAndUseThePanel() {
		PortalFixture.Project project = this.portal.openPortal(false);
		JsonNode bug = this.api.newBug(project.admin(), project.key(), "Login loop on Safari", "high");
		String key = bug.path("key").asString();
		for (String role : new String[] { "developer", "qa", "viewer" }) {
			TestUser member = this.api.newUser("p" + role);
			this.api.addMember(project.admin(), project.key(), member, role);
			BrowserSession session = BrowserSession.signedIn(baseUrl(), this.api, member);
			assertThat(session.get("/bugs/" + key).body()).as(role).doesNotContain("/bugs/" + key + "/status-entry");
			assertThat(session.htmxGet("/bugs/" + key + "/status-entry").status()).as(role).isEqualTo(403);
			assertThat(session.htmxPost("/bugs/" + key + "/status-entry", Map.of("public_title", "x")).status())
				.as(role)
				.isEqualTo(403);
		}
		assertThat(this.api.get("/api/status/" + project.orgSlug(), null).body().path("open")).isEmpty();
	}

	@Test
	void anAdminPublishesChangesAndTakesDownFromTheBugPage() {
		PortalFixture.Project project = this.portal.openPortal(false);
		JsonNode bug = this.api.newBug(project.admin(), project.key(), "NPE in CartService", "critical");
		String key = bug.path("key").asString();
		BrowserSession session = BrowserSession.signedIn(baseUrl(), this.api, project.admin());
		assertThat(session.get("/bugs/" + key).body()).contains("hx-get=\"/bugs/" + key + "/status-entry\"");

		BrowserSession.Page panel = session.htmxGet("/bugs/" + key + "/status-entry");
		assertThat(panel.status()).isEqualTo(200);
		assertThat(panel.body()).contains("Publish on the status page").contains("value=\"NPE in CartService\"");

		BrowserSession.Page refused = session.htmxPost("/bugs/" + key + "/status-entry",
				Map.of("public_title", " ", "eta", "soon"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text()).contains("must be a date");

		BrowserSession.Page published = session.htmxPost("/bugs/" + key + "/status-entry", Map.of("public_title",
				"Checkout <fails> for some", "public_note", "Retry works.", "eta", "2027-02-01"));
		assertThat(published.text()).contains("Published on the status page").contains("Save public wording");
		assertThat(published.body()).contains("Checkout &lt;fails&gt; for some");
		JsonNode entry = this.api.get("/api/status/" + project.orgSlug(), null).body().path("open").get(0);
		assertThat(entry.path("title").asString()).isEqualTo("Checkout <fails> for some");
		assertThat(entry.path("eta").asString()).isEqualTo("2027-02-01");

		BrowserSession.Page saved = session.post("/bugs/" + key + "/status-entry",
				Map.of("public_title", "Checkout fails for some", "public_note", "Fixed soon.", "eta", ""));
		assertThat(saved.isRedirectTo("/bugs/" + key + "#status-entry")).as(saved.location()).isTrue();
		assertThat(this.api.get("/api/status/" + project.orgSlug(), null)
			.body()
			.path("open")
			.get(0)
			.path("note")
			.asString()).isEqualTo("Fixed soon.");

		BrowserSession.Page down = session.htmxPost("/bugs/" + key + "/status-entry/delete", Map.of());
		assertThat(down.text()).contains("Taken off the status page");
		assertThat(this.api.get("/api/status/" + project.orgSlug(), null).body().path("open")).isEmpty();
	}

}
