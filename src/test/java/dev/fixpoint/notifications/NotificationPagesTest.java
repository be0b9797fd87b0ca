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
	void theCenterTriagesWithoutJavaScript() {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		BrowserSession.Page mentions = browser.get("/notifications?filter=mentions");
		assertThat(mentions.text()).contains("mentioned you in a comment on " + this.bugA)
			.doesNotContain("assigned " + this.bugB + " to you");
		assertThat(mentions.body()).contains("name=\"filter\" value=\"mentions\"");

		String bugBIds = ids(browser.get("/notifications").body(), this.bugB);
		BrowserSession.Page done = browser.post("/notifications/done",
				Map.of("ids", bugBIds, "key", this.bugB, "folder", "inbox", "filter", "all"));
		assertThat(done.isRedirectTo("/notifications")).isTrue();
		BrowserSession.Page inbox = browser.follow(done);
		assertThat(inbox.text()).contains(this.bugB + " done.").doesNotContain("assigned " + this.bugB + " to you");
		assertThat(browser.get("/notifications?folder=done").text()).contains("assigned " + this.bugB + " to you",
				"Back to inbox");

		String bugAIds = ids(inbox.body(), this.bugA);
		BrowserSession.Page snoozed = browser.htmxPost("/notifications/snooze",
				Map.of("ids", bugAIds, "key", this.bugA, "choice", "next_week", "folder", "inbox"));
		assertThat(snoozed.body()).startsWith("<section id=\"notification-list\"");
		assertThat(snoozed.text()).contains(this.bugA + " snoozed: Next week, Monday 09:00.", "No notifications yet");
		assertThat(browser.get("/notifications?folder=snoozed").text())
			.contains("mentioned you in a comment on " + this.bugA, "until ");

		BrowserSession.Page restored = browser.post("/notifications/restore",
				Map.of("ids", bugAIds, "key", this.bugA, "folder", "snoozed"));
		assertThat(restored.isRedirectTo("/notifications?folder=snoozed")).isTrue();
		assertThat(browser.follow(restored).text()).contains(this.bugA + " back in the inbox.", "Nothing snoozed");
		assertThat(browser.get("/notifications").text()).contains("mentioned you in a comment on " + this.bugA);
		assertThat(browser.get("/notifications?filter=nonsense").status()).isEqualTo(400);
	}

	/** The ids in the bug's "Done" form, comma-separated (a repeated parameter). */
	private static String ids(String body, String bugKey) {
		org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(body);
		org.jsoup.nodes.Element form = doc
			.selectFirst("form[action=\"/notifications/done\"]:has(input[value=\"" + bugKey + "\"])");
		assertThat(form).as("the Done form of " + bugKey).isNotNull();
		return String.join(",", form.select("input[name=ids]").eachAttr("value"));
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
