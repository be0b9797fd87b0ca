package dev.fixpoint.notifications.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.notifications.Notification;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.Dates;

/**
 * The notification center: one page of notifications grouped by bug (in order of their
 * newest notification).
 */
public record NotificationsPage(List<BugGroup> groups, boolean unreadOnly, int unreadCount, String nextUrl,
		String notice, Instant now) {

	public record BugGroup(String key, String title, String url, List<Notification> items) {

		public boolean hasUnread() {
			return this.items.stream().anyMatch(n -> !n.read());
		}

		public List<UUID> unreadIds() {
			return this.items.stream().filter(n -> !n.read()).map(Notification::id).toList();
		}

	}

	static NotificationsPage of(Page<Notification> page, boolean unreadOnly, int unreadCount, String notice,
			Instant now) {
		Map<UUID, List<Notification>> byBug = new LinkedHashMap<>();
		page.items().forEach(n -> byBug.computeIfAbsent(n.bug().id(), id -> new ArrayList<>()).add(n));
		List<BugGroup> groups = byBug.values()
			.stream()
			.map(items -> new BugGroup(items.get(0).bug().key(), items.get(0).bug().title(), items.get(0).bug().url(),
					items))
			.toList();
		String next = page.nextCursor() == null ? null
				: NotificationRoutes.CENTER + "?" + (unreadOnly ? "unread=true&" : "") + "cursor=" + page.nextCursor();
		return new NotificationsPage(groups, unreadOnly, unreadCount, next, notice, now);
	}

	public String ago(Instant time) {
		return Dates.ago(time, this.now);
	}

	public String exact(Instant time) {
		return Dates.exact(time);
	}

	public String icon(Notification n) {
		return switch (n.kind()) {
			case "assigned" -> "→";
			case "status_change" -> "◆";
			case "comment" -> "✎";
			case "mention" -> "@";
			case "sla" -> "⏱";
			default -> "•";
		};
	}

	public String allUrl() {
		return NotificationRoutes.CENTER;
	}

	public String unreadUrl() {
		return NotificationRoutes.CENTER + "?unread=true";
	}

}
