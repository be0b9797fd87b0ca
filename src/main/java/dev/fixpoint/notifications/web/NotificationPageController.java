package dev.fixpoint.notifications.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.notifications.NotificationStream;
import dev.fixpoint.notifications.Notifications;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.HtmxRequest;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification center page, marking read, and the live unread count (Server-Sent
 * Events).
 */
@Controller
class NotificationPageController {

	private final Notifications notifications;

	private final NotificationStream stream;

	private final Clock clock;

	NotificationPageController(Notifications notifications, NotificationStream stream, Clock clock) {
		this.notifications = notifications;
		this.stream = stream;
		this.clock = clock;
	}

	@GetMapping(NotificationRoutes.CENTER)
	String center(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) String cursor,
			@Authenticated CurrentUser user, HtmxRequest htmx, Model model) {
		Page<dev.fixpoint.notifications.Notification> page = this.notifications.list(user, unread, cursor, 30);
		model.addAttribute("page", NotificationsPage.of(page, unread, this.notifications.unreadCount(user),
				(String) model.getAttribute("notice"), Times.now(this.clock)));
		return htmx.fragment() ? "notifications/list" : "notifications/center";
	}

	/**
	 * Marks the given notifications (or all) read; htmx gets the list back, others a
	 * redirect.
	 */
	@PostMapping(NotificationRoutes.READ)
	String read(@RequestParam(required = false) List<UUID> ids, @RequestParam(defaultValue = "false") boolean all,
			@RequestParam(defaultValue = "false") boolean unread, @Authenticated CurrentUser user, HtmxRequest htmx,
			Model model, RedirectAttributes redirect) {
		int marked = all ? this.notifications.markAllRead(user) : this.notifications.markRead(user,
				ids == null ? List.of() : ids.stream().limit(Page.MAX_LIMIT).toList());
		String notice = marked == 1 ? "1 notification marked read." : marked + " notifications marked read.";
		if (htmx.request()) {
			model.addAttribute("page", NotificationsPage.of(this.notifications.list(user, unread, null, 30), unread,
					this.notifications.unreadCount(user), notice, Times.now(this.clock)));
			return "notifications/list";
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:" + NotificationRoutes.CENTER + (unread ? "?unread=true" : "");
	}

	@GetMapping(path = NotificationRoutes.STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream(@Authenticated CurrentUser user) {
		return this.stream.open(user);
	}

}
