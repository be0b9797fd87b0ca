package dev.fixpoint.comments;

import java.util.UUID;

import dev.fixpoint.bugs.BugMarkdown;
import dev.fixpoint.platform.Backfill;

import org.springframework.stereotype.Component;

/**
 * Renders again, in the background ({@code platform.Backfills}), the comments whose HTML
 * an older markdown renderer made. Each batch is claimed by one node at a time, and a
 * comment edited meanwhile keeps its new HTML.
 */
@Component
class CommentTextBackfill implements Backfill {

	private final CommentTexts texts;

	CommentTextBackfill(CommentTexts texts) {
		this.texts = texts;
	}

	@Override
	public String what() {
		return "Comments rendered by markdown renderer " + BugMarkdown.VERSION;
	}

	@Override
	public Batch next(UUID after, int size) {
		return this.texts.backfill(after, size);
	}

}
