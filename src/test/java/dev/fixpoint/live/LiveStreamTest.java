package dev.fixpoint.live;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.SseLines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live pages over real HTTP: the bug and project streams fed by the {@code live} outbox
 * consumer through PostgreSQL NOTIFY, and presence.
 */
class LiveStreamTest extends IntegrationTest {

	@Autowired
	LiveStreams streams;

	@Autowired
	JdbcClient jdbc;

	private TestUser admin;

	private TestUser dev;

	private String project;

	private String bug;

	@BeforeEach
	void setUp() {
		this.admin = this.api.newPerson("Dora Admin");
		this.dev = this.api.newPerson("Eli Dev");
		this.project = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.project, this.dev, "developer");
		this.bug = this.api.newBug(this.admin, this.project, "Live page", "high").get("key").asString();
	}

	@Test
	void aBugsViewerHearsWhoChangedWhatAndTheirOwnChangesAreMarked() throws Exception {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		HttpResponse<Stream<String>> stream = browser.openStream("/bugs/" + this.bug + "/live?tab=t-1");
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
		try (Stream<String> lines = stream.body()) {
			SseLines events = new SseLines(lines.iterator(), this.json);
			events.next("hello");

			patch(this.admin, Map.of("priority", "P1", "severity", "critical"));
			JsonNode changed = events.next("changed");
			assertThat(changed.get("key").asString()).isEqualTo(this.bug);
			assertThat(changed.get("by").asString()).isEqualTo("Dora Admin");
			assertThat(changed.get("self").asBoolean()).isFalse();
			assertThat(changed.get("fields").values()).extracting(JsonNode::asString).contains("priority", "severity");

			patch(this.dev, Map.of("priority", "P0"));
			JsonNode mine = events.next("changed");
			assertThat(mine.get("self").asBoolean()).isTrue();
			assertThat(mine.get("by").asString()).isEqualTo("Eli Dev");
		}
	}

	@Test
	void aPageThatMissedAChangeBeforeItsStreamOpenedIsToldToFetchAgainAtOnce() throws Exception {
		// the page was read at this version; a change committed, and was announced to no
		// one, before the page's stream opened
		long read = version();
		patch(this.admin, Map.of("priority", "P1"));
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		try (Stream<String> lines = browser.openStream("/bugs/" + this.bug + "/live?tab=t-2&version=" + read).body()) {
			SseLines events = new SseLines(lines.iterator(), this.json);
			events.next("hello");
			// (the change's own notice may still reach this stream first)
			assertThat(events.next("changed", c -> c.has("resync")).get("resync").asBoolean()).isTrue();
		}
	}

	@Test
	void aPageAsNewAsTheBugHearsOnlyOfLaterChanges() throws Exception {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		try (Stream<String> lines = browser.openStream("/bugs/" + this.bug + "/live?tab=t-3&version=" + version())
			.body()) {
			SseLines events = new SseLines(lines.iterator(), this.json);
			events.next("hello");
			patch(this.admin, Map.of("severity", "critical"));
			JsonNode first = events.next("changed");
			assertThat(first.has("resync")).isFalse();
			assertThat(first.get("fields").values()).extracting(JsonNode::asString).contains("severity");
		}
	}

	/**
	 * A comment does not change the bug's version: the page's count of history entries
	 * (read before its comments) tells the stream that one committed, and was announced
	 * to no one, before the stream opened.
	 */
	@Test
	void aPageThatMissedACommentBeforeItsStreamOpenedIsToldToFetchAgainAtOnce() throws Exception {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		String read = pageMarks(browser);
		long version = version();
		comment(this.admin, "Seen it on staging too");
		assertThat(version()).as("a comment leaves the version as it is").isEqualTo(version);

		assertThat(resync(browser, "t-4", read)).isTrue();
	}

	@Test
	void aPageThatMissedACommentEditedOrDeletedBeforeItsStreamOpenedIsToldToFetchAgain() throws Exception {
		String comment = comment(this.admin, "Seen it on staging");
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);

		String beforeEdit = pageMarks(browser);
		assertThat(this.api
			.patch("/api/comments/" + comment, this.admin.token(), Map.of("content", "Seen it on staging and live"))
			.status()).isEqualTo(200);
		assertThat(resync(browser, "t-5", beforeEdit)).isTrue();

		String beforeDelete = pageMarks(browser);
		assertThat(this.api.delete("/api/comments/" + comment, this.admin.token()).status()).isEqualTo(204);
		assertThat(resync(browser, "t-6", beforeDelete)).isTrue();
	}

	@Test
	void aPageAsNewAsItsCommentsHearsOnlyOfLaterChanges() throws Exception {
		comment(this.admin, "Seen it on staging");
		this.api.post("/api/bugs/" + this.bug + "/comments", this.admin.token(),
				Map.of("content", "Only the team", "is_internal", true));
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		try (Stream<String> lines = browser.openStream("/bugs/" + this.bug + "/live?tab=t-7" + pageMarks(browser))
			.body()) {
			SseLines events = new SseLines(lines.iterator(), this.json);
			events.next("hello");
			patch(this.admin, Map.of("severity", "critical"));
			JsonNode first = events.next("changed",
					c -> c.has("resync") || c.get("fields").toString().contains("severity"));
			assertThat(first.has("resync")).isFalse();
		}
	}

	@Test
	void aCommentEveryoneMayReadIsAnnouncedAnInternalNoteIsNot() throws Exception {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		try (Stream<String> lines = browser.openStream("/bugs/" + this.bug + "/live").body()) {
			SseLines events = new SseLines(lines.iterator(), this.json);
			events.next("hello");
			assertThat(this.api
				.post("/api/bugs/" + this.bug + "/comments", this.admin.token(),
						Map.of("content", "Only the team", "is_internal", true))
				.status()).isEqualTo(201);
			assertThat(this.api
				.post("/api/bugs/" + this.bug + "/comments", this.admin.token(), Map.of("content", "Seen it too"))
				.status()).isEqualTo(201);

			// the first change announced is the public comment: the internal note made
			// none
			JsonNode changed = events.next("changed");
			assertThat(changed.get("fields").values()).extracting(JsonNode::asString).containsExactly("comment");
		}
	}

	@Test
	void anEditedOrDeletedCommentIsAnnouncedToTheOpenPageAnInternalNotesIsNot() throws Exception {
		String comment = comment(this.admin, "Seen it on staging");
		Api.Response note = this.api.post("/api/bugs/" + this.bug + "/comments", this.admin.token(),
				Map.of("content", "Only the team", "is_internal", true));
		assertThat(note.status()).isEqualTo(201);
		String noteId = note.body().get("id").asString();
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		try (Stream<String> lines = browser.openStream("/bugs/" + this.bug + "/live").body()) {
			SseLines events = new SseLines(lines.iterator(), this.json);
			events.next("hello");

			assertThat(this.api
				.patch("/api/comments/" + noteId, this.admin.token(), Map.of("content", "Only the team, really"))
				.status()).isEqualTo(200);
			assertThat(this.api
				.patch("/api/comments/" + comment, this.admin.token(), Map.of("content", "Seen it on staging and live"))
				.status()).isEqualTo(200);
			// the first change announced is the public comment's edit: the note's made
			// none
			JsonNode edited = events.next("changed");
			assertThat(edited.get("fields").values()).extracting(JsonNode::asString).containsExactly("comment");
			assertThat(edited.get("by").asString()).isEqualTo("Dora Admin");

			assertThat(this.api.delete("/api/comments/" + noteId, this.admin.token()).status()).isEqualTo(204);
			assertThat(this.api.delete("/api/comments/" + comment, this.admin.token()).status()).isEqualTo(204);
			JsonNode deleted = events.next("changed");
			assertThat(deleted.get("fields").values()).extracting(JsonNode::asString).containsExactly("comment");
			assertThat(deleted.has("resync")).isFalse();
		}
	}

	@Test
	void aProjectStreamHearsOfEveryBugOfItsProject() throws Exception {
		String other = this.api.newBug(this.admin, this.project, "Another one", "low").get("key").asString();
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		try (Stream<String> lines = browser.openStream("/p/" + this.project + "/live").body()) {
			SseLines events = new SseLines(lines.iterator(), this.json);
			events.next("hello");
			patch(this.admin, Map.of("severity", "low"));
			assertThat(events.next("changed").get("key").asString()).isEqualTo(this.bug);
			assertThat(this.api
				.patch("/api/bugs/" + other, this.admin.token(), Map.of("assignee_id", this.dev.id().toString()))
				.status()).isEqualTo(200);
			JsonNode assigned = events.next("changed");
			assertThat(assigned.get("key").asString()).isEqualTo(other);
			assertThat(assigned.get("fields").values()).extracting(JsonNode::asString).contains("assignee");
		}
	}

	@Test
	void aFilteredListHearsOnlyOfNewBugsThatPassItsFilters() throws Exception {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		try (Stream<String> critical = browser.openStream("/p/" + this.project + "/live?severity=critical").body();
				Stream<String> everything = browser.openStream("/p/" + this.project + "/live").body()) {
			SseLines criticalEvents = new SseLines(critical.iterator(), this.json);
			SseLines allEvents = new SseLines(everything.iterator(), this.json);
			criticalEvents.next("hello");
			allEvents.next("hello");

			String low = this.api.newBug(this.admin, this.project, "Typo in footer", "low").get("key").asString();
			String crash = this.api.newBug(this.admin, this.project, "Crash on save", "critical").get("key").asString();

			JsonNode any = allEvents.next("created");
			assertThat(any.get("key").asString()).isEqualTo(low);
			assertThat(any.get("by").asString()).isEqualTo("Dora Admin");
			assertThat(any.get("self").asBoolean()).isFalse();
			assertThat(allEvents.next("created").get("key").asString()).isEqualTo(crash);
			// the low one did not pass: the first new bug this list hears of is the crash
			assertThat(criticalEvents.next("created").get("key").asString()).isEqualTo(crash);
		}
	}

	@Test
	void aListHearsWhetherAChangedBugNowPassesItsFilters() throws Exception {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		try (Stream<String> lines = browser.openStream("/p/" + this.project + "/live?assignee=me&cursor=x").body()) {
			SseLines events = new SseLines(lines.iterator(), this.json);
			events.next("hello");
			patch(this.admin, Map.of("severity", "low"));
			assertThat(events.next("changed").get("matches").asBoolean()).isFalse();
			patch(this.admin, Map.of("assignee_id", this.dev.id().toString()));
			JsonNode mine = events.next("changed");
			assertThat(mine.get("key").asString()).isEqualTo(this.bug);
			assertThat(mine.get("matches").asBoolean()).isTrue();
		}
	}

	@Test
	void viewersSeeEachOtherComeAndGo() throws Exception {
		BrowserSession dora = BrowserSession.signedIn(baseUrl(), this.api, this.admin);
		BrowserSession eli = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		try (Stream<String> doraLines = dora.openStream("/bugs/" + this.bug + "/live?tab=dora-tab").body()) {
			SseLines doras = new SseLines(doraLines.iterator(), this.json);
			assertThat(names(doras.next("presence"))).isEmpty();

			try (Stream<String> eliLines = eli.openStream("/bugs/" + this.bug + "/live?tab=eli-tab").body()) {
				SseLines elis = new SseLines(eliLines.iterator(), this.json);
				assertThat(names(elis.next("presence", p -> !names(p).isEmpty()))).containsExactly("Dora Admin");
				assertThat(names(doras.next("presence", p -> !names(p).isEmpty()))).containsExactly("Eli Dev");

				// the tab closes: its page sends the beacon
				eli.get("/bugs/" + this.bug);
				assertThat(eli.post("/bugs/" + this.bug + "/live/leave", Map.of("tab", "eli-tab")).status())
					.isEqualTo(204);
				assertThat(names(doras.next("presence"))).isEmpty();
			}
		}
	}

	@Test
	void aNodeThatStopsBeatingIsForgotten() throws Exception {
		UUID bugId = UUID
			.fromString(this.api.get("/api/bugs/" + this.bug, this.admin.token()).body().get("id").asString());
		BrowserSession dora = BrowserSession.signedIn(baseUrl(), this.api, this.admin);
		try (Stream<String> lines = dora.openStream("/bugs/" + this.bug + "/live").body()) {
			SseLines events = new SseLines(lines.iterator(), this.json);
			events.next("hello");
			// another node announces Eli, then goes silent (crashed, cut off)
			this.streams.seen("node-that-dies", bugId, Set.of(this.dev.id()));
			assertThat(names(events.next("presence", p -> !names(p).isEmpty()))).containsExactly("Eli Dev");

			this.clock.advance(Presence.EXPIRY.plus(Duration.ofSeconds(1)));
			this.streams.heartbeat();
			// (this node's own announcement of Dora may still arrive in between: events
			// are read until Eli is gone)
			assertThat(names(events.next("presence", p -> !names(p).contains("Eli Dev")))).isEmpty();
		}
	}

	@Test
	void openStreamsHoldNoDatabaseConnectionOneListenerServesThemAll() throws Exception {
		int listeners = listeningBackends();
		assertThat(listeners).as("this node's one LISTEN connection").isPositive();
		List<Stream<String>> open = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				BrowserSession viewer = BrowserSession.signedIn(baseUrl(), this.api,
						i % 2 == 0 ? this.dev : this.admin);
				Stream<String> lines = viewer.openStream("/bugs/" + this.bug + "/live?tab=t" + i).body();
				open.add(lines);
				new SseLines(lines.iterator(), this.json).next("hello");
			}
			assertThat(listeningBackends()).isEqualTo(listeners);
		}
		finally {
			open.forEach(Stream::close);
		}
	}

	@Test
	void onlyThoseWhoMaySeeTheBugMayFollowIt() {
		TestUser outsider = this.api.newUser("Outsider");
		BrowserSession stranger = BrowserSession.signedIn(baseUrl(), this.api, outsider);
		assertThat(stranger.get("/bugs/" + this.bug + "/live").status()).isEqualTo(404);
		assertThat(stranger.get("/p/" + this.project + "/live").status()).isEqualTo(404);
		assertThat(BrowserSession.anonymous(baseUrl(), this.api).get("/bugs/" + this.bug + "/live").status())
			.isEqualTo(302);
	}

	/** Database sessions that are listening for notices (their last statement). */
	private int listeningBackends() {
		return this.jdbc.sql("select count(*) from pg_stat_activity where query like 'listen %'")
			.query(Integer.class)
			.single();
	}

	/**
	 * The bug page as the browser reads it: its {@code data-version} and its activity's
	 * {@code data-history}, as live.js passes them to the stream.
	 */
	private String pageMarks(BrowserSession browser) {
		String page = browser.get("/bugs/" + this.bug).body();
		java.util.regex.Matcher version = java.util.regex.Pattern.compile("data-version=\"(\\d+)\"").matcher(page);
		java.util.regex.Matcher history = java.util.regex.Pattern.compile("data-history=\"(\\d+)\"").matcher(page);
		assertThat(version.find() && history.find()).as("the page's marks").isTrue();
		return "&version=" + version.group(1) + "&history=" + history.group(1);
	}

	/**
	 * Whether a stream opened with a page's marks is told at once to fetch the page
	 * again.
	 */
	private boolean resync(BrowserSession browser, String tab, String marks) throws Exception {
		try (Stream<String> lines = browser.openStream("/bugs/" + this.bug + "/live?tab=" + tab + marks).body()) {
			SseLines events = new SseLines(lines.iterator(), this.json);
			events.next("hello");
			// (a comment's own notice may still reach this stream first)
			return events.next("changed", c -> c.has("resync")).get("resync").asBoolean();
		}
	}

	private String comment(TestUser who, String content) {
		Api.Response r = this.api.post("/api/bugs/" + this.bug + "/comments", who.token(), Map.of("content", content));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("id").asString();
	}

	private long version() {
		return this.api.get("/api/bugs/" + this.bug, this.dev.token()).body().get("version").asLong();
	}

	private void patch(TestUser who, Map<String, Object> fields) {
		assertThat(this.api.patch("/api/bugs/" + this.bug, who.token(), fields).status()).isEqualTo(200);
	}

	private static List<String> names(JsonNode presence) {
		return presence.get("viewers").values().stream().map(v -> v.get("name").asString()).toList();
	}

}
