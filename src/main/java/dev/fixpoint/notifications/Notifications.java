package dev.fixpoint.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notification center: list a folder of the triage ({@link NotificationQuery}:
 * inbox, snoozed, done; all, mentions, assigned, participating; keyset pages), unread
 * count, mark read, done, snooze, back to the inbox.
 */
@Service
public class Notifications {

	private final NotificationRepository notifications;

	private final Accounts accounts;

	private final UnreadSignals signals;

	private final PreferenceRepository preferences;

	private final Clock clock;

	Notifications(NotificationRepository notifications, Accounts accounts, UnreadSignals signals,
			PreferenceRepository preferences, Clock clock) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.signals = signals;
		this.preferences = preferences;
		this.clock = clock;
	}

	/** A page of one folder of the caller's triage, keyset-paginated. */
	@Transactional(readOnly = true)
	public Page<Notification> list(CurrentUser user, NotificationQuery query, String cursor, Integer limit) {
		int size = Page.limit(limit);
		Cursor.TimeAndId after = Cursor.timeAndId(cursor);
		Instant now = Times.now(this.clock);
		List<NotificationRepository.NotificationRow> rows = this.notifications.page(user.id(), query, now, after.time(),
				after.id(), size + 1);
		boolean more = rows.size() > size;
		List<NotificationRepository.NotificationRow> page = more ? rows.subList(0, size) : rows;
		String next = null;
		if (more) {
			NotificationRepository.NotificationRow last = page.get(size - 1);
			Instant time = query.folder() == NotificationQuery.Folder.DONE ? last.doneAt() : last.inboxAt();
			next = Cursor.of(time.toString(), last.id().toString()).encode();
		}
		return new Page<>(views(page, now), next);
	}

	@Transactional(readOnly = true)
	public int unreadCount(CurrentUser user) {
		return unreadCount(user.id());
	}

	int unreadCount(UUID userId) {
		return this.notifications.unreadCount(userId, Times.now(this.clock));
	}

	Optional<Notification> find(UUID userId, UUID id) {
		return this.notifications.find(userId, id).map(row -> views(List.of(row), Times.now(this.clock)).get(0));
	}

	/**
	 * Marks some of the caller's notifications read (others' ids are ignored); returns
	 * how many changed.
	 */
	@Transactional
	public int markRead(CurrentUser user, Collection<UUID> ids) {
		return signalled(user, this.notifications.markRead(user.id(), ids, Times.now(this.clock)));
	}

	@Transactional
	public int markAllRead(CurrentUser user) {
		return signalled(user, this.notifications.markAllRead(user.id(), Times.now(this.clock)));
	}

	/**
	 * Done: the caller's notifications leave the inbox (archived) and count as read;
	 * returns how many changed.
	 */
	@Transactional
	public int done(CurrentUser user, Collection<UUID> ids) {
		return signalled(user, this.notifications.markDone(user.id(), ids, Times.now(this.clock)));
	}

	/**
	 * Snoozed until {@code until} (in the future, within a year): out of the inbox, back
	 * on top and unread when the time comes.
	 */
	@Transactional
	public int snooze(CurrentUser user, Collection<UUID> ids, Instant until) {
		Instant now = Times.now(this.clock);
		if (until == null || !until.isAfter(now)) {
			throw InvalidInputException.of("until", "must be in the future");
		}
		if (until.isAfter(now.plus(Duration.ofDays(366)))) {
			throw InvalidInputException.of("until", "must be within a year");
		}
		return signalled(user, this.notifications.snooze(user.id(), ids, until.truncatedTo(ChronoUnit.MICROS)));
	}

	/**
	 * Snoozed until a moment named in words ({@link SnoozeChoice}), in the caller's time
	 * zone (their email preferences').
	 */
	@Transactional
	public int snooze(CurrentUser user, Collection<UUID> ids, SnoozeChoice choice) {
		ZoneId zone = this.preferences.find(user.id())
			.map(NotificationPreferences::timeZone)
			.orElse(java.time.ZoneOffset.UTC);
		return snooze(user, ids, choice.until(Times.now(this.clock), zone));
	}

	/** Back in the inbox now (undoes done and snooze); returns how many changed. */
	@Transactional
	public int restore(CurrentUser user, Collection<UUID> ids) {
		return signalled(user, this.notifications.restore(user.id(), ids, Times.now(this.clock)));
	}

	/**
	 * Leaves each of these people at most {@code keep} unread notifications, the newest:
	 * a fresh installation starts with a few, not its whole made-up past (the demo data).
	 */
	@Transactional
	public int keepNewestUnread(Collection<UUID> userIds, int keep) {
		int changed = this.notifications.keepNewestUnread(userIds, keep, Times.now(this.clock));
		userIds.forEach(this.signals::read);
		return changed;
	}

	private int signalled(CurrentUser user, int changed) {
		if (changed > 0) {
			this.signals.read(user.id());
		}
		return changed;
	}

	private List<Notification> views(List<NotificationRepository.NotificationRow> rows, Instant now) {
		Map<UUID, UserSummary> actors = new HashMap<>();
		this.accounts
			.findAll(rows.stream()
				.map(NotificationRepository.NotificationRow::actorId)
				.filter(Objects::nonNull)
				.distinct()
				.toList())
			.forEach(u -> actors.put(u.id(), u));
		return rows.stream()
			.map(r -> new Notification(r.id(), r.kind(),
					new Notification.BugRef(r.bugId(), r.bugKey(), r.bugTitle(), "/bugs/" + r.bugKey()), r.projectId(),
					r.actorId() == null ? null : actors.get(r.actorId()), r.text(), r.createdAt(), r.readAt(),
					r.inboxAt().isAfter(now) ? r.inboxAt() : null, r.doneAt(), r.participating()))
			.toList();
	}

}
