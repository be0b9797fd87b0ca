package dev.fixpoint.comments;

import java.util.UUID;

import dev.fixpoint.bugs.BugMarkdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Renders, in the background, the comments whose HTML an older markdown renderer made.
 * Every node runs it; each batch is claimed by one node at a time (an advisory lock, see
 * {@code SchedulingConfiguration}) and a comment edited meanwhile keeps its new HTML.
 * Each node walks the comments once per start, in id order, and stops at the end: new
 * comments are rendered when written.
 */
@Component
class CommentTextBackfill {

	private static final Logger log = LoggerFactory.getLogger(CommentTextBackfill.class);

	private final CommentTexts texts;

	private final int size;

	private UUID after;

	private boolean done;

	private long rendered;

	CommentTextBackfill(CommentTexts texts, @Value("${fixpoint.markdown.backfill-batch:200}") int size) {
		this.texts = texts;
		this.size = size;
	}

	@Scheduled(fixedDelayString = "${fixpoint.markdown.backfill-interval:PT1S}",
			initialDelayString = "${fixpoint.markdown.backfill-initial-delay:PT30S}")
	void run() {
		if (this.done) {
			return;
		}
		CommentTexts.Batch batch = this.texts.backfill(this.after, this.size);
		this.after = batch.last();
		this.rendered += batch.rendered();
		if (batch.claimed() && batch.rendered() == 0) {
			this.done = true;
			if (this.rendered > 0) {
				log.info("Comments rendered by markdown renderer {} in the background: {}", BugMarkdown.VERSION,
						this.rendered);
			}
		}
	}

}
