package dev.fixpoint.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an import's file comes from, with the columns it has by default for each of
 * Fixpoint's fields (a mapping overrides them). A generic CSV or JSON file is read by the
 * first of several usual names found in its header.
 */
public enum ImportSource {

	JIRA_CSV("jira_csv", "jira", "Jira", Markup.JIRA, Columns.JIRA),

	/** Jira Cloud or Server through its REST API ({@link RemoteIssues.Jira}). */
	JIRA_API("jira_api", "jira", "Jira", Markup.JIRA, Columns.JIRA),

	/** Redmine's REST API ({@link RemoteIssues.Redmine}). */
	REDMINE_API("redmine_api", "redmine", "Redmine", Markup.TEXTILE, Generic.FIELDS),

	/** GitHub Issues' REST API ({@link RemoteIssues.GitHub}). */
	GITHUB_API("github_api", "github", "GitHub", Markup.MARKDOWN, Generic.FIELDS),

	/** GitLab Issues' REST API ({@link RemoteIssues.GitLab}). */
	GITLAB_API("gitlab_api", "gitlab", "GitLab", Markup.MARKDOWN, Generic.FIELDS),

	LINEAR_CSV("linear_csv", "linear", "Linear", Markup.MARKDOWN,
			Map.ofEntries(Map.entry("id", List.of("ID")), Map.entry("key", List.of("ID")),
					Map.entry("title", List.of("Title")), Map.entry("description", List.of("Description")),
					Map.entry("status", List.of("Status")), Map.entry("priority", List.of("Priority")),
					Map.entry("assignee", List.of("Assignee")), Map.entry("reporter", List.of("Creator")),
					Map.entry("tags", List.of("Labels")), Map.entry("created", List.of("Created")),
					Map.entry("updated", List.of("Updated")), Map.entry("resolved", List.of("Completed", "Canceled")),
					Map.entry("canceled", List.of("Canceled")), Map.entry("due", List.of("Due Date")),
					Map.entry("components", List.of("Project")))),

	CSV("csv", "csv", "CSV", Markup.MARKDOWN, Generic.FIELDS),

	JSON("json", "json", "JSON", Markup.MARKDOWN, Generic.FIELDS);

	/** How a source writes rich text. */
	enum Markup {

		JIRA, TEXTILE, MARKDOWN

	}

	private final String key;

	private final String identity;

	private final String label;

	private final Markup markup;

	private final Map<String, List<String>> columns;

	ImportSource(String key, String identity, String label, Markup markup, Map<String, List<String>> columns) {
		this.key = key;
		this.identity = identity;
		this.label = label;
		this.markup = markup;
		this.columns = columns;
	}

	@JsonValue
	public String key() {
		return this.key;
	}

	/**
	 * The name bugs remember as their source: a Jira CSV and Jira's API are one source.
	 */
	String identity() {
		return this.identity;
	}

	public String label() {
		return this.label;
	}

	Markup markup() {
		return this.markup;
	}

	boolean json() {
		return this == JSON;
	}

	/** Read from a tracker's REST API rather than a file. */
	public boolean remote() {
		return this == JIRA_API || this == REDMINE_API || this == GITHUB_API || this == GITLAB_API;
	}

	/**
	 * A forge's issues (GitHub, GitLab): labels carry priority and severity
	 * ({@code priority: high}, {@code P1}, {@code severity::critical}, or the mapping's
	 * labels).
	 */
	boolean labelled() {
		return this == GITHUB_API || this == GITLAB_API;
	}

	/** The usual column names of a Fixpoint field in this source's files, first wins. */
	List<String> columns(String field) {
		return this.columns.getOrDefault(field, List.of());
	}

	public static Optional<ImportSource> parse(String key) {
		return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
	}

	private static final class Columns {

		static final Map<String, List<String>> JIRA = Map.ofEntries(Map.entry("id", List.of("Issue id")),
				Map.entry("key", List.of("Issue key")), Map.entry("title", List.of("Summary")),
				Map.entry("description", List.of("Description")), Map.entry("status", List.of("Status")),
				Map.entry("resolution", List.of("Resolution")), Map.entry("priority", List.of("Priority")),
				Map.entry("severity", List.of("Custom field (Severity)", "Severity")),
				Map.entry("type", List.of("Issue Type")), Map.entry("assignee", List.of("Assignee")),
				Map.entry("reporter", List.of("Reporter", "Creator")), Map.entry("tags", List.of("Labels")),
				Map.entry("components", List.of("Component/s")), Map.entry("created", List.of("Created")),
				Map.entry("updated", List.of("Updated")), Map.entry("resolved", List.of("Resolved")),
				Map.entry("due", List.of("Due Date", "Due date")), Map.entry("comments", List.of("Comment")),
				Map.entry("environment", List.of("Environment")), Map.entry("attachments", List.of("Attachment")));

		private Columns() {
		}

	}

	private static final class Generic {

		static final Map<String, List<String>> FIELDS = Map.ofEntries(
				Map.entry("id", List.of("id", "issue id", "number", "key", "issue key")),
				Map.entry("key", List.of("key", "issue key", "identifier")),
				Map.entry("url", List.of("url", "html_url", "link")),
				Map.entry("title", List.of("title", "summary", "subject", "name")),
				Map.entry("description", List.of("description", "body", "details", "text")),
				Map.entry("status", List.of("status", "state")), Map.entry("resolution", List.of("resolution")),
				Map.entry("priority", List.of("priority")), Map.entry("severity", List.of("severity")),
				Map.entry("type", List.of("type", "issue type", "tracker")),
				Map.entry("assignee", List.of("assignee", "assigned to", "assignee.email", "owner")),
				Map.entry("reporter", List.of("reporter", "author", "creator", "reporter.email", "created by")),
				Map.entry("tags", List.of("tags", "labels", "label")),
				Map.entry("components", List.of("component", "components", "category")),
				Map.entry("created", List.of("created_at", "created", "created on", "opened")),
				Map.entry("updated", List.of("updated_at", "updated", "updated on", "modified")),
				Map.entry("resolved", List.of("resolved_at", "resolved", "closed_at", "closed on", "closed")),
				Map.entry("due", List.of("due_date", "due date", "due")),
				Map.entry("comments", List.of("comments", "comment")),
				Map.entry("duplicate_of", List.of("duplicate_of", "duplicate of", "duplicate")),
				Map.entry("attachments", List.of("attachments", "attachment")));

		private Generic() {
		}

	}

}
