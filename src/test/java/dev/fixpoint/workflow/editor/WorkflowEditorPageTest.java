package dev.fixpoint.workflow.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.HtmlForm;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow editor as a browser without JavaScript uses it: one big form posted back
 * with a button's op.
 */
class WorkflowEditorPageTest extends IntegrationTest {

	private TestUser ann;

	private String project;

	private String url;

	@BeforeEach
	void project() {
		this.ann = this.api.newUser("Ann");
		this.project = this.api.newProject(this.ann).get("key").asString();
		this.url = "/p/" + this.project + "/settings/workflow";
	}

	@Test
	void onlyProjectAdminsMayEditTheWorkflow() {
		TestUser dev = this.api.newUser("Dev");
		TestUser stranger = this.api.newUser("Stranger");
		this.api.addMember(this.ann, this.project, dev, "developer");

		BrowserSession developer = BrowserSession.signedIn(baseUrl(), this.api, dev);
		assertThat(developer.get(this.url).status()).isEqualTo(403);
		assertThat(developer.get("/p/" + this.project + "/bugs").body()).doesNotContain(this.url);
		assertThat(developer.post(this.url, Map.of("op", "save")).status()).isEqualTo(403);
		assertThat(BrowserSession.signedIn(baseUrl(), this.api, stranger).get(this.url).status()).isEqualTo(404);

		Page editor = admin().get(this.url);
		assertThat(editor.status()).isEqualTo(200);
		assertThat(editor.body()).contains("name=\"s.2.key\" value=\"in_review\"", "name=\"t.r0.r1.on\"",
				"href=\"" + this.url + "\"");
	}

	@Test
	void savingASimplerWorkflowAsksWhereTheBugsGoAndThenMovesThem() {
		String key = this.api.newBug(this.ann, this.project, "Checkout button does nothing", "critical")
			.get("key")
			.asString();
		this.api.patch("/api/bugs/" + key, this.ann.token(), Map.of("status", "in_progress"));
		this.api.patch("/api/bugs/" + key, this.ann.token(), Map.of("status", "in_review"));
		BrowserSession browser = admin();

		Page simple = browser.post(this.url, with(form(browser.get(this.url)), "op", "template", "template", "simple"),
				Map.of());
		assertThat(simple.status()).isEqualTo(200);
		assertThat(simple.body()).doesNotContain("value=\"in_review\"");

		Page asked = browser.post(this.url, with(form(simple), "op", "save"), Map.of());
		assertThat(asked.status()).isEqualTo(409);
		assertThat(asked.text()).contains("Where do their bugs go?", "in_review — 1 bug");
		assertThat(status(key)).isEqualTo("in_review");

		Page saved = browser.post(this.url, with(form(asked), "op", "save", "map.in_review", "in_progress"), Map.of());
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith(this.url + "?saved");
		assertThat(browser.get(this.url + "?saved").text()).contains("Workflow saved");

		assertThat(status(key)).isEqualTo("in_progress");
		JsonNode workflow = this.api.get("/api/projects/" + this.project + "/workflow", this.ann.token()).body();
		assertThat(workflow.get("statuses").findValuesAsString("key")).containsExactly("open", "in_progress",
				"resolved", "closed");
		JsonNode history = this.api.get("/api/bugs/" + key + "/history", this.ann.token()).body();
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.get("field").asString()).isEqualTo("status");
		assertThat(last.get("old_value").asString()).isEqualTo("in_review");
		assertThat(last.get("new_value").asString()).isEqualTo("in_progress");
	}

	@Test
	void twoInitialStatusesAreShownAsAProblemAndNothingChanges() {
		BrowserSession browser = admin();
		List<Map.Entry<String, String>> fields = form(browser.get(this.url));
		fields.add(Map.entry("initial", "r1"));

		Page page = browser.post(this.url, with(fields, "op", "save"), Map.of());

		assertThat(page.status()).isEqualTo(422);
		assertThat(page.text()).contains("Only one status can be initial");
		JsonNode workflow = this.api.get("/api/projects/" + this.project + "/workflow", this.ann.token()).body();
		assertThat(workflow.get("statuses").get(1).get("initial").asBoolean()).isFalse();
		assertThat(workflow.get("statuses")).hasSize(5);
	}

	@Test
	void structuralButtonsReRenderTheFormWithTheChange() {
		BrowserSession browser = admin();
		Page added = browser.post(this.url, with(form(browser.get(this.url)), "op", "add"), Map.of());
		assertThat(added.body()).contains("name=\"s.5.key\" value=\"status_1\"");

		Page moved = browser.post(this.url, with(form(added), "op", "up:r5"), Map.of());
		assertThat(moved.body()).contains("name=\"s.4.key\" value=\"status_1\"");

		Page removed = browser.post(this.url, with(form(moved), "op", "remove:r2"), Map.of());
		assertThat(removed.body()).doesNotContain("value=\"in_review\"").contains("name=\"s.4.key\" value=\"closed\"");
		// nothing is saved until Save
		assertThat(this.api.get("/api/projects/" + this.project + "/workflow", this.ann.token()).body().get("statuses"))
			.hasSize(5);
	}

	@Test
	void thePreviewShowsProblemsAndTheDiagram() {
		BrowserSession browser = admin();
		List<Map.Entry<String, String>> fields = form(browser.get(this.url));
		fields.removeIf(e -> e.getKey().equals("initial"));
		Page preview = browser.post(this.url + "/preview", fields, Map.of("HX-Request", "true"));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("id=\"workflow-preview\"").doesNotContain("<html");
		assertThat(preview.text()).contains("Mark one status as the initial status", "In Review", "Send to review");
	}

	private BrowserSession admin() {
		return BrowserSession.signedIn(baseUrl(), this.api, this.ann);
	}

	private static List<Map.Entry<String, String>> form(Page page) {
		return new ArrayList<>(HtmlForm.fields(page.body(), "wf-form"));
	}

	private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String... more) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		for (int i = 0; i < more.length; i += 2) {
			String name = more[i];
			all.removeIf(e -> e.getKey().equals(name));
			all.add(Map.entry(name, more[i + 1]));
		}
		return all;
	}

	private String status(String key) {
		return this.api.get("/api/bugs/" + key, this.ann.token()).body().get("status").asString();
	}

}
