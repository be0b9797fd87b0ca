package dev.fixpoint.notifications.web;

import dev.fixpoint.notifications.Subscription;
import dev.fixpoint.notifications.Watching;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.HtmxRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The watch / mute box of a bug page, loaded into it by URL ({@code hx-get}). */
@Controller
class WatchController {

	private final Watching watching;

	WatchController(Watching watching) {
		this.watching = watching;
	}

	@GetMapping("/bugs/{bug}/watch")
	String box(@PathVariable String bug, @Authenticated CurrentUser user, HtmxRequest htmx, Model model) {
		model.addAttribute("box", new WatchBox(bug, this.watching.of(bug, user)));
		return htmx.fragment() ? "notifications/watch" : "notifications/watch-page";
	}

	@PostMapping("/bugs/{bug}/watch")
	String change(@PathVariable String bug, @RequestParam String action, @Authenticated CurrentUser user,
			HtmxRequest htmx, Model model) {
		Subscription subscription = switch (action) {
			case "watch" -> this.watching.watch(bug, user);
			case "unwatch" -> this.watching.unwatch(bug, user);
			case "mute" -> this.watching.mute(bug, user);
			case "unmute" -> this.watching.unmute(bug, user);
			default -> throw InvalidInputException.of("action", "must be watch, unwatch, mute or unmute");
		};
		if (!htmx.request()) {
			return "redirect:/bugs/" + bug;
		}
		model.addAttribute("box", new WatchBox(bug, subscription));
		return "notifications/watch";
	}

}
