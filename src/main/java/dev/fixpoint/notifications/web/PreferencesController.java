package dev.fixpoint.notifications.web;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.notifications.NotificationKind;
import dev.fixpoint.notifications.NotificationPreferences;
import dev.fixpoint.notifications.NotificationSettings;
import dev.fixpoint.notifications.PreferencesChange;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The email preferences page: the same rules as
 * {@code PUT /api/me/notification-preferences}.
 */
@Controller
class PreferencesController {

	private final NotificationSettings settings;

	PreferencesController(NotificationSettings settings) {
		this.settings = settings;
	}

	@GetMapping(NotificationRoutes.PREFERENCES)
	String show(@Authenticated CurrentUser user, Model model) {
		model.addAttribute("page",
				page(this.settings.of(user), FormErrors.none(), (String) model.getAttribute("notice")));
		model.addAttribute("weekly", this.settings.weeklyReports(user));
		return "notifications/preferences";
	}

	@PostMapping(NotificationRoutes.PREFERENCES + "/weekly")
	String weekly(@RequestParam String project, @RequestParam boolean on, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		this.settings.weeklyReport(project, on, user);
		redirect.addFlashAttribute("notice",
				on ? "You will get the weekly analytics email of " + project + " on Mondays."
						: "No more weekly analytics email of " + project + ".");
		return "redirect:" + NotificationRoutes.PREFERENCES;
	}

	@PostMapping(NotificationRoutes.PREFERENCES)
	String save(@RequestParam Map<String, String> form, @Authenticated CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> email = new LinkedHashMap<>();
		for (NotificationKind kind : NotificationKind.values()) {
			if (form.containsKey("email." + kind.key())) {
				email.put(kind.key(), form.get("email." + kind.key()));
			}
		}
		return switch (Forms.apiStatuses()
			.submit(() -> this.settings.change(user, new PreferencesChange(email, form.get("digest"),
					hour(form.get("digest_hour")), form.get("digest_day"), form.get("time_zone"))))) {
			case Accepted<NotificationPreferences> saved -> {
				redirect.addFlashAttribute("notice", "Email preferences saved.");
				yield "redirect:" + NotificationRoutes.PREFERENCES;
			}
			case Rejected<NotificationPreferences> rejected -> {
				response.setStatus(rejected.status().value());
				model.addAttribute("page", new PreferencesPage(email, form.get("digest"), form.get("digest_hour"),
						form.get("digest_day"), form.get("time_zone"), rejected.errors(), null));
				model.addAttribute("weekly", this.settings.weeklyReports(user));
				yield "notifications/preferences";
			}
		};
	}

	private static Integer hour(String text) {
		try {
			return text == null ? null : Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of("digest_hour", "must be between 0 and 23");
		}
	}

	private static PreferencesPage page(NotificationPreferences p, FormErrors errors, String notice) {
		Map<String, String> email = new LinkedHashMap<>();
		for (NotificationKind kind : NotificationKind.values()) {
			email.put(kind.key(), p.delivery(kind).key());
		}
		return new PreferencesPage(email, p.digest().key(), String.valueOf(p.digestHour()), dayKey(p.digestDay()),
				p.timeZone().getId(), errors, notice);
	}

	private static String dayKey(DayOfWeek day) {
		return day.name().toLowerCase(Locale.ROOT);
	}

}
