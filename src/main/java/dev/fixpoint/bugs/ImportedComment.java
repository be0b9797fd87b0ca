package dev.fixpoint.bugs;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A comment of an imported bug ({@link ImportedBug#comments()}) as the source had it: its
 * author (a member, or who the import maps unknown people to), its date and its text as
 * markdown. Public, never internal.
 *
 * @param originalId the source's id of the comment, or one made from its date, author and
 * text: with the bug, what keeps a re-run from adding it twice
 */
public record ImportedComment(String originalId, UUID authorId, Instant createdAt, String content) {

	/** The longest comment the comments module stores. */
	public static final int TEXT_MAX = 65536;

	public ImportedComment {
		Objects.requireNonNull(originalId, "originalId");
		Objects.requireNonNull(authorId, "authorId");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(content, "content");
	}

}
