package dev.fixpoint.bugs.page;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Comments on the bug page, as a browser without JavaScript and as htmx see them. */
class CommentPagesTest extends IntegrationTest {

	private TestUser ann;

	private String project;

	private String key;

	private BrowserSession browser;

	@BeforeEach
	void aBugAndItsAdmin() {
		this.ann = this.api.newUser("Ann");
		this.project = this.api.newProject(this.ann).get("key").asString();
		this.key = this.api.newBug(this.ann, this.project, "Checkout button does nothing", "high")
			.get("key")
			.asString();
		this.browser = BrowserSession.signedIn(baseUrl(), this.api, this.ann);
	}

	@Test
	void commentPostedThroughTheFormIsShownOnThePage() {
		this.browser.get("/bugs/" + this.key);
		Page posted = this.browser.post("/bugs/" + this.key + "/comments",
				Map.of("content", "Happens on **every** try, see " + this.key));
		assertThat(posted.status()).isEqualTo(302);
		assertThat(posted.header("Location")).matches(".*/bugs/" + this.key + "#comment-[0-9a-f-]{36}");

		Page page = this.browser.get("/bugs/" + this.key);
		assertThat(page.body()).contains("Happens on <strong>every</strong> try", "class=\"bug-ref\"");
		assertThat(page.text()).contains("Ann").doesNotContain("commented"); // the
																				// comment,
																				// not a
																				// history
																				// line
																				// about
																				// it
	}

	@Test
	void htmxPostGetsOnlyTheActivityWithTheNewCommentAndAnEmptyForm() {
		this.browser.get("/bugs/" + this.key);
		Page fragment = this.browser.post("/bugs/" + this.key + "/comments", Map.of("content", "Fixed in _staging_"),
				Map.of("HX-Request", "true"));
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("id=\"bug-activity\"", "Fixed in <em>staging</em>")
			.doesNotContain("<html", "id=\"bug\"");
		assertThat(fragment.body()).containsPattern("id=\"new-comment-content\"[^>]*>\\s*</textarea>");
	}

	@Test
	void emptyCommentIsRefusedInlineAndATooLongOneKeepsItsText() {
		this.browser.get("/bugs/" + this.key);
		Page empty = this.browser.post("/bugs/" + this.key + "/comments", Map.of("content", "   "));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.text()).contains("Comment is required");

		String tooLong = "x".repeat(65_537);
		Page htmx = this.browser.post("/bugs/" + this.key + "/comments", Map.of("content", tooLong),
				Map.of("HX-Request", "true"));
		assertThat(htmx.status()).isEqualTo(200);
		assertThat(htmx.text()).contains("Comment must be at most 65,536 characters");
		assertThat(htmx.body()).contains(">" + tooLong + "</textarea>");
		assertThat(this.api.get("/api/bugs/" + this.key + "/comments", this.ann.token()).body().get("items").size())
			.isZero();
	}

	@Test
	void previewRendersMarkdownLikeACommentAndStripsScripts() {
		this.browser.get("/bugs/" + this.key);
		Page preview = this.browser.post("/bugs/" + this.key + "/comments/preview",
				Map.of("content", "**bold** <script>alert(1)</script> @" + this.ann.username() + " " + this.key),
				Map.of("HX-Request", "true"));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("<strong>bold</strong>", "class=\"mention\"", "class=\"bug-ref\"")
			.doesNotContain("<script", "<html");
	}

	@Test
	void viewerSeesNoCommentFormAndNoInternalNoteWhileQaSeesTheNoteWithItsBadge() {
		TestUser vic = this.api.newUser("Vic");
		TestUser quinn = this.api.newUser("Qa");
		this.api.addMember(this.ann, this.project, vic, "viewer");
		this.api.addMember(this.ann, this.project, quinn, "qa");
		comment(this.ann, Api.body("content", "Customer is ACME, keep quiet", "is_internal", true));
		comment(this.ann, Api.body("content", "Public update"));

		Page viewer = BrowserSession.signedIn(baseUrl(), this.api, vic).get("/bugs/" + this.key);
		assertThat(viewer.text()).contains("Public update").doesNotContain("ACME", "Internal note");
		assertThat(viewer.body()).doesNotContain("action=\"/bugs/" + this.key + "/comments\"", "badge-internal");

		Page qa = BrowserSession.signedIn(baseUrl(), this.api, quinn).get("/bugs/" + this.key);
		assertThat(qa.text()).contains("Customer is ACME, keep quiet", "Internal note");
		assertThat(qa.body()).contains("comment-internal", "badge-internal", "name=\"internal\"");
	}

	@Test
	void authorEditsAndDeletesTheirComment() {
		String id = comment(this.ann, Api.body("content", "First tought")).get("id").asString();
		this.browser.get("/bugs/" + this.key);
		Page form = this.browser.get("/bugs/" + this.key + "/comments/" + id + "/edit", Map.of("HX-Request", "true"));
		assertThat(form.body()).contains("id=\"comment-" + id + "\"", ">First tought</textarea>")
			.doesNotContain("<html");

		Page saved = this.browser.post("/bugs/" + this.key + "/comments/" + id, Map.of("content", "First thought"),
				Map.of("HX-Request", "true"));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.text()).contains("First thought", "edited").doesNotContain("tought");

		Page deleted = this.browser.post("/bugs/" + this.key + "/comments/" + id + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		Page page = this.browser.get("/bugs/" + this.key);
		assertThat(page.text()).doesNotContain("First thought").contains("deleted a comment", "edited a comment");
	}

	@Test
	void othersGetNoEditControlsAndA403WhenPostingAnyway() {
		TestUser dev = this.api.newUser("Dev");
		TestUser quinn = this.api.newUser("Qa");
		this.api.addMember(this.ann, this.project, dev, "developer");
		this.api.addMember(this.ann, this.project, quinn, "qa");
		String id = comment(dev, Api.body("content", "Mine")).get("id").asString();

		BrowserSession qa = BrowserSession.signedIn(baseUrl(), this.api, quinn);
		Page page = qa.get("/bugs/" + this.key);
		assertThat(page.text()).contains("Mine");
		assertThat(page.body()).doesNotContain("/comments/" + id + "/edit", "/comments/" + id + "/delete");
		assertThat(qa.post("/bugs/" + this.key + "/comments/" + id, Map.of("content", "Not mine")).status())
			.isEqualTo(403);
		assertThat(qa.post("/bugs/" + this.key + "/comments/" + id + "/delete", Map.of()).status()).isEqualTo(403);
		assertThat(qa.get("/bugs/" + this.key + "/comments/" + id + "/edit").status()).isEqualTo(403);

		// the project admin may
		assertThat(this.browser.get("/bugs/" + this.key).body()).contains("/comments/" + id + "/edit");
	}

	@Test
	void repliesAreIndentedUnderTheirCommentWhichShowsAsDeletedWhenRemoved() {
		String top = comment(this.ann, Api.body("content", "Top")).get("id").asString();
		this.browser.get("/bugs/" + this.key);
		Page replied = this.browser.post("/bugs/" + this.key + "/comments",
				Map.of("content", "A reply", "parent_id", top));
		assertThat(replied.status()).isEqualTo(302);
		this.api.delete("/api/comments/" + top, this.ann.token());

		Page page = this.browser.get("/bugs/" + this.key);
		assertThat(page.body()).containsPattern(
				"(?s)id=\"comment-" + top + "\".*This comment was deleted.*class=\"comment-replies\".*A reply");
	}

	@Test
	void timelineInterleavesAStatusChangeBetweenTwoComments() {
		comment(this.ann, Api.body("content", "Before the change"));
		assertThat(this.api.patch("/api/bugs/" + this.key, this.ann.token(), Map.of("status", "in_progress")).status())
			.isEqualTo(200);
		comment(this.ann, Api.body("content", "After the change"));

		String text = this.browser.get("/bugs/" + this.key).text();
		int reported = text.indexOf("reported this bug");
		int before = text.indexOf("Before the change");
		int status = text.indexOf("changed status from Open to In Progress");
		int after = text.indexOf("After the change");
		assertThat(reported).isNotNegative().isLessThan(before);
		assertThat(before).isLessThan(status);
		assertThat(status).isLessThan(after);
	}

	@Test
	void reportTextsAreRenderedAsMarkdown() {
		String bug = this.api
			.post("/api/projects/" + this.project + "/bugs", this.ann.token(),
					Map.of("title", "Markdown report", "severity", "low", "description",
							"Fails with `NullPointerException`", "steps_to_reproduce", "1. Open\n2. Click <b>pay</b>"))
			.body()
			.get("key")
			.asString();
		Page page = this.browser.get("/bugs/" + bug);
		assertThat(page.body()).contains("<code>NullPointerException</code>", "<ol>", "&lt;b&gt;pay&lt;/b&gt;")
			.doesNotContain("<b>pay</b>");
	}

	private JsonNode comment(TestUser author, Map<String, Object> body) {
		Api.Response r = this.api.post("/api/bugs/" + this.key + "/comments", author.token(), body);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body();
	}

}
