package dev.fixpoint.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.SseLines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people, each in their own browser, on the same bug and the same board: each sees
 * the other's change without reloading, and who else is looking; someone typing a comment
 * is told instead of losing it.
 */
class LivePagesBrowserTest extends BrowserTest {

	private TestUser dora;

	private TestUser eli;

	private String key;

	private String bug;

	@BeforeEach
	void twoPeopleOnOneProject() {
		this.dora = this.api.newPerson("Dora Admin");
		this.eli = this.api.newPerson("Eli Developer");
		this.key = this.api.newProject(this.dora).get("key").asString();
		this.api.addMember(this.dora, this.key, this.eli, "developer");
		this.bug = this.api.newBug(this.dora, this.key, "Checkout button does nothing on Safari", "high")
			.get("key")
			.asString();
	}

	@Test
	void twoBrowsersSeeEachOthersChangesOnABugPageAndWhoIsThere() {
		Page doras = this.page;
		signIn(doras, this.dora);
		Page elis = anotherBrowser();
		signIn(elis, this.eli);
		openLive(doras, "/bugs/" + this.bug);
		openLive(elis, "/bugs/" + this.bug);

		// presence: each sees the other
		assertThat(doras.locator("#presence")).containsText("Eli Developer");
		assertThat(elis.locator("#presence")).containsText("Dora Admin");

		// Dora sets the priority; Eli's page shows it without a reload
		doras.locator("#edit-priority").selectOption("P0");
		assertThat(elis.locator(".bug-badges .pri-P0")).isVisible();
		assertThat(elis.locator("#edit-priority")).hasValue("P0");

		// Eli is typing a comment when Dora changes the severity: his text stays, he is
		// told
		elis.locator("#new-comment-content").fill("I can reproduce it on iOS 18 too");
		doras.locator("#edit-severity").selectOption("critical");
		assertThat(elis.locator("#live-notice")).containsText("Dora Admin");
		assertThat(elis.locator("#new-comment-content")).hasValue("I can reproduce it on iOS 18 too");
		assertThat(elis.locator(".bug-badges .sev-critical")).hasCount(0);
		elis.locator("#live-notice")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refresh"))
			.click();
		assertThat(elis.locator(".bug-badges .sev-critical")).isVisible();

		// Eli closes his tab: Dora no longer sees him
		elis.close(new Page.CloseOptions().setRunBeforeUnload(true));
		assertThat(doras.locator("#presence")).not().containsText("Eli Developer");
	}

	@Test
	void aStatusChangeOnItsWayIsNotUndoneBySomeoneElsesComment() {
		signIn(this.page, this.eli);
		openLive(this.page, "/bugs/" + this.bug);
		// Eli's status change is held on its way while Dora comments (a comment does not
		// bump the bug's version, so the refresh it causes looks as new as Eli's page)
		List<Route> held = new ArrayList<>();
		this.page.route(url -> url.equals(baseUrl() + "/bugs/" + this.bug + "/status"), held::add);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start progress")).click();
		this.page.waitForCondition(() -> !held.isEmpty());
		this.api.post("/api/bugs/" + this.bug + "/comments", this.dora.token(),
				Map.of("content", "Seen on Safari 17 only"));

		// the refresh waits for Eli's answer instead of swapping the page it was sent
		// from
		assertThat(this.page.locator("body[data-live-waiting]")).hasCount(1);
		held.get(0).resume();
		assertThat(this.page.locator("body[data-live-refreshed='1']")).hasCount(1);
		assertThat(status(this.page)).hasText("In Progress");
		assertThat(this.page.locator(".comment")).containsText(new String[] { "Seen on Safari 17 only" });
		assertThat(this.page.locator("body[data-live-waiting]")).hasCount(0);
	}

	@Test
	void aChangeAnnouncedBeforeThePagesStreamOpenedStillReachesIt() throws Exception {
		signIn(this.page, this.eli);
		// Eli's page is read, then its stream is held on its way
		List<Route> held = new ArrayList<>();
		this.page.route(url -> url.startsWith(baseUrl() + "/bugs/" + this.bug + "/live?"), held::add);
		this.page.navigate(baseUrl() + "/bugs/" + this.bug);
		this.page.waitForCondition(() -> !held.isEmpty());
		// meanwhile Dora's change commits and its notice reaches this node (the project's
		// stream hears it) while Eli's page is not listening yet
		try (Stream<String> lines = BrowserSession.signedIn(baseUrl(), this.api, this.dora)
			.openStream("/p/" + this.key + "/live")
			.body()) {
			SseLines project = new SseLines(lines.iterator(), this.json);
			project.next("hello");
			assertThat(this.api.patch("/api/bugs/" + this.bug, this.dora.token(), Map.of("priority", "P0")).status())
				.isEqualTo(200);
			project.next("changed");
		}
		held.get(0).resume();

		// the stream tells the page at once that it is behind: it shows the change
		assertThat(this.page.locator(".bug-badges .pri-P0")).isVisible();
		assertThat(this.page.locator("#edit-priority")).hasValue("P0");
	}

	@Test
	void aCommentPostedWhileARefreshIsFetchedStaysOnThePage() {
		signIn(this.page, this.eli);
		openLive(this.page, "/bugs/" + this.bug);
		// Dora's comment makes Eli's page fetch the bug again; that answer is held
		List<Route> held = new ArrayList<>();
		List<APIResponse> answers = new ArrayList<>();
		this.page.route(url -> url.equals(baseUrl() + "/bugs/" + this.bug), route -> {
			if (!held.isEmpty()) {
				route.resume();
				return;
			}
			answers.add(route.fetch());
			held.add(route);
		});
		this.api.post("/api/bugs/" + this.bug + "/comments", this.dora.token(),
				Map.of("content", "Seen on Safari 17 only"));
		this.page.waitForCondition(() -> !held.isEmpty());

		// meanwhile Eli comments; then the older answer arrives
		this.page.locator("#new-comment-content").fill("Fixed by the polyfill");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment").setExact(true)).click();
		assertThat(this.page.locator(".comment").last()).containsText("Fixed by the polyfill");
		held.get(0).fulfill(new Route.FulfillOptions().setResponse(answers.get(0)));

		// it is fetched again rather than swapped over Eli's comment
		assertThat(this.page.locator("body[data-live-refreshed='1']")).hasCount(1);
		assertThat(this.page.locator(".comment"))
			.containsText(new String[] { "Seen on Safari 17 only", "Fixed by the polyfill" });
	}

	@Test
	void twoBrowsersSeeEachOthersMovesOnTheBoard() {
		Page doras = this.page;
		signIn(doras, this.dora);
		Page elis = anotherBrowser();
		signIn(elis, this.eli);
		openLive(doras, "/p/" + this.key + "/board");
		openLive(elis, "/p/" + this.key + "/board");
		assertThat(card(elis, "open")).isVisible();

		// Dora moves the card with its "Move to…" menu
		Locator move = card(doras, "open").locator("form.board-move");
		move.locator("select").selectOption(new SelectOption().setLabel("In Progress (Start progress)"));
		move.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
		assertThat(card(doras, "in_progress")).isVisible();

		// Eli's board follows, and so does his list
		assertThat(card(elis, "in_progress")).isVisible();
		assertThat(card(elis, "open")).hasCount(0);
		openLive(elis, "/p/" + this.key + "/bugs");
		assertThat(elis.locator("tr[data-bug='" + this.bug + "'] .col-status")).hasText("In Progress");
		this.api.patch("/api/bugs/" + this.bug, this.dora.token(), Map.of("status", "in_review"));
		assertThat(elis.locator("tr[data-bug='" + this.bug + "'] .col-status")).hasText("In Review");
	}

	@Test
	void newBugsThatPassTheListsFiltersAreOfferedAndShownOnTheFirstPage() {
		signIn(this.page, this.eli);
		openLive(this.page, "/p/" + this.key + "/bugs?severity=critical");
		String low = this.api.newBug(this.dora, this.key, "Footer link is misaligned", "low").get("key").asString();
		String crash = this.api.newBug(this.dora, this.key, "Payment page crashes on submit", "critical")
			.get("key")
			.asString();

		// only the critical one passes the filters; nothing is fetched until Eli asks
		Locator bar = this.page.locator("#live-notice");
		assertThat(bar).containsText("1 new bug");
		assertThat(this.page.locator("tr[data-bug='" + crash + "']")).hasCount(0);
		bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show")).click();
		assertThat(this.page.locator("tr[data-bug='" + crash + "']")).isVisible();
		assertThat(this.page.locator("tr[data-bug='" + low + "']")).hasCount(0);
		assertThat(bar).isHidden();

		// new filters: the stream follows them
		this.page.locator("#f-severity").selectOption("low");
		assertThat(this.page.locator("tr[data-bug='" + low + "']")).isVisible();
		assertThat(this.page.locator("body[data-live='open'][data-live-following*='severity=low']")).hasCount(1);
		String another = this.api.newBug(this.dora, this.key, "Tooltip is cut off", "low").get("key").asString();
		assertThat(bar).containsText("1 new bug");
		bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show")).click();
		assertThat(this.page.locator("tr[data-bug='" + another + "']")).isVisible();
	}

	@Test
	void commandKAssignsTheBugToAPersonPicked() {
		signIn(this.page, this.dora);
		openLive(this.page, "/bugs/" + this.bug);

		this.page.keyboard().press("Control+k");
		Locator palette = this.page.locator("#palette");
		assertThat(palette).isVisible();
		this.page.keyboard().type("assign");
		assertThat(palette.locator("li.is-cursor")).containsText("Assign " + this.bug);
		this.page.keyboard().press("Enter");
		this.page.keyboard().type("eli");
		assertThat(palette.locator("li.is-cursor")).containsText("Eli Developer");
		this.page.keyboard().press("Enter");

		assertThat(palette).isHidden();
		assertThat(this.page.locator("#assignee-picker")).containsText("Eli Developer");
		assertThat(this.api.get("/api/bugs/" + this.bug, this.dora.token()).body().get("assignee").get("id").asString())
			.isEqualTo(this.eli.id().toString());
	}

	@Test
	void theCommandPaletteFindsABugByTitleAndGoesThere() {
		String other = this.api.newBug(this.dora, this.key, "Avatar upload rejects PNG files", "low")
			.get("key")
			.asString();
		signIn(this.page, this.dora);
		openLive(this.page, "/bugs/" + this.bug);
		this.page.keyboard().press("Control+k");
		this.page.keyboard().type("avatar upload");
		Locator hit = this.page.locator("#palette li").filter(new Locator.FilterOptions().setHasText(other));
		assertThat(hit).isVisible();
		hit.click();
		assertThat(this.page).hasURL(baseUrl() + "/bugs/" + other);
	}

	@Test
	void theStatusChangesFromTheKeyboardAndARefusalRollsBackWithTheServersReason() {
		signIn(this.page, this.eli);
		openLive(this.page, "/bugs/" + this.bug);

		// "?" lists this page's shortcuts
		this.page.keyboard().press("?");
		Locator sheet = this.page.locator("#shortcut-sheet");
		assertThat(sheet).containsText("Change the status");
		this.page.keyboard().press("Escape");
		assertThat(sheet).isHidden();

		// "s": the moves open to a developer, then Enter
		this.page.keyboard().press("s");
		Locator palette = this.page.locator("#palette");
		assertThat(palette.locator("li")).containsText(new String[] { "Start progress", "Resolve" });
		this.page.keyboard().type("start");
		this.page.keyboard().press("Enter");
		// at once (optimistic), then the server's answer: the moves open from In Progress
		assertThat(status(this.page)).hasText("In Progress");
		assertThat(this.page.locator("#bug .transitions")).containsText("Send to review");
		assertThat(this.api.get("/api/bugs/" + this.bug, this.eli.token()).body().get("status").asString())
			.isEqualTo("in_progress");

		// Eli becomes a viewer meanwhile; his page still offers the move, the server
		// refuses
		// it: the status goes back and the reason shows
		this.api.patch("/api/projects/" + this.key + "/members/" + this.eli.id(), this.dora.token(),
				Map.of("role", "viewer"));
		this.page.keyboard().press("s");
		this.page.keyboard().type("send to review");
		this.page.keyboard().press("Enter");
		assertThat(this.page.locator("#bug .alert-error")).isVisible();
		assertThat(status(this.page)).hasText("In Progress");
		assertThat(this.api.get("/api/bugs/" + this.bug, this.dora.token()).body().get("status").asString())
			.isEqualTo("in_progress");
	}

	@Test
	void typingInAFieldNeverTriggersAShortcut() {
		signIn(this.page, this.dora);
		openLive(this.page, "/bugs/" + this.bug);
		this.page.locator("#new-comment-content").click();
		this.page.keyboard().type("sap?");
		assertThat(this.page.locator("#palette")).hasCount(0);
		assertThat(this.page.locator("#shortcut-sheet")).hasCount(0);
		assertThat(this.page.locator("#new-comment-content")).hasValue("sap?");
	}

	/** Opens a page and waits until its live stream is open (so no change is missed). */
	private void openLive(Page page, String path) {
		page.navigate(baseUrl() + path);
		waitForHtmx(page);
		assertThat(page.locator("body[data-live='open']")).hasCount(1);
	}

	private Locator card(Page page, String status) {
		return page.locator(".board-col[data-status='" + status + "'] [data-bug='" + this.bug + "']");
	}

	private static Locator status(Page page) {
		return page.locator(".status-box .badge").first();
	}

}
