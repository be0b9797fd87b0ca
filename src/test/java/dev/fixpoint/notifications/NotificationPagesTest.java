package dev.fixpoint.notifications;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification center, preferences, watch box and unsubscribe pages without
 * JavaScript.
 */
class NotificationPagesTest extends IntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	UnsubscribeTokens tokens;

	private TestUser admin, dev;

	private String key, bugA, bugB;

	@BeforeEach
	void project() {
		this.admin = this.api.newUser("Admin");
		this.dev = this.api.newUser("Dev");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.key, this.dev, "developer");
		this.bugA = this.api.newBug(this.admin, this.key, "Login <b>fails</b>", "high").get("key").asString();
		this.bugB = this.api.newBug(this.admin, this.key, "Logout hangs", "low").get("key").asString();
		for (String bug : List.of(this.bugA, this.bugB)) {
			this.api.patch("/api/bugs/" + bug, this.admin.token(), Map.of("assignee_id", this.dev.id().toString()));
		}
		this.api.post("/api/bugs/" + this.bugA + "/comments", this.admin.token(),
				Map.of("content", "Please look, @" + this.dev.username()));
	}

	@Test
	void theCenterGroupsByBugAndMarksRead() {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		BrowserSession.Page page = browser.get("/notifications");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Login &lt;b&gt;fails&lt;/b&gt;").doesNotContain("<b>fails</b>");
		assertThat(page.text()).contains("3 unread", "assigned " + this.bugA + " to you",
				"mentioned you in a comment on " + this.bugA, "assigned " + this.bugB + " to you");
		// grouped: bug A's card holds both of its notifications
		assertThat(page.body().split("class=\"card notif-group").length - 1).isEqualTo(2);

		BrowserSession.Page marked = browser.post("/notifications/read", Map.of("all", "true"));
		assertThat(marked.isRedirectTo("/notifications")).isTrue();
		BrowserSession.Page after = browser.follow(marked);
		assertThat(after.text()).contains("3 notifications marked read.", "No unread notifications");
		assertThat(browser.get("/notifications?unread=true").text()).contains("You are all caught up");

		BrowserSession.Page htmx = browser.htmxPost("/notifications/read", Map.of("all", "true"));
		assertThat(htmx.body()).startsWith("<section id=\"notification-list\"").doesNotContain("<html");
	}

	@Test
	void preferencesAreSavedAndErrorsShownInline() {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		BrowserSession.Page form = browser.get("/settings/notifications");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.text()).contains("Assigned to you", "SLA warnings and breaches", "Digest");

		BrowserSession.Page saved = browser.post("/settings/notifications",
				Map.of("email.assigned", "instant", "email.comment", "off", "digest", "weekly", "digest_day", "friday",
						"digest_hour", "7", "time_zone", "Europe/Paris"));
		assertThat(saved.isRedirectTo("/settings/notifications")).isTrue();
		assertThat(browser.follow(saved).text()).contains("Email preferences saved.");
		var json = this.api.get("/api/me/notification-preferences", this.dev.token()).body();
		assertThat(json.get("email").get("assigned").asString()).isEqualTo("instant");
		assertThat(json.get("email").get("comment").asString()).isEqualTo("off");
		assertThat(json.get("time_zone").asString()).isEqualTo("Europe/Paris");

		BrowserSession.Page bad = browser.post("/settings/notifications",
				Map.of("email.assigned", "loud", "time_zone", "Nowhere/Land", "digest_hour", "7"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("must be instant, digest or off", "is not a known time zone");
	}

	@Test
	void theBugPageLoadsAWatchBoxThatWatchesAndMutes() {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		assertThat(browser.get("/bugs/" + this.bugA).body()).contains("hx-get=\"/bugs/" + this.bugA + "/watch\"");
		BrowserSession.Page box = browser.htmxGet("/bugs/" + this.bugA + "/watch");
		assertThat(box.text()).contains("Watching, as its assignee.");
		BrowserSession.Page muted = browser.htmxPost("/bugs/" + this.bugA + "/watch", Map.of("action", "mute"));
		assertThat(muted.text()).contains("Muted: you get no notifications about this bug.", "Unmute");
		BrowserSession.Page plain = browser.post("/bugs/" + this.bugA + "/watch", Map.of("action", "unmute"));
		assertThat(plain.isRedirectTo("/bugs/" + this.bugA)).isTrue();
		assertThat(browser.get("/bugs/" + this.bugA + "/watch").text()).contains("Fixpoint", "Watching");

		TestUser outsider = this.api.newUser("Outsider");
		BrowserSession stranger = BrowserSession.signedIn(baseUrl(), this.api, outsider);
		assertThat(stranger.htmxGet("/bugs/" + this.bugA + "/watch").status()).isEqualTo(404);
	}

	@Test
	void unsubscribeAsksFirstThenTurnsTheEmailOff() {
		BrowserSession anonymous = BrowserSession.anonymous(baseUrl(), this.api);
		assertThat(anonymous.get("/unsubscribe/not-a-token").status()).isEqualTo(404);
		String token = this.tokens.sign(this.dev.id(), NotificationKind.COMMENT);

		BrowserSession.Page ask = anonymous.get("/unsubscribe/" + token);
		assertThat(ask.status()).isEqualTo(200);
		assertThat(ask.text()).contains("Unsubscribe?", "Comments");
		assertThat(this.api.get("/api/me/notification-preferences", this.dev.token())
			.body()
			.get("email")
			.get("comment")
			.asString()).as("opening the link changes nothing").isEqualTo("digest");

		BrowserSession.Page done = anonymous.post("/unsubscribe/" + token, Map.of());
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.text()).contains("Unsubscribed", "You no longer get email for Comments");
		var email = this.api.get("/api/me/notification-preferences", this.dev.token()).body().get("email");
		assertThat(email.get("comment").asString()).isEqualTo("off");
		assertThat(email.get("assigned").asString()).isEqualTo("digest");
	}

}
