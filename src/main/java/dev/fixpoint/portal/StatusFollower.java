package dev.fixpoint.portal;

import java.time.Clock;

import dev.fixpoint.bugs.BugChanged;
import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.platform.Times;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps published status entries in step with their bugs, in the bug's transaction (data
 * of the change): the status's category (and when it was fixed) and the severity. One
 * statement per status or severity change, none for other edits.
 */
@Component
class StatusFollower {

	private final StatusRepository status;

	private final Clock clock;

	StatusFollower(StatusRepository status, Clock clock) {
		this.status = status;
		this.clock = clock;
	}

	@EventListener
	void on(BugStatusChanged event) {
		if (!event.fromCategory().equals(event.toCategory())) {
			this.status.followStatus(event.bugId(), event.toCategory(), Times.now(this.clock));
		}
	}

	@EventListener
	void on(BugChanged event) {
		BugChanged.Change severity = event.changes().get("severity");
		if (severity != null) {
			this.status.followSeverity(event.bugId(), severity.newValue(), Times.now(this.clock));
		}
	}

}
