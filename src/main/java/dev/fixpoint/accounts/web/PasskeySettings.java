package dev.fixpoint.accounts.web;

import java.util.Map;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.fixpoint.accounts.Passkeys;
import dev.fixpoint.accounts.RememberedDevices;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The security page's passkeys and remembered devices: register a passkey (two JSON
 * requests from js/passkeys.js around the authenticator), rename or delete one, forget a
 * remembered device.
 */
@Controller
class PasskeySettings {

	static final String REGISTRATION = "fixpoint.passkey-registration";

	private final Passkeys passkeys;

	private final RememberedDevices devices;

	private final JsonMapper json;

	PasskeySettings(Passkeys passkeys, RememberedDevices devices, JsonMapper json) {
		this.passkeys = passkeys;
		this.devices = devices;
		this.json = json;
	}

	@PostMapping(path = SecondFactorRoutes.PASSKEY_OPTIONS, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	String options(@Authenticated CurrentUser user, HttpServletRequest request) {
		Passkeys.Registration registration = this.passkeys.startRegistration(user);
		request.getSession().setAttribute(REGISTRATION, registration.pending());
		return registration.optionsJson();
	}

	@PostMapping(path = SecondFactorRoutes.PASSKEYS, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, String>> register(@RequestBody String body, @Authenticated CurrentUser user,
			HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession();
		Passkeys.PendingRegistration pending = session
			.getAttribute(REGISTRATION) instanceof Passkeys.PendingRegistration p ? p : null;
		session.removeAttribute(REGISTRATION);
		JsonNode tree = tree(body);
		String label = tree.path("label").asString();
		String credential = tree.has("credential") ? tree.get("credential").toString() : "{}";
		return switch (Forms
			.submit(() -> this.passkeys.register(user, pending, credential, label, PasskeyOrigin.of(request)))) {
			case Accepted<Passkeys.Passkey>(Passkeys.Passkey passkey) -> {
				// a passkey is a second factor: an organization's rule is met
				session.removeAttribute(SignInSteps.ENROLMENT_REQUIRED);
				// the notice of the page js/passkeys.js loads next (no redirect carries
				// it)
				RequestContextUtils.getOutputFlashMap(request).put("notice", "Passkey added: " + passkey.label() + ".");
				RequestContextUtils.saveOutputFlashMap(SecondFactorRoutes.SECURITY, request, response);
				yield ResponseEntity.ok(Map.of("redirect", SecondFactorRoutes.SECURITY + "#passkeys"));
			}
			case Rejected<Passkeys.Passkey> rejected -> PasskeyLogin.refused(rejected);
		};
	}

	@PostMapping(SecondFactorRoutes.PASSKEY_RENAME)
	String rename(@PathVariable String id, @RequestParam(defaultValue = "") String label,
			@Authenticated CurrentUser user, RedirectAttributes redirect) {
		switch (Forms.run(() -> this.passkeys.rename(user, id, label))) {
			case Accepted<Void> accepted -> redirect.addFlashAttribute("notice", "Passkey renamed.");
			case Rejected<Void> rejected ->
				redirect.addFlashAttribute("notice", "The name was not saved: it must be 1 to 64 characters.");
		}
		return "redirect:" + SecondFactorRoutes.SECURITY;
	}

	@PostMapping(SecondFactorRoutes.PASSKEY_DELETE)
	String delete(@PathVariable String id, @Authenticated CurrentUser user, RedirectAttributes redirect) {
		this.passkeys.delete(user, id);
		redirect.addFlashAttribute("notice", "Passkey removed.");
		return "redirect:" + SecondFactorRoutes.SECURITY;
	}

	@PostMapping(SecondFactorRoutes.DEVICE_FORGET)
	String forget(@PathVariable UUID id, @Authenticated CurrentUser user, RedirectAttributes redirect) {
		this.devices.forget(user.id(), id);
		redirect.addFlashAttribute("notice", "That device will be asked for a second factor again.");
		return "redirect:" + SecondFactorRoutes.SECURITY;
	}

	private JsonNode tree(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return this.json.createObjectNode();
		}
	}

}
