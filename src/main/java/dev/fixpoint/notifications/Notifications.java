package dev.fixpoint.notifications;

import java.time.Clock;
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
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notification center: list (newest first, keyset pages), unread count, mark
 * read.
 */
@Service
public class Notifications {

	private final NotificationRepository notifications;

	private final Accounts accounts;

	private final UnreadSignals signals;

	private final Clock clock;

	Notifications(NotificationRepository notifications, Accounts accounts, UnreadSignals signals, Clock clock) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.signals = signals;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<Notification> list(CurrentUser user, boolean unreadOnly, String cursor, Integer limit) {
		int size = Page.limit(limit);
		Cursor.TimeAndId after = Cursor.timeAndId(cursor);
		List<NotificationRepository.NotificationRow> rows = this.notifications.page(user.id(), unreadOnly, after.time(),
				after.id(), size + 1);
		boolean more = rows.size() > size;
		List<NotificationRepository.NotificationRow> page = more ? rows.subList(0, size) : rows;
		String next = more
				? Cursor.of(page.get(size - 1).createdAt().toString(), page.get(size - 1).id().toString()).encode()
				: null;
		return new Page<>(views(page), next);
	}

	@Transactional(readOnly = true)
	public int unreadCount(CurrentUser user) {
		return unreadCount(user.id());
	}

	int unreadCount(UUID userId) {
		return this.notifications.unreadCount(userId);
	}

	Optional<Notification> find(UUID userId, UUID id) {
		return this.notifications.find(userId, id).map(row -> views(List.of(row)).get(0));
	}

	/**
	 * Marks some of the caller's notifications read (others' ids are ignored); returns
	 * how many changed.
	 */
	@Transactional
	public int markRead(CurrentUser user, Collection<UUID> ids) {
		int changed = this.notifications.markRead(user.id(), ids, Times.now(this.clock));
		if (changed > 0) {
			this.signals.read(user.id());
		}
		return changed;
	}

	@Transactional
	public int markAllRead(CurrentUser user) {
		int changed = this.notifications.markAllRead(user.id(), Times.now(this.clock));
		if (changed > 0) {
			this.signals.read(user.id());
		}
		return changed;
	}

	private List<Notification> views(List<NotificationRepository.NotificationRow> rows) {
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
					r.actorId() == null ? null : actors.get(r.actorId()), r.text(), r.createdAt(), r.readAt()))
			.toList();
	}

}
