package dev.fixpoint.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watch, unwatch, mute and unmute a bug (any member, viewers too). Reporters and
 * assignees hear about their bugs without a watch; muting silences a bug for them as
 * well.
 */
@Service
public class Watching {

	private final WatcherRepository watchers;

	private final BugQueries bugs;

	private final Clock clock;

	Watching(WatcherRepository watchers, BugQueries bugs, Clock clock) {
		this.watchers = watchers;
		this.bugs = bugs;
		this.clock = clock;
	}

	/**
	 * The bugs the caller follows without being their reporter or assignee (watched, or
	 * commented on), most recently followed first, keyset-paginated: My work's
	 * "Watching". Bugs of projects the caller left are left out.
	 */
	@Transactional(readOnly = true)
	public Page<Bug> following(CurrentUser user, String cursor, Integer limit) {
		int size = Page.limit(limit);
		Cursor.TimeAndId after = Cursor.timeAndId(cursor);
		List<WatcherRepository.Followed> rows = this.watchers.following(user.id(), after.time(), after.id(), size + 1);
		boolean more = rows.size() > size;
		List<WatcherRepository.Followed> page = more ? rows.subList(0, size) : rows;
		String next = more
				? Cursor.of(page.get(size - 1).since().toString(), page.get(size - 1).bugId().toString()).encode()
				: null;
		return new Page<>(this.bugs.visible(page.stream().map(WatcherRepository.Followed::bugId).toList(), user), next);
	}

	@Transactional(readOnly = true)
	public Subscription of(String bugRef, CurrentUser user) {
		return subscription(this.bugs.find(bugRef, user), user);
	}

	@Transactional
	public Subscription watch(String bugRef, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		this.watchers.setState(bug.id(), user.id(), "watching", Times.now(this.clock));
		return subscription(bug, user);
	}

	/**
	 * Stops an explicit or automatic watch; a reporter or assignee still hears about the
	 * bug until they mute.
	 */
	@Transactional
	public Subscription unwatch(String bugRef, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		this.watchers.delete(bug.id(), user.id());
		return subscription(bug, user);
	}

	@Transactional
	public Subscription mute(String bugRef, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		this.watchers.setState(bug.id(), user.id(), "muted", Times.now(this.clock));
		return subscription(bug, user);
	}

	/** Unmuting goes back to watching the bug. */
	@Transactional
	public Subscription unmute(String bugRef, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		if (this.watchers.find(bug.id(), user.id()).filter(WatcherRepository.WatchRow::muted).isPresent()) {
			this.watchers.setState(bug.id(), user.id(), "watching", Times.now(this.clock));
		}
		return subscription(bug, user);
	}

	private Subscription subscription(Bug bug, CurrentUser user) {
		Optional<WatcherRepository.WatchRow> row = this.watchers.find(bug.id(), user.id());
		if (row.filter(WatcherRepository.WatchRow::muted).isPresent()) {
			return new Subscription(false, true, null);
		}
		if (row.isPresent()) {
			return new Subscription(true, false, row.get().reason());
		}
		if (bug.assignee() != null && bug.assignee().id().equals(user.id())) {
			return new Subscription(true, false, "assignee");
		}
		if (bug.reporter() != null && bug.reporter().id().equals(user.id())) {
			return new Subscription(true, false, "reporter");
		}
		return new Subscription(false, false, null);
	}

}
