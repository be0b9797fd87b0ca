package dev.fixpoint.notifications.web;

import java.util.Optional;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.notifications.NotificationSettings;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Unsubscribe links of emails, no sign-in needed (the link is signed). Opening the link
 * only asks (mail scanners open links); the button, or a mail client's one-click POST
 * (RFC 8058) to the API path, turns the email off.
 */
@Controller
class UnsubscribeController {

	private final NotificationSettings settings;

	UnsubscribeController(NotificationSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/unsubscribe/{token}")
	String ask(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<String> what = this.settings.describeUnsubscribe(token);
		response.setStatus(what.isPresent() ? 200 : 404);
		model.addAttribute("page", new UnsubscribePage(token, what.orElse(null), false));
		return "notifications/unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<String> what = this.settings.unsubscribe(token);
		response.setStatus(what.isPresent() ? 200 : 404);
		model.addAttribute("page", new UnsubscribePage(token, what.orElse(null), what.isPresent()));
		return "notifications/unsubscribe";
	}

	@ApiController
	@Tag(name = "Notifications")
	static class OneClick {

		private final NotificationSettings settings;

		OneClick(NotificationSettings settings) {
			this.settings = settings;
		}

		@PostMapping("/api/unsubscribe/{token}")
		@ResponseStatus(HttpStatus.NO_CONTENT)
		@Operation(operationId = "unsubscribe",
				summary = "One-click unsubscribe (RFC 8058) from an email's List-Unsubscribe header; no auth")
		@SecurityRequirements
		void unsubscribe(@PathVariable String token) {
			if (this.settings.unsubscribe(token).isEmpty()) {
				throw NotFoundException.of("Unsubscribe link");
			}
		}

	}

}
