package dev.fixpoint.bugs.relations;

import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Relations section per role, with and without htmx. */
class RelationsPagesTest extends IntegrationTest {

	private TestUser ann, viewer, qa;

	private String key, a, b;

	@BeforeEach
	void project() {
		this.ann = this.api.newUser("Ann");
		this.viewer = this.api.newUser("Vic");
		this.qa = this.api.newUser("Quinn");
		this.key = this.api.newProject(this.ann).get("key").asString();
		this.api.addMember(this.ann, this.key, this.viewer, "viewer");
		this.api.addMember(this.ann, this.key, this.qa, "qa");
		this.a = this.api.newBug(this.ann, this.key, "Checkout hangs", "high").get("key").asString();
		this.b = this.api.newBug(this.ann, this.key, "Payment provider timeout", "critical").get("key").asString();
		this.api.post("/api/bugs/" + this.a + "/links", this.ann.token(),
				Map.of("type", "blocked_by", "target", this.b));
	}

	@Test
	void viewersAndQaSeeTheRelationsWithoutControls() {
		for (TestUser reader : new TestUser[] { this.viewer, this.qa }) {
			BrowserSession session = BrowserSession.signedIn(baseUrl(), this.api, reader);
			assertThat(session.get("/bugs/" + this.a).body()).contains("/bugs/" + this.a + "/relations");
			BrowserSession.Page section = session.htmxGet("/bugs/" + this.a + "/relations");
			assertThat(section.status()).isEqualTo(200);
			assertThat(section.text()).contains("Blocked by").contains(this.b).contains("Payment provider timeout");
			assertThat(section.body()).doesNotContain("relation-add").doesNotContain("Remove");
			assertThat(
					session.post("/bugs/" + this.a + "/relations", Map.of("type", "blocks", "target", this.b)).status())
				.isEqualTo(403);
			assertThat(this.api.get("/api/bugs/" + this.a + "/links", this.ann.token()).body()).hasSize(1);
		}
	}

	@Test
	void anAdminLinksAndUnlinksFromTheSectionWithoutJavaScript() {
		BrowserSession session = BrowserSession.signedIn(baseUrl(), this.api, this.ann);
		BrowserSession.Page page = session.get("/bugs/" + this.a + "/relations");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("relation-add").contains("Remove");
		String c = this.api.newBug(this.ann, this.key, "Refund emails", "low").get("key").asString();
		BrowserSession.Page linked = session.post("/bugs/" + this.a + "/relations",
				Map.of("type", "relates_to", "target", c.toLowerCase(java.util.Locale.ROOT)));
		assertThat(linked.isRedirectTo("/bugs/" + this.a + "#relations")).as(linked.location()).isTrue();
		assertThat(session.get("/bugs/" + c + "/relations").text()).contains("Related").contains(this.a);

		// a bug nobody here can see is named in the form, not an error page
		BrowserSession.Page unknown = session.htmxPost("/bugs/" + this.a + "/relations",
				Map.of("type", "blocks", "target", "NOPE-1"));
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.text()).contains("no bug NOPE-1 in your projects");
		// a cycle is told with its path
		BrowserSession.Page loop = session.htmxPost("/bugs/" + this.a + "/relations",
				Map.of("type", "blocks", "target", this.b));
		assertThat(loop.text()).contains(this.a + " → " + this.b + " → " + this.a);
	}

	@Test
	void thePickerFindsBugsByKeyOrTitle() {
		BrowserSession session = BrowserSession.signedIn(baseUrl(), this.api, this.ann);
		assertThat(session.htmxGet("/bugs/" + this.a + "/relations/candidates?target=" + this.b).body())
			.contains("value=\"" + this.b + "\"");
		assertThat(session.htmxGet("/bugs/" + this.a + "/relations/candidates?target=payment").body())
			.contains("Payment provider timeout");
	}

}
