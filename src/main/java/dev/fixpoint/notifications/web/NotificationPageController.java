package dev.fixpoint.notifications.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.ToIntFunction;

import dev.fixpoint.bugs.BugKey;
import dev.fixpoint.notifications.NotificationQuery;
import dev.fixpoint.notifications.NotificationStream;
import dev.fixpoint.notifications.Notifications;
import dev.fixpoint.notifications.SnoozeChoice;
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
 * The notification center (a folder of the triage, a filter), its triage (read, done,
 * snooze, back to the inbox; htmx gets the list back, others a redirect to the same
 * list), and the live unread count (Server-Sent Events).
 */
@Controller
class NotificationPageController {

	/** How a form says which list it was on, so the answer shows the same one. */
	record Shown(String folder, String filter, Boolean unread) {

		NotificationQuery query() {
			return NotificationQuery.of(this.folder, this.filter, Boolean.TRUE.equals(this.unread));
		}

	}

	private final Notifications notifications;

	private final NotificationStream stream;

	private final Clock clock;

	NotificationPageController(Notifications notifications, NotificationStream stream, Clock clock) {
		this.notifications = notifications;
		this.stream = stream;
		this.clock = clock;
	}

	@GetMapping(NotificationRoutes.CENTER)
	String center(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) String folder,
			@RequestParam(required = false) String filter, @RequestParam(required = false) String cursor,
			@Authenticated CurrentUser user, HtmxRequest htmx, Model model) {
		NotificationQuery query = NotificationQuery.of(folder, filter, unread);
		model.addAttribute("page", page(user, query, cursor, (String) model.getAttribute("notice")));
		return htmx.fragment() ? "notifications/list" : "notifications/center";
	}

	/** Marks the given notifications (or all in the inbox) read. */
	@PostMapping(NotificationRoutes.READ)
	String read(@RequestParam(required = false) List<UUID> ids, @RequestParam(defaultValue = "false") boolean all,
			@RequestParam(required = false) String key, Shown shown, @Authenticated CurrentUser user, HtmxRequest htmx,
			Model model, RedirectAttributes redirect) {
		int marked = all ? this.notifications.markAllRead(user) : this.notifications.markRead(user, limited(ids));
		String notice = key != null ? key + " marked read."
				: marked == 1 ? "1 notification marked read." : marked + " notifications marked read.";
		return answer(shown, notice, user, htmx, model, redirect);
	}

	@PostMapping(NotificationRoutes.DONE)
	String done(@RequestParam(required = false) List<UUID> ids, @RequestParam(required = false) String key, Shown shown,
			@Authenticated CurrentUser user, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
		return triage(ids, list -> this.notifications.done(user, list), what(key, ids) + " done.", shown, user, htmx,
				model, redirect);
	}

	/** Snoozed until the {@code choice} (tomorrow when none is named). */
	@PostMapping(NotificationRoutes.SNOOZE)
	String snooze(@RequestParam(required = false) List<UUID> ids, @RequestParam(required = false) String choice,
			@RequestParam(required = false) String key, Shown shown, @Authenticated CurrentUser user, HtmxRequest htmx,
			Model model, RedirectAttributes redirect) {
		SnoozeChoice until = SnoozeChoice.parse(choice).orElse(SnoozeChoice.TOMORROW);
		return triage(ids, list -> this.notifications.snooze(user, list, until),
				what(key, ids) + " snoozed: " + until.label() + ".", shown, user, htmx, model, redirect);
	}

	@PostMapping(NotificationRoutes.RESTORE)
	String restore(@RequestParam(required = false) List<UUID> ids, @RequestParam(required = false) String key,
			Shown shown, @Authenticated CurrentUser user, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
		return triage(ids, list -> this.notifications.restore(user, list), what(key, ids) + " back in the inbox.",
				shown, user, htmx, model, redirect);
	}

	@GetMapping(path = NotificationRoutes.STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream(@Authenticated CurrentUser user) {
		return this.stream.open(user);
	}

	private String triage(List<UUID> ids, ToIntFunction<List<UUID>> action, String notice, Shown shown,
			CurrentUser user, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
		List<UUID> some = limited(ids);
		int changed = some.isEmpty() ? 0 : action.applyAsInt(some);
		return answer(shown, changed == 0 ? "Nothing changed." : notice, user, htmx, model, redirect);
	}

	private String answer(Shown shown, String notice, CurrentUser user, HtmxRequest htmx, Model model,
			RedirectAttributes redirect) {
		NotificationQuery query = shown.query();
		if (htmx.request()) {
			model.addAttribute("page", page(user, query, null, notice));
			return "notifications/list";
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:" + NotificationsPage.url(query);
	}

	private NotificationsPage page(CurrentUser user, NotificationQuery query, String cursor, String notice) {
		Page<dev.fixpoint.notifications.Notification> page = this.notifications.list(user, query, cursor, 30);
		return NotificationsPage.of(page, query, this.notifications.unreadCount(user), notice, Times.now(this.clock));
	}

	private static List<UUID> limited(List<UUID> ids) {
		return ids == null ? List.of() : ids.stream().limit(Page.MAX_LIMIT).toList();
	}

	private static String what(String key, List<UUID> ids) {
		if (key != null && BugKey.parse(key).isPresent()) {
			return key;
		}
		int n = ids == null ? 0 : ids.size();
		return n == 1 ? "1 notification" : n + " notifications";
	}

}
