package dev.fixpoint.notifications.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.notifications.Notification;
import dev.fixpoint.notifications.Notifications;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
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

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/notifications")
	@Operation(operationId = "listNotifications",
			summary = "The caller's notifications, newest first (unread=true: unread only); keyset paginated")
	Page<Notification> list(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
			@Authenticated CurrentUser user) {
		return this.notifications.list(user, unread, cursor, limit);
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
