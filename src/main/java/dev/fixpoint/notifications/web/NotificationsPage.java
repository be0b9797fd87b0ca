package dev.fixpoint.notifications.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.notifications.Notification;
import dev.fixpoint.notifications.NotificationQuery;
import dev.fixpoint.notifications.SnoozeChoice;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.Dates;

/**
 * The notification center: one page of a folder of the triage (inbox, snoozed, done),
 * filtered (all, mentions, assigned, participating), grouped by bug (in order of their
 * newest notification).
 */
public record NotificationsPage(List<BugGroup> groups, NotificationQuery query, int unreadCount, String nextUrl,
		String notice, Instant now) {

	public record BugGroup(String key, String title, String url, List<Notification> items) {

		public boolean hasUnread() {
			return this.items.stream().anyMatch(n -> !n.read());
		}

		public List<UUID> unreadIds() {
			return this.items.stream().filter(n -> !n.read()).map(Notification::id).toList();
		}

		public List<UUID> ids() {
			return this.items.stream().map(Notification::id).toList();
		}

		/** When the group's snooze ends (its latest), or null. */
		public Instant snoozedUntil() {
			return this.items.stream()
				.map(Notification::snoozedUntil)
				.filter(java.util.Objects::nonNull)
				.max(Instant::compareTo)
				.orElse(null);
		}

	}

	static NotificationsPage of(Page<Notification> page, NotificationQuery query, int unreadCount, String notice,
			Instant now) {
		Map<UUID, List<Notification>> byBug = new LinkedHashMap<>();
		page.items().forEach(n -> byBug.computeIfAbsent(n.bug().id(), id -> new ArrayList<>()).add(n));
		List<BugGroup> groups = byBug.values()
			.stream()
			.map(items -> new BugGroup(items.get(0).bug().key(), items.get(0).bug().title(), items.get(0).bug().url(),
					items))
			.toList();
		String next = page.nextCursor() == null ? null : url(query) + separator(query) + "cursor=" + page.nextCursor();
		return new NotificationsPage(groups, query, unreadCount, next, notice, now);
	}

	/** The center's URL showing {@code query} (defaults left out). */
	static String url(NotificationQuery query) {
		List<String> params = new ArrayList<>();
		if (query.folder() != NotificationQuery.Folder.INBOX) {
			params.add("folder=" + query.folder().key());
		}
		if (query.filter() != NotificationQuery.Filter.ALL) {
			params.add("filter=" + query.filter().key());
		}
		if (query.unreadOnly()) {
			params.add("unread=true");
		}
		return NotificationRoutes.CENTER + (params.isEmpty() ? "" : "?" + String.join("&", params));
	}

	private static String separator(NotificationQuery query) {
		return url(query).contains("?") ? "&" : "?";
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

	public boolean inbox() {
		return this.query.folder() == NotificationQuery.Folder.INBOX;
	}

	public boolean done() {
		return this.query.folder() == NotificationQuery.Folder.DONE;
	}

	public boolean snoozed() {
		return this.query.folder() == NotificationQuery.Folder.SNOOZED;
	}

	public List<NotificationQuery.Folder> folders() {
		return List.of(NotificationQuery.Folder.values());
	}

	public List<NotificationQuery.Filter> filters() {
		return List.of(NotificationQuery.Filter.values());
	}

	public List<SnoozeChoice> snoozeChoices() {
		return List.of(SnoozeChoice.values());
	}

	public String folderLabel(NotificationQuery.Folder folder) {
		return switch (folder) {
			case INBOX -> "Inbox";
			case SNOOZED -> "Snoozed";
			case DONE -> "Done";
		};
	}

	public String folderUrl(NotificationQuery.Folder folder) {
		return url(new NotificationQuery(folder, NotificationQuery.Filter.ALL, false));
	}

	public String filterUrl(NotificationQuery.Filter filter) {
		return url(new NotificationQuery(this.query.folder(), filter, this.query.unreadOnly()));
	}

	/** The same list with "unread only" switched. */
	public String unreadToggleUrl() {
		return url(new NotificationQuery(this.query.folder(), this.query.filter(), !this.query.unreadOnly()));
	}

	public String emptyTitle() {
		return switch (this.query.folder()) {
			case INBOX -> this.query.unreadOnly() ? "You are all caught up"
					: this.query.filter() == NotificationQuery.Filter.ALL ? "No notifications yet" : "Nothing here";
			case SNOOZED -> "Nothing snoozed";
			case DONE -> "Nothing done yet";
		};
	}

}
