package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A bug as another tracker had it, ready to be written by {@link BugImport}: the fields
 * already mapped to this project (a status of its workflow, members' ids), the text
 * already markdown, the dates as the source recorded them.
 *
 * @param originalId the source's stable id (Jira's issue id, Linear's identifier): with
 * the source, what makes a re-run update instead of file again
 * @param originalKey the key people know it by ({@code WEB-123}), searchable
 * @param originalUrl where it lived, or null
 * @param reporterId a member, the importer or a placeholder; never null
 * @param resolvedAt when it was resolved, for a status of the done category (null: its
 * {@code updatedAt})
 * @param comments its comments, oldest first (written by the comments module; their text
 * is searchable with the bug from its first write)
 */
public record ImportedBug(String originalId, String originalKey, String originalUrl, String title, String description,
		Severity severity, Priority priority, String status, String resolution, UUID reporterId, UUID assigneeId,
		List<String> tags, LocalDate dueDate, Instant createdAt, Instant updatedAt, Instant resolvedAt,
		List<ImportedComment> comments) {

	private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39}$");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern NOT_TAG = Pattern.compile("[^\\p{L}\\p{N}._-]");

	private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[._-]+");

	public ImportedBug {
		Objects.requireNonNull(originalId, "originalId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(reporterId, "reporterId");
		Objects.requireNonNull(createdAt, "createdAt");
		description = description == null ? "" : description;
		tags = tags == null ? List.of() : List.copyOf(tags);
		comments = comments == null ? List.of()
				: comments.stream().sorted(java.util.Comparator.comparing(ImportedComment::createdAt)).toList();
		updatedAt = updatedAt == null || updatedAt.isBefore(createdAt) ? createdAt : updatedAt;
	}

	/**
	 * The text of its comments as the comments' trigger joins it (oldest first, one space
	 * between), so the bug is stored with its comments' vector and not written again when
	 * they follow.
	 */
	String commentText() {
		return this.comments.isEmpty() ? null
				: String.join(" ", this.comments.stream().map(ImportedComment::content).toList());
	}

	/** The longest title a bug may have; longer ones are cut by the caller. */
	public static final int TITLE_MAX = BugRules.TITLE_MAX;

	/** The longest description; longer ones are cut by the caller. */
	public static final int TEXT_MAX = BugRules.TEXT_MAX;

	/** How many tags a bug may carry. */
	public static final int MAX_TAGS = BugRules.MAX_TAGS;

	/**
	 * A label of another tracker as a tag of this one: lower case, spaces as dashes,
	 * other characters dropped, at most 40; empty when nothing is left.
	 */
	public static Optional<String> tagOf(String label) {
		if (label == null) {
			return Optional.empty();
		}
		String tag = label.trim().toLowerCase(Locale.ROOT);
		tag = SPACES.matcher(tag).replaceAll("-");
		tag = NOT_TAG.matcher(tag).replaceAll("");
		tag = LEADING_PUNCTUATION.matcher(tag).replaceAll("");
		tag = tag.length() > 40 ? tag.substring(0, 40) : tag;
		return TAG.matcher(tag).matches() ? Optional.of(tag) : Optional.empty();
	}

}
