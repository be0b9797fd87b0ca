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
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

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
