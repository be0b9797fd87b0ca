package dev.fixpoint.notifications.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.notifications.Notification;
import dev.fixpoint.notifications.NotificationQuery;
import dev.fixpoint.notifications.Notifications;
import dev.fixpoint.notifications.SnoozeChoice;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController
@Tag(name = "Notifications")
class NotificationApiController {

	/** Either {@code ids} or {@code all: true}. */
	record ReadRequest(List<UUID> ids, Boolean all) {
	}

	record ReadResult(int markedRead, int unreadCount) {
	}

	record UnreadCount(int count) {
	}

	/** Some of the caller's notifications, by id (others' ids are ignored). */
	record Selection(List<UUID> ids) {
	}

	/**
	 * Until an instant ({@code until}) or a named time ({@code choice}: later, tomorrow,
	 * next_week, in the caller's time zone).
	 */
	record SnoozeRequest(List<UUID> ids, Instant until, String choice) {
	}

	record TriageResult(int changed, int unreadCount) {
	}

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/notifications")
	@Operation(operationId = "listNotifications",
			summary = "The caller's notifications of one folder (inbox: newest first; snoozed: soonest back first; "
					+ "done: most recently done first), by filter (all, mentions, assigned, participating), "
					+ "unread=true: unread only; keyset paginated")
	Page<Notification> list(@RequestParam(defaultValue = "false") boolean unread,
			@Parameter(description = "inbox (default), snoozed or done") @RequestParam(required = false) String folder,
			@Parameter(description = "all (default), mentions, assigned or participating") @RequestParam(
					required = false) String filter,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
			@Authenticated CurrentUser user) {
		return this.notifications.list(user, NotificationQuery.of(folder, filter, unread), cursor, limit);
	}

	@PostMapping("/api/notifications/done")
	@Operation(operationId = "markNotificationsDone",
			summary = "Done: the notifications leave the inbox (archived, read); {\"ids\": [...]}")
	TriageResult done(@RequestBody Selection request, @Authenticated CurrentUser user) {
		int changed = this.notifications.done(user, ids(request.ids()));
		return new TriageResult(changed, this.notifications.unreadCount(user));
	}

	@PostMapping("/api/notifications/snooze")
	@Operation(operationId = "snoozeNotifications",
			summary = "Snooze: out of the inbox until a time (until: an instant within a year, or choice: later, "
					+ "tomorrow, next_week), then back on top, unread")
	TriageResult snooze(@RequestBody SnoozeRequest request, @Authenticated CurrentUser user) {
		List<UUID> ids = ids(request.ids());
		int changed;
		if (request.until() != null) {
			changed = this.notifications.snooze(user, ids, request.until());
		}
		else if (request.choice() != null) {
			changed = this.notifications.snooze(user, ids, SnoozeChoice.parse(request.choice())
				.orElseThrow(() -> InvalidInputException.of("choice", "must be one of later, tomorrow, next_week")));
		}
		else {
			throw InvalidInputException.of("until", "say until when: until (an instant) or choice");
		}
		return new TriageResult(changed, this.notifications.unreadCount(user));
	}

	@PostMapping("/api/notifications/restore")
	@Operation(operationId = "restoreNotifications",
			summary = "Back to the inbox now: undoes done, ends a snooze; {\"ids\": [...]}")
	TriageResult restore(@RequestBody Selection request, @Authenticated CurrentUser user) {
		int changed = this.notifications.restore(user, ids(request.ids()));
		return new TriageResult(changed, this.notifications.unreadCount(user));
	}

	private static List<UUID> ids(List<UUID> ids) {
		if (ids == null || ids.isEmpty()) {
			throw InvalidInputException.of("ids", "name the notifications");
		}
		if (ids.size() > Page.MAX_LIMIT) {
			throw InvalidInputException.of("ids", "at most " + Page.MAX_LIMIT + " at once");
		}
		return ids;
	}

	@GetMapping("/api/notifications/unread-count")
	@Operation(operationId = "countUnreadNotifications",
			summary = "How many of the caller's notifications are unread (counted up to 1,000)")
	UnreadCount unreadCount(@Authenticated CurrentUser user) {
		return new UnreadCount(this.notifications.unreadCount(user));
	}

	@PostMapping("/api/notifications/read")
	@Operation(operationId = "markNotificationsRead",
			summary = "Mark notifications read: {\"ids\": [...]} or {\"all\": true}")
	ReadResult read(@RequestBody ReadRequest request, @Authenticated CurrentUser user) {
		int marked;
		if (Boolean.TRUE.equals(request.all())) {
			marked = this.notifications.markAllRead(user);
		}
		else if (request.ids() != null && !request.ids().isEmpty()) {
			if (request.ids().size() > Page.MAX_LIMIT) {
				throw InvalidInputException.of("ids", "at most " + Page.MAX_LIMIT + " at once (or all: true)");
			}
			marked = this.notifications.markRead(user, request.ids());
		}
		else {
			throw InvalidInputException.of("ids", "name the notifications to mark read, or send all: true");
		}
		return new ReadResult(marked, this.notifications.unreadCount(user));
	}

}
