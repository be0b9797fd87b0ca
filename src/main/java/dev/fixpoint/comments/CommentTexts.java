package dev.fixpoint.comments;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.bugs.BugMarkdown;
import dev.fixpoint.platform.Backfill;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments are rendered once, when written ({@link Comments}); after a release that
 * raised {@link BugMarkdown#VERSION} the older ones are rendered again here, a batch at a
 * time ({@link CommentTextBackfill}).
 */
@Service
class CommentTexts {

	private final CommentRepository comments;

	private final BugMarkdown markdown;

	CommentTexts(CommentRepository comments, BugMarkdown markdown) {
		this.comments = comments;
		this.markdown = markdown;
	}

	/**
	 * Renders the next comments after {@code after} (null: from the first) made by an
	 * older renderer, unless another node is doing a batch right now.
	 */
	@Transactional
	Backfill.Batch backfill(UUID after, int size) {
		if (!this.comments.claimBackfill()) {
			return new Backfill.Batch(false, 0, after);
		}
		List<CommentRepository.Outdated> outdated = this.comments.findOutdated(after, BugMarkdown.VERSION, size);
		BugMarkdown.OnBugs rendering = this.markdown.onBugs();
		for (CommentRepository.Outdated comment : outdated) {
			rendering.render(comment.bugId(), comment.content())
				.ifPresent(rendered -> this.comments.saveRendering(comment.id(), comment.content(),
						rendered.html().html(), BugMarkdown.VERSION));
		}
		return new Backfill.Batch(true, outdated.size(),
				outdated.isEmpty() ? after : outdated.get(outdated.size() - 1).id());
	}

}
