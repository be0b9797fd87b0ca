package dev.fixpoint.comments;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.SafeHtml;

/**
 * A comment as the API shows it:
 * {@code {id, bug_id, author, content, content_html, is_internal, visible_to_reporter,
 * parent_id, created_at, updated_at, edited, deleted}}. A deleted comment keeps its place
 * (for its replies) without content.
 */
public record Comment(UUID id, UUID bugId, UserSummary author, String content, String contentHtml, boolean isInternal,
		boolean visibleToReporter, UUID parentId, Instant createdAt, Instant updatedAt, boolean edited,
		boolean deleted) {

	@JsonIgnore
	public SafeHtml html() {
		return new SafeHtml(this.contentHtml);
	}

}
