package dev.fixpoint.bugs;

import java.util.UUID;

import dev.fixpoint.platform.Backfill;

import org.springframework.stereotype.Component;

/**
 * Renders again, in the background ({@code platform.Backfills}), the reports that have no
 * stored HTML by the current {@link BugMarkdown#VERSION}: all of them after a release
 * that raised it, bugs from before stored renderings, bugs loaded by other means than
 * filing. Each batch is claimed by one node at a time, and a stored rendering is never
 * replaced once it is by the current renderer.
 */
@Component
class BugTextBackfill implements Backfill {

	private final BugTexts texts;

	BugTextBackfill(BugTexts texts) {
		this.texts = texts;
	}

	@Override
	public String what() {
		return "Bug reports rendered by markdown renderer " + BugMarkdown.VERSION;
	}

	@Override
	public Batch next(UUID after, int size) {
		return this.texts.backfill(after, size);
	}

}
