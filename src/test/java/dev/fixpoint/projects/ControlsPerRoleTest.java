package dev.fixpoint.projects;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Multipart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No control leads to a 403: for each role, a project with members of every role and bugs
 * in every state (open, someone's work in progress, resolved, closed; comments, an
 * internal note, an attachment, saved filters, notifications) is walked page by page as
 * that member, from My work, the notification center and the project's home, the way a
 * person clicking everything would.
 * <ul>
 * <li>Every same-origin link ({@code href}) and {@code hx-get} is requested: none may
 * answer 403, 404 or 5xx (a dead end).</li>
 * <li>Every form and {@code hx-post} is submitted <em>as rendered</em>, without
 * JavaScript: the page is fetched again just before (so versions are current), the form's
 * own values are sent with its CSRF token, and what a person must fill in (required
 * fields, an unchecked "verified by me") is filled in plausibly, so the request reaches
 * the server's permission checks instead of stopping at "required". The answer may not be
 * 403, nor a refusal that words a permission rule (a workflow refusing the role, QA
 * editing someone else's report), nor 5xx; after a redirect, the next page may not tell
 * such a refusal either (a bulk change's "0 updated, 1 refused"). Forms that would end
 * the walk are not sent: sign-out.</li>
 * </ul>
 * Forms repeated per row (the same action shape and hidden values) are sent once.
 */
class ControlsPerRoleTest extends IntegrationTest {

	/**
	 * Words of the server's permission refusals (403s, and the workflow's role rules).
	 */
	private static final Pattern PERMISSION_REFUSAL = Pattern.compile(
			"does not allow this|may not take the transition|Only the assignee|can only change the status|"
					+ "can only edit|Only the author|Only the owner|Only the uploader|not allowed",
			Pattern.CASE_INSENSITIVE);

	private static final int MAX_REQUESTS = 400;

	private static final String FILLED = "Filled in by the per-role walk";

	@ParameterizedTest
	@ValueSource(strings = { "admin", "developer", "qa", "viewer" })
	void noControlOnAnyPageLeadsToA403(String role) {
		Fixture fixture = fixture();
		TestUser me = fixture.member(role);
		Walk walk = new Walk(BrowserSession.signedIn(baseUrl(), this.api, me), fixture.key);
		walk.crawl("/");
		walk.crawl("/notifications");
		walk.crawl("/p/" + fixture.key);
		for (String bug : fixture.bugs) {
			walk.crawl("/bugs/" + bug);
		}
		assertThat(walk.requests).as("requests made as %s", role).isGreaterThan(30);
		assertThat(walk.forms).as("forms sent as %s", role).isNotEmpty();
		assertThat(walk.failures).as("controls offered to %s that the server refuses or that lead nowhere", role)
			.isEmpty();
	}

	/** A project with a member of each role and bugs in each state. */
	private Fixture fixture() {
		this.api.ensureSetUp();
		TestUser admin = this.api.newUser("Admin");
		TestUser developer = this.api.newUser("Dev");
		TestUser qa = this.api.newUser("Qa");
		TestUser viewer = this.api.newUser("Viewer");
		String key = this.api.newProject(admin).get("key").asString();
		this.api.addMember(admin, key, developer, "developer");
		this.api.addMember(admin, key, qa, "qa");
		this.api.addMember(admin, key, viewer, "viewer");
		this.api.post("/api/projects/" + key + "/components", admin.token(), Map.of("name", "Checkout"));
		String reported = this.api.newBug(qa, key, "Cart total ignores the voucher", "high").get("key").asString();
		String working = this.api.newBug(admin, key, "Search is slow", "medium").get("key").asString();
		this.api.patch("/api/bugs/" + working, admin.token(),
				Map.of("assignee_id", developer.id().toString(), "status", "in_progress"));
		String resolved = this.api.newBug(developer, key, "Footer overlaps", "low").get("key").asString();
		this.api.patch("/api/bugs/" + resolved, admin.token(), Map.of("status", "resolved", "resolution", "fixed"));
		String closed = this.api.newBug(admin, key, "Typo on the login page", "low").get("key").asString();
		this.api.patch("/api/bugs/" + closed, admin.token(),
				Map.of("status", "resolved", "resolution", "fixed", "verified_by", qa.id().toString()));
		this.api.patch("/api/bugs/" + closed, admin.token(), Map.of("status", "closed"));
		// the viewer follows a bug, so their notification center has something to triage
		this.api.post("/api/bugs/" + reported + "/watchers", viewer.token(), Map.of());
		this.api.post("/api/bugs/" + reported + "/comments", developer.token(), Map.of("body", "Reproduced."));
		this.api.post("/api/bugs/" + reported + "/comments", admin.token(),
				Map.of("body", "Customer is on the enterprise plan.", "is_internal", true));
		new Multipart(baseUrl(), this.json).upload("/api/bugs/" + reported + "/attachments", qa.token(), "file",
				"checkout.log", "GET /cart 200\nPOST /voucher 500\n".getBytes(StandardCharsets.UTF_8), Map.of());
		for (TestUser owner : List.of(admin, developer, qa, viewer)) {
			this.api.post("/api/projects/" + key + "/filters", owner.token(), Map.of("name",
					"High ones of " + owner.name(), "query", "severity:high", "shared", !owner.equals(viewer)));
		}
		// relations, a release and a kind of report: their controls are walked too
		this.api.post("/api/bugs/" + working + "/links", admin.token(), Map.of("type", "blocks", "target", reported));
		this.api.post("/api/projects/" + key + "/releases", admin.token(), Map.of("name", "1.0"));
		this.api.patch("/api/bugs/" + reported, admin.token(), Map.of("fixed_in", "1.0"));
		this.api.post("/api/projects/" + key + "/templates", admin.token(),
				Map.of("name", "Crash", "required_fields", List.of("steps_to_reproduce")));
		return new Fixture(key, Map.of("admin", admin, "developer", developer, "qa", qa, "viewer", viewer),
				List.of(reported, working, resolved, closed));
	}

	private record Fixture(String key, Map<String, TestUser> members, List<String> bugs) {

		TestUser member(String role) {
			return this.members.get(role);
		}

	}

	/** One member clicking through a project. */
	private static final class Walk {

		private final BrowserSession browser;

		private final String key;

		private final Deque<String> queue = new ArrayDeque<>();

		private final Set<String> seenLinks = new HashSet<>();

		private final Set<String> seenForms = new HashSet<>();

		private final List<String> failures = new ArrayList<>();

		private final List<String> forms = new ArrayList<>();

		private int requests;

		Walk(BrowserSession browser, String key) {
			this.browser = browser;
			this.key = key;
		}

		/**
		 * Follows every link first, then sends the forms of the pages seen, those that
		 * delete or remove something last (so no link is followed after its target was
		 * deleted by the walk itself).
		 */
		void crawl(String start) {
			enqueue(start, "(start)");
			List<Map.Entry<String, Element>> posts = new ArrayList<>();
			while (!this.queue.isEmpty() && this.requests < MAX_REQUESTS) {
				String path = this.queue.poll();
				BrowserSession.Page page = get(path);
				if (page == null || !isHtml(page)) {
					continue;
				}
				Document doc = Jsoup.parse(page.body(), "http://app");
				links(doc, path);
				for (Element form : doc.select("form[method=post], form[hx-post], [hx-post]:not(form)")) {
					String action = action(form);
					if (action != null && action.startsWith("/") && !action.equals("/logout")
							&& this.seenForms.add(signature(form, action))) {
						posts.add(Map.entry(path, form));
					}
				}
			}
			posts.sort(java.util.Comparator.comparing(p -> destructive(action(p.getValue()))));
			for (Map.Entry<String, Element> post : posts) {
				resubmit(post.getKey(), post.getValue());
			}
		}

		private static boolean destructive(String action) {
			return action.endsWith("/delete") || action.endsWith("/remove");
		}

		/** GET, following redirects within the application; checks the answer. */
		private BrowserSession.Page get(String path) {
			String at = path;
			for (int hops = 0; hops < 4; hops++) {
				this.requests++;
				BrowserSession.Page page = this.browser.get(at);
				if (page.status() == 302 || page.status() == 303) {
					String next = page.location();
					if (next == null || !next.startsWith("/")) {
						return null;
					}
					at = next;
					continue;
				}
				if (page.status() == 403 || page.status() == 404 || page.status() >= 500) {
					this.failures
						.add("GET " + path + (at.equals(path) ? "" : " → " + at) + " answered " + page.status());
					return null;
				}
				return page;
			}
			return null;
		}

		private void links(Document doc, String from) {
			for (Element a : doc.select("a[href], [hx-get]")) {
				String target = a.hasAttr("hx-get") ? a.attr("hx-get") : a.attr("href");
				enqueue(target, from);
			}
			for (Element form : doc.select("form")) {
				if ("get".equalsIgnoreCase(form.attr("method")) || form.attr("method").isEmpty()) {
					if (!form.attr("action").isEmpty()) {
						enqueue(form.attr("action"), from);
					}
				}
			}
		}

		private void enqueue(String target, String from) {
			if (target == null || !target.startsWith("/") || target.startsWith("//")) {
				return;
			}
			String path = target.replace("&amp;", "&");
			int hash = path.indexOf('#');
			if (hash >= 0) {
				path = path.substring(0, hash);
			}
			if (!inScope(path) || !this.seenLinks.add(shape(path))) {
				return;
			}
			this.queue.add(path);
		}

		/**
		 * My work, the notification center, the project's pages and what they link to;
		 * not the account's or the API docs.
		 */
		private boolean inScope(String path) {
			String p = path.split("\\?")[0];
			return p.equals("/") || p.startsWith("/my/") || p.equals("/notifications") || p.startsWith("/p/" + this.key)
					|| p.startsWith("/bugs/" + this.key + "-") || p.startsWith("/attachments/")
					|| p.startsWith("/filters/") || p.startsWith("/api/attachments/") || p.equals("/search")
					|| p.equals("/projects");
		}

		/** Links differing only in parameter values (sort orders, filters) count once. */
		private static String shape(String path) {
			String[] parts = path.split("\\?", 2);
			if (parts.length == 1) {
				return parts[0];
			}
			Set<String> names = new TreeSet<>();
			for (String pair : parts[1].split("&")) {
				String name = pair.split("=", 2)[0];
				// the status panel's "?move=<status>" asks for different fields per
				// status
				names.add("move".equals(name) ? pair : name);
			}
			return parts[0] + "?" + names;
		}

		/** Fetches the page again (current versions) and sends the same form from it. */
		private void resubmit(String path, Element form) {
			String action = action(form);
			String signature = signature(form, action);
			BrowserSession.Page fresh = get(path);
			if (fresh == null) {
				return;
			}
			Document now = Jsoup.parse(fresh.body(), "http://app");
			Element same = find(now, action, signature);
			if (same != null) {
				send(path, now, same, action);
			}
		}

		private static String action(Element form) {
			if (form.hasAttr("hx-post")) {
				return form.attr("hx-post");
			}
			return form.hasAttr("action") ? form.attr("action") : null;
		}

		/** The form's action shape and the hidden values that say what it does. */
		private static String signature(Element form, String action) {
			String shape = action.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}").replaceAll("-\\d+(?=/|$)", "-{n}");
			Set<String> what = new TreeSet<>();
			for (Element input : owner(form).select("input[type=hidden]")) {
				String name = input.attr("name");
				if (List.of("status", "assignee", "value").contains(name)) {
					what.add(name + "=" + (input.val().matches("[0-9a-f-]{36}") ? "{id}" : input.val()));
				}
			}
			return shape + what;
		}

		private static Element find(Document doc, String action, String signature) {
			for (Element form : doc.select("form[method=post], form[hx-post], [hx-post]:not(form)")) {
				String a = action(form);
				if (action.equals(a) && signature.equals(signature(form, a))) {
					return form;
				}
			}
			return null;
		}

		/** The form whose fields an element submits (htmx: its closest form). */
		private static Element owner(Element element) {
			if (element.tagName().equals("form")) {
				return element;
			}
			Element form = element.closest("form");
			return form == null ? element : form;
		}

		private void send(String page, Document doc, Element element, String action) {
			Element form = owner(element);
			List<Map.Entry<String, String>> fields = fields(doc, form);
			this.requests++;
			this.forms.add(action);
			BrowserSession.Page answer = this.browser.post(action, fields, Map.of());
			if ((answer.status() == 302 || answer.status() == 303) && answer.location() != null
					&& answer.location().startsWith("/")) {
				// a refusal told on the next page (the bulk change's "0 updated, 1
				// refused")
				BrowserSession.Page next = this.browser.get(answer.location());
				if (PERMISSION_REFUSAL.matcher(next.text()).find()) {
					this.failures.add("POST " + action + " (form on " + page + ") was refused on " + answer.location()
							+ ": " + excerpt(next.text()));
				}
				return;
			}
			String text = answer.text();
			boolean refused = answer.status() == 403 || answer.status() >= 500
					|| (answer.status() >= 400 && PERMISSION_REFUSAL.matcher(text).find());
			if (refused) {
				this.failures.add("POST " + action + " (form on " + page + ") answered " + answer.status() + ": "
						+ excerpt(text));
			}
		}

		/**
		 * What a browser sends for the form, with what a person must fill in filled in.
		 */
		private static List<Map.Entry<String, String>> fields(Document doc, Element form) {
			List<Element> elements = new ArrayList<>(form.select("input, select, textarea"));
			if (!form.id().isEmpty()) {
				elements.addAll(doc.select("[form=" + form.id() + "]"));
			}
			List<Map.Entry<String, String>> fields = new ArrayList<>();
			Set<String> radios = new LinkedHashSet<>();
			boolean ticked = false;
			for (Element e : elements) {
				String name = e.attr("name");
				String type = e.attr("type").toLowerCase(Locale.ROOT);
				if (name.isEmpty() || e.hasAttr("disabled")
						|| List.of("submit", "button", "file", "reset").contains(type)) {
					continue;
				}
				if (e.closest("[hidden]") != null && e.closest("[hidden]") != form && !"hidden".equals(type)
						&& !e.hasAttr("form")) {
					continue;
				}
				switch (e.tagName()) {
					case "select" -> fields.add(Map.entry(name, select(e)));
					case "textarea" -> fields.add(Map.entry(name, e.val().isBlank() ? FILLED : e.val()));
					default -> {
						if (type.equals("checkbox") || type.equals("radio")) {
							boolean row = "ids".equals(name);
							if (e.hasAttr("checked") || (e.hasAttr("required") && radios.add(name))
									|| (row && !ticked)) {
								ticked |= row;
								fields.add(Map.entry(name, e.hasAttr("value") ? e.val() : "on"));
							}
						}
						else {
							fields.add(Map.entry(name, e.val().isBlank() ? filler(e, type) : e.val()));
						}
					}
				}
			}
			return fields;
		}

		private static String filler(Element input, String type) {
			if (!input.hasAttr("required") && !"hidden".equals(type)) {
				return "";
			}
			return switch (type) {
				case "date" -> "2031-01-15";
				case "number" -> input.hasAttr("min") ? input.attr("min") : "1";
				case "email" -> "walk@example.com";
				case "hidden" -> "";
				default -> FILLED;
			};
		}

		private static String select(Element select) {
			Element chosen = select.selectFirst("option[selected]");
			if (chosen == null) {
				chosen = select.selectFirst("option");
			}
			String value = chosen == null ? "" : chosen.hasAttr("value") ? chosen.attr("value") : chosen.text();
			// a person chooses something: "No change" changes nothing, and asks nothing
			// of the server
			if (value.isEmpty()) {
				Element first = select.selectFirst("option[value~=.+]");
				return first == null ? "" : first.attr("value");
			}
			return value;
		}

		private static boolean isHtml(BrowserSession.Page page) {
			String type = page.header("content-type");
			return type != null && type.startsWith("text/html");
		}

		private static String excerpt(String text) {
			String t = text.strip();
			return t.length() > 300 ? t.substring(0, 300) + "…" : t;
		}

	}

}
