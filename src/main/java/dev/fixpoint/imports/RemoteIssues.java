package dev.fixpoint.imports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Another tracker's issues read from its REST API, a page at a time, each issue as a
 * {@link SourceRow} with the columns of that tracker's file export (Jira's CSV columns,
 * the generic names for Redmine, GitHub and GitLab): the same translation as a file
 * follows. Comments become {@code date;author;text} cells, links
 * {@code Outward issue link (Type)} cells. The order is stable (oldest first), so a job
 * resumed after a restart asks for the page after its last committed row.
 */
abstract sealed class RemoteIssues
		permits RemoteIssues.Jira, RemoteIssues.Redmine, RemoteIssues.GitHub, RemoteIssues.GitLab {

	/**
	 * Rows from {@code offset} on; {@code total}: how many there are, if the API says.
	 */
	record Page(List<SourceRow> rows, Integer total, boolean last) {
	}

	static final int PAGE = 100;

	final RemoteHttp http;

	final String base;

	final String scope;

	RemoteIssues(RemoteHttp http, String base, String scope) {
		this.http = http;
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.scope = scope.strip();
	}

	abstract Page page(int offset);

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String text(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
	}

	/** A row builder: columns keep their values in order (a repeated column). */
	static final class Row {

		private final Map<String, List<String>> values = new LinkedHashMap<>();

		Row put(String column, String value) {
			if (value != null) {
				this.values.computeIfAbsent(column, c -> new ArrayList<>()).add(value);
			}
			return this;
		}

		SourceRow at(long line) {
			return new SourceRow(line, this.values);
		}

	}

	/** Jira Cloud and Server: {@code /rest/api/2/search} with JQL, {@code startAt}. */
	static final class Jira extends RemoteIssues {

		private static final Pattern PROJECT_KEY = Pattern.compile("^[A-Z][A-Z0-9_]{0,19}$");

		private static final String FIELDS = "summary,description,status,resolution,priority,issuetype,assignee,"
				+ "reporter,creator,labels,components,created,updated,resolutiondate,duedate,environment,comment,"
				+ "issuelinks,attachment";

		Jira(RemoteHttp http, String base, String scope) {
			super(http, base, scope);
		}

		String jql() {
			String jql = PROJECT_KEY.matcher(this.scope).matches() ? "project = " + this.scope : this.scope;
			return jql.toLowerCase(java.util.Locale.ROOT).contains("order by") ? jql
					: jql + " ORDER BY created ASC, key ASC";
		}

		@Override
		Page page(int offset) {
			JsonNode body = this.http
				.get(this.base + "/rest/api/2/search?jql=" + enc(jql()) + "&startAt=" + offset + "&maxResults=" + PAGE
						+ "&fields=" + FIELDS)
				.body();
			List<SourceRow> rows = new ArrayList<>();
			for (JsonNode issue : body.path("issues")) {
				rows.add(row(issue).at(offset + rows.size() + 1));
			}
			int total = body.path("total").asInt(offset + rows.size());
			return new Page(rows, total, rows.isEmpty() || offset + rows.size() >= total);
		}

		private Row row(JsonNode issue) {
			JsonNode f = issue.path("fields");
			Row row = new Row().put("Issue id", text(issue.get("id")))
				.put("Issue key", text(issue.get("key")))
				.put("Summary", text(f.get("summary")))
				.put("Description", text(f.get("description")))
				.put("Environment", text(f.get("environment")))
				.put("Status", text(f.path("status").get("name")))
				.put("Resolution", text(f.path("resolution").get("name")))
				.put("Priority", text(f.path("priority").get("name")))
				.put("Issue Type", text(f.path("issuetype").get("name")))
				.put("Assignee", person(f.get("assignee")))
				.put("Reporter", person(f.has("reporter") ? f.get("reporter") : f.get("creator")))
				.put("Created", text(f.get("created")))
				.put("Updated", text(f.get("updated")))
				.put("Resolved", text(f.get("resolutiondate")))
				.put("Due date", text(f.get("duedate")));
			f.path("labels").forEach(label -> row.put("Labels", label.asString()));
			f.path("components").forEach(c -> row.put("Component/s", text(c.get("name"))));
			for (JsonNode comment : comments(issue)) {
				row.put("Comment", text(comment.get("created")) + ";" + person(comment.get("author")) + ";"
						+ text(comment.get("body")));
			}
			for (JsonNode file : f.path("attachment")) {
				row.put("Attachment", text(file.get("created")) + ";" + person(file.get("author")) + ";"
						+ text(file.get("filename")) + ";" + text(file.get("content")));
			}
			for (JsonNode link : f.path("issuelinks")) {
				String type = text(link.path("type").get("name"));
				if (link.has("outwardIssue")) {
					row.put("Outward issue link (" + type + ")", text(link.path("outwardIssue").get("key")));
				}
				if (link.has("inwardIssue")) {
					row.put("Inward issue link (" + type + ")", text(link.path("inwardIssue").get("key")));
				}
			}
			return row;
		}

		/**
		 * The comments the search embedded, and the rest page by page when it cut them.
		 */
		private List<JsonNode> comments(JsonNode issue) {
			JsonNode embedded = issue.path("fields").path("comment");
			List<JsonNode> comments = new ArrayList<>();
			embedded.path("comments").forEach(comments::add);
			int total = embedded.path("total").asInt(comments.size());
			while (comments.size() < total) {
				JsonNode page = this.http
					.get(this.base + "/rest/api/2/issue/" + enc(text(issue.get("key"))) + "/comment?startAt="
							+ comments.size() + "&maxResults=" + PAGE)
					.body();
				int before = comments.size();
				page.path("comments").forEach(comments::add);
				if (comments.size() == before) {
					break;
				}
			}
			return comments;
		}

		private static String person(JsonNode user) {
			if (user == null || user.isNull() || user.isMissingNode()) {
				return null;
			}
			String email = text(user.get("emailAddress"));
			return email != null && !email.isBlank() ? email
					: text(user.has("displayName") ? user.get("displayName") : user.get("name"));
		}

	}

	/**
	 * Redmine: {@code /issues.json} of a project ({@code offset}, {@code limit}), each
	 * issue's journals from {@code /issues/{id}.json?include=journals} (the list does not
	 * include them).
	 */
	static final class Redmine extends RemoteIssues {

		Redmine(RemoteHttp http, String base, String scope) {
			super(http, base, scope);
		}

		@Override
		Page page(int offset) {
			JsonNode body = this.http
				.get(this.base + "/issues.json?project_id=" + enc(this.scope)
						+ "&status_id=*&sort=id&include=attachments,relations&offset=" + offset + "&limit=" + PAGE)
				.body();
			List<SourceRow> rows = new ArrayList<>();
			for (JsonNode issue : body.path("issues")) {
				rows.add(row(issue).at(offset + rows.size() + 1));
			}
			int total = body.path("total_count").asInt(offset + rows.size());
			return new Page(rows, total, rows.isEmpty() || offset + rows.size() >= total);
		}

		private Row row(JsonNode issue) {
			String id = text(issue.get("id"));
			Row row = new Row().put("id", id)
				.put("key", "#" + id)
				.put("url", this.base + "/issues/" + id)
				.put("title", text(issue.get("subject")))
				.put("description", text(issue.get("description")))
				.put("status", text(issue.path("status").get("name")))
				.put("priority", text(issue.path("priority").get("name")))
				.put("type", text(issue.path("tracker").get("name")))
				.put("assignee", text(issue.path("assigned_to").get("name")))
				.put("reporter", text(issue.path("author").get("name")))
				.put("components", text(issue.path("category").get("name")))
				.put("created_at", text(issue.get("created_on")))
				.put("updated_at", text(issue.get("updated_on")))
				.put("resolved_at", text(issue.get("closed_on")))
				.put("due_date", text(issue.get("due_date")));
			JsonNode full = this.http.get(this.base + "/issues/" + id + ".json?include=journals").body().path("issue");
			for (JsonNode journal : full.path("journals")) {
				String notes = text(journal.get("notes"));
				if (notes != null && !notes.isBlank()) {
					row.put("comments", text(journal.get("created_on")) + ";" + text(journal.path("user").get("name"))
							+ ";" + notes);
				}
			}
			for (JsonNode file : issue.path("attachments")) {
				row.put("attachments", text(file.get("created_on")) + ";" + text(file.path("author").get("name")) + ";"
						+ text(file.get("filename")) + ";" + text(file.get("content_url")));
			}
			for (JsonNode relation : issue.path("relations")) {
				String type = relationType(text(relation.get("relation_type")));
				boolean outward = id.equals(text(relation.get("issue_id")));
				String other = text(relation.get(outward ? "issue_to_id" : "issue_id"));
				row.put((outward ? "Outward" : "Inward") + " issue link (" + type + ")", "#" + other);
			}
			return row;
		}

		/** Relations are named from {@code issue_id}'s side (A duplicates B). */
		private static String relationType(String type) {
			return switch (type == null ? "" : type) {
				case "duplicates" -> "Duplicate";
				case "relates" -> "Relates";
				case "blocks" -> "Blocks";
				case "copied_to" -> "Cloners";
				default -> type;
			};
		}

	}

	/**
	 * Every item of a list, page after page: GitHub's {@code Link: <..>; rel="next"},
	 * GitLab's {@code X-Next-Page}.
	 */
	List<JsonNode> all(String url) {
		List<JsonNode> items = new ArrayList<>();
		String next = url;
		for (int pages = 0; next != null && pages < 1000; pages++) {
			RemoteHttp.Answer answer = this.http.get(next);
			answer.body().forEach(items::add);
			next = nextPage(answer, next);
		}
		return items;
	}

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

	private static final Pattern PAGE_PARAM = Pattern.compile("([?&])page=\\d+");

	/** The next page's address, or null on the last page. */
	static String nextPage(RemoteHttp.Answer answer, String url) {
		Matcher link = NEXT.matcher(answer.header("Link").orElse(""));
		if (link.find()) {
			return link.group(1);
		}
		String page = answer.header("X-Next-Page").orElse("").strip();
		if (page.isEmpty()) {
			return null;
		}
		Matcher current = PAGE_PARAM.matcher(url);
		return current.find() ? current.replaceFirst("$1page=" + page)
				: url + (url.contains("?") ? "&" : "?") + "page=" + page;
	}

	/**
	 * A forge's person as {@code Name (login)} (just the login when it has no other
	 * name): the import finds members by either, and shows who wrote a comment by name.
	 */
	static String named(String name, String login) {
		if (login == null) {
			return name;
		}
		String clean = name == null ? "" : name.replace(";", ",").replace("(", "").replace(")", "").strip();
		return clean.isEmpty() || clean.equalsIgnoreCase(login) ? login : clean + " (" + login + ")";
	}

	/**
	 * GitHub: {@code /repos/{owner}/{repo}/issues?state=all}, oldest first, 100 a page
	 * (pull requests are listed too: they are skipped rows), each issue's comments from
	 * its {@code comments_url}, each person's name from {@code /users/{login}} (once per
	 * person). An issue's id is {@code owner/repo#number}: two repositories imported into
	 * one project keep their issues apart.
	 */
	static final class GitHub extends RemoteIssues {

		private static final Pattern LAST = Pattern.compile("<[^>]*[?&]page=(\\d+)[^>]*>;\\s*rel=\"last\"");

		/** login to "Name (login)", asked once per person. */
		private final Map<String, String> people = new java.util.HashMap<>();

		GitHub(RemoteHttp http, String base, String scope) {
			super(http, base, scope);
		}

		/** The next page's address (Link header) and the offset it starts at. */
		private String next;

		private int nextOffset = -1;

		@Override
		Page page(int offset) {
			int skip = offset % PAGE;
			String url = this.base + "/repos/" + this.scope + "/issues?state=all&sort=created&direction=asc&per_page="
					+ PAGE + "&page=" + (offset / PAGE + 1);
			if (offset == this.nextOffset && this.next != null) {
				// the server's own next page (its pages may be shorter than asked)
				url = this.next;
				skip = 0;
			}
			RemoteHttp.Answer answer = this.http.get(url);
			List<JsonNode> items = new ArrayList<>();
			answer.body().forEach(items::add);
			List<SourceRow> rows = new ArrayList<>();
			for (JsonNode item : items.subList(Math.min(skip, items.size()), items.size())) {
				rows.add(row(item).at(offset + rows.size() + 1));
			}
			Matcher last = LAST.matcher(answer.header("Link").orElse(""));
			Integer total = last.find() ? Integer.parseInt(last.group(1)) * PAGE : null;
			this.next = nextPage(answer, url);
			boolean end = this.next == null;
			this.nextOffset = offset + rows.size();
			return new Page(rows, end ? Integer.valueOf(offset + rows.size()) : total, end);
		}

		private Row row(JsonNode item) {
			String number = text(item.get("number"));
			Row row = new Row().put("id", this.scope + "#" + number)
				.put("key", this.scope.substring(this.scope.indexOf('/') + 1) + "#" + number)
				.put("url", text(item.get("html_url")));
			if (item.has("pull_request")) {
				return row.put("pull_request", text(item.path("pull_request").get("url")));
			}
			row.put("title", text(item.get("title")))
				.put("description", text(item.get("body")))
				.put("status", text(item.get("state")))
				.put("resolution", text(item.get("state_reason")))
				.put("assignee", person(item.get("assignee")))
				.put("reporter", person(item.get("user")))
				.put("created_at", text(item.get("created_at")))
				.put("updated_at", text(item.get("updated_at")))
				.put("resolved_at", text(item.get("closed_at")));
			item.path("labels").forEach(label -> row.put("tags", text(label.get("name"))));
			if (item.path("comments").asInt(0) > 0 && item.has("comments_url")) {
				for (JsonNode c : all(text(item.get("comments_url")) + "?per_page=" + PAGE)) {
					row.put("comments",
							text(c.get("created_at")) + ";" + person(c.get("user")) + ";" + text(c.get("body")));
				}
			}
			return row;
		}

		private String person(JsonNode user) {
			String login = user == null ? null : text(user.get("login"));
			if (login == null) {
				return null;
			}
			return this.people.computeIfAbsent(login, l -> {
				try {
					return named(text(this.http.get(this.base + "/users/" + enc(l)).body().get("name")), l);
				}
				catch (RemoteHttp.RemoteException ex) {
					// no name to show: the login is enough to find a member
					return l;
				}
			});
		}

	}

	/**
	 * GitLab: {@code /projects/{path or id}/issues?scope=all&state=all}, oldest first,
	 * 100 a page ({@code X-Next-Page}, {@code X-Total}), each issue's notes that people
	 * wrote (not the system's) from {@code .../issues/{iid}/notes}. An issue's id is
	 * {@code path#iid}.
	 */
	static final class GitLab extends RemoteIssues {

		GitLab(RemoteHttp http, String base, String scope) {
			super(http, base, scope);
		}

		private String project() {
			return this.base + "/projects/" + enc(this.scope);
		}

		@Override
		Page page(int offset) {
			String url = project() + "/issues?scope=all&state=all&order_by=created_at&sort=asc&per_page=" + PAGE
					+ "&page=" + (offset / PAGE + 1);
			RemoteHttp.Answer answer = this.http.get(url);
			List<SourceRow> rows = new ArrayList<>();
			for (JsonNode issue : answer.body()) {
				rows.add(row(issue).at(offset + rows.size() + 1));
			}
			boolean end = nextPage(answer, url) == null || rows.isEmpty();
			Integer total = answer.header("X-Total").flatMap(GitLab::number).orElse(null);
			return new Page(rows, end ? Integer.valueOf(offset + rows.size()) : total, end);
		}

		private static java.util.Optional<Integer> number(String value) {
			try {
				return java.util.Optional.of(Integer.parseInt(value.strip()));
			}
			catch (NumberFormatException ex) {
				return java.util.Optional.empty();
			}
		}

		private Row row(JsonNode issue) {
			String iid = text(issue.get("iid"));
			Row row = new Row().put("id", this.scope + "#" + iid)
				.put("key", this.scope.substring(this.scope.lastIndexOf('/') + 1) + "#" + iid)
				.put("url", text(issue.get("web_url")))
				.put("title", text(issue.get("title")))
				.put("description", text(issue.get("description")))
				.put("status", text(issue.get("state")))
				.put("assignee", person(issue.get("assignee")))
				.put("reporter", person(issue.get("author")))
				.put("created_at", text(issue.get("created_at")))
				.put("updated_at", text(issue.get("updated_at")))
				.put("resolved_at", text(issue.get("closed_at")))
				.put("due_date", text(issue.get("due_date")));
			issue.path("labels")
				.forEach(label -> row.put("tags", label.isObject() ? text(label.get("name")) : label.asString()));
			if (issue.path("user_notes_count").asInt(0) > 0) {
				for (JsonNode note : all(
						project() + "/issues/" + iid + "/notes?sort=asc&order_by=created_at&per_page=" + PAGE)) {
					if (!note.path("system").asBoolean(false)) {
						row.put("comments", text(note.get("created_at")) + ";" + person(note.get("author")) + ";"
								+ text(note.get("body")));
					}
				}
			}
			return row;
		}

		private static String person(JsonNode user) {
			if (user == null || user.isNull() || user.isMissingNode()) {
				return null;
			}
			return named(text(user.get("name")), text(user.get("username")));
		}

	}

}
