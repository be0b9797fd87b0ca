package dev.fixpoint.notifications.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.fixpoint.notifications.NotificationKind;
import dev.fixpoint.notifications.NotificationPreferences;
import dev.fixpoint.notifications.NotificationSettings;
import dev.fixpoint.notifications.PreferencesChange;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Notifications")
class PreferencesApiController {

	/**
	 * The contract's shape: {@code {email: {assigned: "instant", ...}, digest,
	 * digest_hour, digest_day, time_zone}}.
	 */
	record PreferencesJson(Map<String, String> email, String digest, int digestHour, String digestDay,
			String timeZone) {

		static PreferencesJson of(NotificationPreferences p) {
			Map<String, String> email = new LinkedHashMap<>();
			for (NotificationKind kind : NotificationKind.values()) {
				email.put(kind.key(), p.delivery(kind).key());
			}
			return new PreferencesJson(email, p.digest().key(), p.digestHour(),
					p.digestDay().name().toLowerCase(Locale.ROOT), p.timeZone().getId());
		}

	}

	private final NotificationSettings settings;

	PreferencesApiController(NotificationSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/api/me/notification-preferences")
	@Operation(operationId = "getNotificationPreferences",
			summary = "The caller's email preferences per event type (default: digest, daily at 09:00 UTC)")
	PreferencesJson get(@Authenticated CurrentUser user) {
		return PreferencesJson.of(this.settings.of(user));
	}

	@GetMapping("/api/me/weekly-reports")
	@Operation(operationId = "listWeeklyReports",
			summary = "The weekly analytics emails the caller may get (projects they administer) and whether "
					+ "they get each")
	java.util.List<NotificationSettings.WeeklyReport> weekly(@Authenticated CurrentUser user) {
		return this.settings.weeklyReports(user);
	}

	@PutMapping("/api/me/weekly-reports/{project}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "subscribeWeeklyReport",
			summary = "Opt in to a project's weekly analytics email (project admins; sent on Mondays for the "
					+ "past week through the email outbox, with one-click unsubscribe)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	void subscribe(@PathVariable String project, @Authenticated CurrentUser user) {
		this.settings.weeklyReport(project, true, user);
	}

	@DeleteMapping("/api/me/weekly-reports/{project}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "unsubscribeWeeklyReport", summary = "Stop a project's weekly analytics email")
	void unsubscribe(@PathVariable String project, @Authenticated CurrentUser user) {
		this.settings.weeklyReport(project, false, user);
	}

	@PutMapping("/api/me/notification-preferences")
	@Operation(operationId = "updateNotificationPreferences",
			summary = "Change email preferences; parts left out stay as they are")
	PreferencesJson put(@RequestBody PreferencesChange change, @Authenticated CurrentUser user) {
		if (change == null) {
			throw InvalidInputException.of("body", "must be a JSON object");
		}
		return PreferencesJson.of(this.settings.change(user, change));
	}

}
