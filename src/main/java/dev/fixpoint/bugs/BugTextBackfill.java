package dev.fixpoint.bugs;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Renders, in the background, the reports that have no stored HTML by the current
 * {@link BugMarkdown#VERSION}: all of them after a release that raised it, bugs from
 * before stored renderings, bugs loaded by other means than filing. Every node runs it;
 * each batch is claimed by one node at a time (an advisory lock, see
 * {@code SchedulingConfiguration}), and a stored rendering is never replaced by the
 * backfill once it is by the current renderer. Each node walks the bugs once per start,
 * in id order, and stops at the end: new bugs are rendered when filed.
 */
@Component
class BugTextBackfill {

	private static final Logger log = LoggerFactory.getLogger(BugTextBackfill.class);

	private final BugTexts texts;

	private final int size;

	private UUID after;

	private boolean done;

	private long rendered;

	BugTextBackfill(BugTexts texts, @Value("${fixpoint.markdown.backfill-batch:200}") int size) {
		this.texts = texts;
		this.size = size;
	}

	@Scheduled(fixedDelayString = "${fixpoint.markdown.backfill-interval:PT1S}",
			initialDelayString = "${fixpoint.markdown.backfill-initial-delay:PT30S}")
	void run() {
		if (this.done) {
			return;
		}
		BugTexts.Batch batch = this.texts.backfill(this.after, this.size);
		this.after = batch.last();
		this.rendered += batch.rendered();
		if (batch.claimed() && batch.rendered() == 0) {
			this.done = true;
			if (this.rendered > 0) {
				log.info("Bug reports rendered by markdown renderer {} in the background: {}", BugMarkdown.VERSION,
						this.rendered);
			}
		}
	}

}
