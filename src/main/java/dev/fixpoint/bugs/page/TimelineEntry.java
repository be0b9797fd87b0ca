package dev.fixpoint.bugs.page;

import java.time.Instant;

/**
 * One entry of a bug's activity timeline: a history line or a comment thread (exactly one
 * is set).
 */
public record TimelineEntry(HistoryLine line, CommentView thread, Instant at) {

	static TimelineEntry of(HistoryLine line) {
		return new TimelineEntry(line, null, line.at());
	}

	static TimelineEntry of(CommentView thread) {
		return new TimelineEntry(null, thread, thread.comment().createdAt());
	}

	public boolean isComment() {
		return this.thread != null;
	}

}
