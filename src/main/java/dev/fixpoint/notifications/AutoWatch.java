package dev.fixpoint.notifications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.BugAssigned;
import dev.fixpoint.bugs.FiledBugRows;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.platform.Times;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reporters, assignees and commenters watch a bug automatically. Inside the transaction
 * of the change (plain {@code @EventListener}): the watch is part of what the person just
 * did, shown on the bug page they land on, so it commits with the change. One statement
 * per event; a filing's watches are written by the bug's own insert statement
 * ({@link FiledBugRows}). What they hear about it later is fan-out ({@link Notifier},
 * after commit).
 */
@Component
class AutoWatch implements FiledBugRows {

	private final WatcherRepository watchers;

	private final Clock clock;

	AutoWatch(WatcherRepository watchers, Clock clock) {
		this.watchers = watchers;
		this.clock = clock;
	}

	/**
	 * The reporter and the assignee of a bug being filed: written by the bug's own insert
	 * statement.
	 */
	@Override
	public FiledBugRows.Rows rows(FiledBugRows.FiledBug bug) {
		Map<UUID, WatcherRepository.Reason> people = new LinkedHashMap<>();
		people.put(bug.reporterId(), WatcherRepository.Reason.REPORTER);
		if (bug.assigneeId() != null) {
			people.putIfAbsent(bug.assigneeId(), WatcherRepository.Reason.ASSIGNEE);
		}
		return WatcherRepository.watchWithBug(people, bug.at());
	}

	@EventListener
	void on(BugAssigned event) {
		if (event.assigneeId() != null) {
			this.watchers.watchAutomatically(event.bugId(),
					Map.of(event.assigneeId(), WatcherRepository.Reason.ASSIGNEE), Times.now(this.clock));
		}
	}

	@EventListener
	void on(CommentAdded event) {
		this.watchers.watchAutomatically(event.bugId(), Map.of(event.authorId(), WatcherRepository.Reason.COMMENTER),
				Times.now(this.clock));
	}

}
