package dev.fixpoint.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.bugs.BugImport;
import dev.fixpoint.bugs.ImportedBug;
import dev.fixpoint.bugs.ImportedComment;
import dev.fixpoint.bugs.Priority;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.projects.Member;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;

/**
 * One source record as a bug of this project: the mapping's columns or the source's
 * defaults, its statuses, priorities, severities and people, with a warning for each
 * value it could not take as it was. Counts what it makes into the report.
 */
final class RowTranslator {

	/**
	 * What became of a record: a bug, or null when it was skipped; its links to other
	 * issues of the source; and the warnings.
	 */
	record Translated(ImportedBug bug, List<BugImport.Link> links, List<Attachment> attachments,
			List<ImportWarning> warnings) {

		Translated(ImportedBug bug, List<BugImport.Link> links, List<ImportWarning> warnings) {
			this(bug, links, List.of(), warnings);
		}

	}

	/** A file the source names for a bug, to be downloaded when the rows are written. */
	record Attachment(String fromId, String url, String filename) {
	}

	/** Jira's CSV columns of issue links: {@code Outward issue link (Duplicate)}. */
	private static final java.util.regex.Pattern LINK_COLUMN = java.util.regex.Pattern
		.compile("^(inward|outward) issue link \\((.+)\\)$", java.util.regex.Pattern.CASE_INSENSITIVE);

	private static final java.util.regex.Pattern HTTP_URL = java.util.regex.Pattern.compile("^https?://\\S{1,1990}$");

	/** Jira comment cells: {@code 02/Mar/24 10:00 AM;fox.mulder;the text}. */
	private static final java.util.regex.Pattern JIRA_COMMENT = java.util.regex.Pattern
		.compile("^([^;]{6,40});([^;]{0,200});(.*)$", java.util.regex.Pattern.DOTALL);

	private final ImportSource source;

	private final ImportMapping mapping;

	private final Workflow workflow;

	private final People people;

	private final UUID importerId;

	private final Instant fallbackTime;

	private final ZoneId zone;

	private final ImportReport report;

	private final Map<String, String> columns = new java.util.HashMap<>();

	/** Each column seen, and the link kind it holds ("" when it holds none). */
	private final Map<String, String> linkKinds = new java.util.HashMap<>();

	/** Who stands in for a person of the file who is not a member. */
	private final UUID standIn;

	RowTranslator(ImportSource source, ImportMapping mapping, Workflow workflow, People people, UUID importerId,
			Instant fallbackTime, ImportReport report) {
		this.source = source;
		this.mapping = mapping;
		this.workflow = workflow;
		this.people = people;
		this.importerId = importerId;
		this.fallbackTime = fallbackTime;
		this.zone = mapping.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(mapping.timeZone());
		this.report = report;
		String unknown = mapping.unknownPerson();
		this.standIn = unknown == null || unknown.isBlank() || unknown.equalsIgnoreCase(ImportMapping.IMPORTER)
				? importerId : unknown.equalsIgnoreCase(ImportMapping.PLACEHOLDER) ? SystemActor.IMPORT.id()
						: people.find(unknown).map(People::id).orElse(importerId);
	}

	Translated translate(SourceRow row) {
		List<ImportWarning> warnings = new ArrayList<>();
		String key = value(row, "key");
		String original = Optional.ofNullable(value(row, "id")).orElse(key);
		String ref = key != null ? key : original;
		Warn warn = message -> warnings.add(new ImportWarning(row.line(), ref, message));
		if (row.has("pull_request")) {
			// GitHub lists pull requests among the issues: skipped without a warning
			return new Translated(null, List.of(), List.of());
		}
		String title = value(row, "title");
		if (title == null) {
			warn.add("no " + column(row, "title") + ": skipped");
			return new Translated(null, List.of(), warnings);
		}
		if (title.length() > ImportedBug.TITLE_MAX) {
			title = title.substring(0, ImportedBug.TITLE_MAX - 1) + "…";
			warn.add("title cut to " + ImportedBug.TITLE_MAX + " characters");
		}
		String created = value(row, "created");
		Instant createdAt = date(created, "created", warn).orElse(this.fallbackTime);
		if (original == null) {
			original = "sha1:" + sha1(title + "\n" + (created == null ? "" : created));
		}
		String sourcePriority = value(row, "priority");
		String sourceSeverity = value(row, "severity");
		if (this.source.labelled()) {
			List<String> labels = values(row, "tags");
			sourcePriority = sourcePriority != null ? sourcePriority
					: ForgeLabels.priority(labels, this.mapping.priorities()).orElse(null);
			sourceSeverity = sourceSeverity != null ? sourceSeverity
					: ForgeLabels.severity(labels, this.mapping.severities()).orElse(null);
		}
		Priority priority = priority(sourcePriority, warn);
		this.report.priority(sourcePriority, priority.key());
		Severity severity = severity(sourceSeverity, priority, warn);
		String sourceStatus = value(row, "status");
		Workflow.Status status = status(sourceStatus, warn);
		UUID reporter = person(value(row, "reporter")).map(People::id).orElse(this.standIn);
		UUID assignee = assignee(value(row, "assignee"), warn);
		String description = description(row, warn);
		String url = Optional.ofNullable(value(row, "url"))
			.filter(u -> HTTP_URL.matcher(u).matches())
			.orElseGet(() -> url(key));
		ImportedBug bug = new ImportedBug(original, key, url, title, description, severity, priority, status.key(),
				resolution(row, status), reporter, assignee, tags(row, warn),
				value(row, "due") == null ? null : SourceDates.day(value(row, "due")).orElse(null), createdAt,
				date(value(row, "updated"), "updated", warn).orElse(createdAt),
				date(value(row, "resolved"), "resolved", warn).orElse(null), comments(row, createdAt, warn));
		this.report.count(status.key(), sourceStatus, severity.key(), priority.key(),
				assignee == null ? "(unassigned)" : name(value(row, "assignee")));
		return new Translated(bug, links(row, original), attachments(row, original, warn), warnings);
	}

	/**
	 * The record's comments: Jira's {@code date;author;text} cells (a repeated
	 * {@code Comment} column), or any other cell as a comment of the bug's reporter on
	 * its creation date. An author who is not a member is replaced by the mapping's
	 * stand-in, the name kept in the text.
	 */
	private List<ImportedComment> comments(SourceRow row, Instant created, Warn warn) {
		List<ImportedComment> comments = new ArrayList<>();
		for (String cell : values(row, "comments")) {
			java.util.regex.Matcher m = JIRA_COMMENT.matcher(cell);
			Optional<Instant> at = m.matches() ? SourceDates.instant(m.group(1).strip(), this.zone) : Optional.empty();
			String author = at.isPresent() ? m.group(2).strip() : value(row, "reporter");
			String raw = at.isPresent() ? m.group(3) : cell;
			String body = text(raw);
			if (body == null || body.isBlank()) {
				continue;
			}
			Optional<Member> member = person(author);
			if (member.isEmpty() && author != null && !author.isBlank()) {
				body = "_" + author.replace("_", "\\_") + " wrote in " + this.source.label() + ":_\n\n" + body;
			}
			if (body.length() > ImportedComment.TEXT_MAX) {
				warn.add("a comment cut to " + ImportedComment.TEXT_MAX + " characters");
				body = body.substring(0, ImportedComment.TEXT_MAX - 1) + "…";
			}
			comments.add(new ImportedComment("c:" + sha1(cell), member.map(People::id).orElse(this.standIn),
					at.orElse(created), body));
		}
		return comments;
	}

	/**
	 * Jira's {@code Attachment} cells ({@code date;author;name;url}), or a cell that is a
	 * URL (a generic file's {@code attachments} column); instead of a URL, the path of a
	 * file in the uploaded zip.
	 */
	private List<Attachment> attachments(SourceRow row, String original, Warn warn) {
		List<Attachment> files = new ArrayList<>();
		for (String cell : values(row, "attachments")) {
			String[] parts = cell.split(";", 4);
			String url = (parts.length == 4 ? parts[3] : cell).strip();
			if (!HTTP_URL.matcher(url).matches()) {
				// a path inside the uploaded zip (files/shot.png)
				if (url.isEmpty() || url.length() > 1000 || url.contains(":") || url.contains("..")) {
					warn.add("attachment '" + cell
							+ "' is neither an http(s) address nor a file of the zip: not imported");
					continue;
				}
				url = "zip:" + ExportFile.path(url);
			}
			String name = parts.length == 4 ? parts[2].strip()
					: url.replaceFirst("[?#].*$", "").replaceFirst(".*/", "");
			name = name.isBlank() ? "attachment" : name.length() > 255 ? name.substring(0, 255) : name;
			files.add(new Attachment(original, url, name));
		}
		return files;
	}

	/**
	 * Jira's link columns ({@code Outward issue link (Duplicate)}: this issue duplicates
	 * the one named; {@code Inward ...}: the one named duplicates this), a generic file's
	 * {@code duplicate_of} column.
	 */
	private List<BugImport.Link> links(SourceRow row, String original) {
		List<BugImport.Link> links = new ArrayList<>();
		for (String column : row.values().keySet()) {
			String kind = this.linkKinds.computeIfAbsent(column, RowTranslator::linkKind);
			if (kind.isEmpty()) {
				continue;
			}
			for (String target : row.all(column)) {
				for (String key : target.split("[,\\s]+")) {
					if (!key.isBlank() && key.length() <= 200) {
						links.add(new BugImport.Link(original, kind, key));
					}
				}
			}
		}
		String duplicateOf = value(row, "duplicate_of");
		if (duplicateOf != null && duplicateOf.length() <= 200) {
			links.add(new BugImport.Link(original, "duplicates", duplicateOf));
		}
		return links;
	}

	/** The kind of link a column holds, "" for a column that is not a link column. */
	private static String linkKind(String column) {
		java.util.regex.Matcher m = LINK_COLUMN.matcher(column);
		if (!m.matches()) {
			return "";
		}
		return linkKind(m.group(2).strip().toLowerCase(Locale.ROOT), m.group(1).equalsIgnoreCase("outward"));
	}

	private static String linkKind(String type, boolean outward) {
		return switch (type) {
			case "duplicate" -> outward ? "duplicates" : "duplicated_by";
			case "blocks" -> outward ? "blocks" : "is blocked by";
			case "cloners" -> outward ? "clones" : "is cloned by";
			case "relates" -> "relates to";
			default -> outward ? type : type + " (inward)";
		};
	}

	private interface Warn {

		void add(String message);

	}

	/**
	 * The column a field is read from: the mapping's, else the first usual one present.
	 */
	String column(SourceRow row, String field) {
		String mapped = this.mapping.fields().get(field);
		if (mapped != null) {
			return mapped;
		}
		String known = this.columns.get(field);
		if (known != null) {
			return known;
		}
		List<String> usual = this.source.columns(field);
		Optional<String> present = usual.stream().filter(row::has).findFirst();
		// remembered once seen: a JSON record may lack a field the next one has
		present.ifPresent(column -> this.columns.put(field, column));
		return present.orElse(usual.isEmpty() ? field : usual.get(0));
	}

	private String value(SourceRow row, String field) {
		return row.first(column(row, field));
	}

	private List<String> values(SourceRow row, String field) {
		return row.all(column(row, field));
	}

	private Optional<Instant> date(String text, String field, Warn warn) {
		if (text == null) {
			return Optional.empty();
		}
		Optional<Instant> at = SourceDates.instant(text, this.zone);
		if (at.isEmpty()) {
			warn.add(field + " date '" + text + "' is not a date this import reads: ignored");
		}
		return at;
	}

	private Priority priority(String value, Warn warn) {
		if (value == null) {
			return Priority.P2;
		}
		String mapped = lookup(this.mapping.priorities(), value);
		if (mapped != null) {
			return Priority.parse(mapped.toUpperCase(Locale.ROOT)).orElse(Priority.P2);
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "highest", "blocker", "urgent", "immediate", "p0", "1" -> Priority.P0;
			case "high", "critical", "p1", "2" -> Priority.P1;
			case "medium", "major", "normal", "p2", "3" -> Priority.P2;
			case "low", "lowest", "minor", "trivial", "p3", "4", "no priority", "none", "0" -> Priority.P3;
			default -> {
				warn.add("priority '" + value + "' is not mapped: P2");
				yield Priority.P2;
			}
		};
	}

	private Severity severity(String value, Priority priority, Warn warn) {
		if (value != null) {
			String mapped = lookup(this.mapping.severities(), value);
			String v = (mapped != null ? mapped : value).strip().toLowerCase(Locale.ROOT);
			Optional<Severity> parsed = switch (v) {
				case "critical", "blocker", "s1", "urgent" -> Optional.of(Severity.CRITICAL);
				case "high", "major", "s2" -> Optional.of(Severity.HIGH);
				case "medium", "normal", "s3" -> Optional.of(Severity.MEDIUM);
				case "low", "minor", "trivial", "s4" -> Optional.of(Severity.LOW);
				default -> Optional.empty();
			};
			if (parsed.isPresent()) {
				return parsed.get();
			}
			warn.add("severity '" + value + "' is not mapped: taken from the priority");
		}
		return switch (priority) {
			case P0 -> Severity.CRITICAL;
			case P1 -> Severity.HIGH;
			case P2 -> Severity.MEDIUM;
			case P3 -> Severity.LOW;
		};
	}

	private Workflow.Status status(String value, Warn warn) {
		Workflow.Status initial = this.workflow.initialStatus();
		if (value == null) {
			return initial;
		}
		String mapped = lookup(this.mapping.statuses(), value);
		if (mapped != null) {
			Optional<Workflow.Status> status = this.workflow.status(mapped);
			if (status.isPresent()) {
				return status.get();
			}
		}
		String v = value.strip().toLowerCase(Locale.ROOT);
		for (Workflow.Status s : this.workflow.statuses()) {
			if (s.key().equalsIgnoreCase(v) || s.name().equalsIgnoreCase(v) || s.key().equals(v.replace(' ', '_'))) {
				return s;
			}
		}
		StatusCategory category = switch (v) {
			case "open", "opened", "to do", "todo", "backlog", "new", "triage", "reopened", "selected for development",
					"unstarted", "feedback" ->
				StatusCategory.TODO;
			case "in progress", "in review", "started", "doing", "review", "in testing", "testing", "qa",
					"code review" ->
				StatusCategory.IN_PROGRESS;
			case "done", "resolved", "closed", "fixed", "completed", "complete", "canceled", "cancelled", "won't fix",
					"rejected", "duplicate" ->
				StatusCategory.DONE;
			default -> null;
		};
		if (category == StatusCategory.TODO) {
			return initial;
		}
		if (category != null) {
			Optional<Workflow.Status> first = this.workflow.statuses()
				.stream()
				.filter(s -> s.category() == category)
				.findFirst();
			if (first.isPresent()) {
				return first.get();
			}
		}
		warn.add("status '" + value + "' is not mapped: " + initial.name());
		return initial;
	}

	private String resolution(SourceRow row, Workflow.Status status) {
		if (status.category() != StatusCategory.DONE) {
			return null;
		}
		if (value(row, "canceled") != null) {
			return "wont_fix";
		}
		String v = Optional.ofNullable(value(row, "resolution"))
			.or(() -> Optional.ofNullable(value(row, "status")))
			.orElse("")
			.toLowerCase(Locale.ROOT);
		if (v.contains("duplicate")) {
			return "duplicate";
		}
		if (v.contains("won't") || v.contains("wont") || v.contains("cancel") || v.contains("reject")
				|| v.contains("not_planned") || v.contains("not planned")) {
			return "wont_fix";
		}
		if (v.contains("reproduc")) {
			return "cannot_reproduce";
		}
		if (v.contains("design") || v.contains("works as")) {
			return "by_design";
		}
		return "fixed";
	}

	private Optional<Member> person(String name) {
		if (name == null || name.equalsIgnoreCase("unassigned")) {
			return Optional.empty();
		}
		Optional<Member> member = this.people.find(name);
		if (member.isEmpty()) {
			this.report.unknown(name);
		}
		return member;
	}

	private UUID assignee(String name, Warn warn) {
		Optional<Member> member = person(name);
		if (member.isPresent() && !People.canBeAssigned(member.get())) {
			warn.add(name + " may not be assigned bugs (" + member.get().role().name().toLowerCase(Locale.ROOT)
					+ "): unassigned");
			return null;
		}
		return member.map(People::id).orElse(null);
	}

	private String name(String assignee) {
		return this.people.find(assignee).map(m -> m.user().name()).orElse(assignee);
	}

	private String description(SourceRow row, Warn warn) {
		String text = text(value(row, "description"));
		String environment = text(value(row, "environment"));
		if (environment != null && !environment.isBlank()) {
			text = (text == null ? "" : text + "\n\n") + "**Environment:** " + environment;
		}
		text = text == null ? "" : text;
		if (text.length() > ImportedBug.TEXT_MAX) {
			warn.add("description cut to " + ImportedBug.TEXT_MAX + " characters");
			text = text.substring(0, ImportedBug.TEXT_MAX - 1) + "…";
		}
		return text;
	}

	private String text(String raw) {
		if (raw == null) {
			return null;
		}
		return switch (this.source.markup()) {
			case JIRA -> JiraMarkup.toMarkdown(raw);
			case TEXTILE -> TextileMarkup.toMarkdown(raw);
			case MARKDOWN -> raw.strip();
		};
	}

	/** Labels, components and a type other than a bug, as tags. */
	private List<String> tags(SourceRow row, Warn warn) {
		Set<String> tags = new LinkedHashSet<>();
		List<String> raw = new ArrayList<>();
		for (String field : List.of("tags", "components")) {
			for (String v : values(row, field)) {
				raw.addAll(this.source == ImportSource.JIRA_CSV ? List.of(v) : List.of(v.split("[,;]")));
			}
		}
		String type = value(row, "type");
		if (type != null && !type.equalsIgnoreCase("bug")) {
			raw.add(type);
		}
		for (String label : raw) {
			ImportedBug.tagOf(label)
				.ifPresentOrElse(tags::add, () -> warn.add("label '" + label + "' cannot be a tag: dropped"));
		}
		if (tags.size() > ImportedBug.MAX_TAGS) {
			warn.add(tags.size() + " tags: kept the first " + ImportedBug.MAX_TAGS);
			return new ArrayList<>(tags).subList(0, ImportedBug.MAX_TAGS);
		}
		return List.copyOf(tags);
	}

	private String url(String key) {
		String base = this.mapping.baseUrl();
		if (key == null || base == null || base.isBlank()) {
			return null;
		}
		String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		return switch (this.source) {
			case JIRA_CSV, JIRA_API -> root + "/browse/" + key;
			case LINEAR_CSV -> root + "/issue/" + key;
			default -> root + "/" + key;
		};
	}

	private static String lookup(Map<String, String> map, String value) {
		for (Map.Entry<String, String> e : map.entrySet()) {
			if (e.getKey().equalsIgnoreCase(value.strip())) {
				return e.getValue();
			}
		}
		return null;
	}

	private static String sha1(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
