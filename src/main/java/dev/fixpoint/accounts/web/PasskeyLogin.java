package dev.fixpoint.accounts.web;

import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.fixpoint.accounts.Passkeys;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.UnauthorizedException;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Signing in with a passkey (js/passkeys.js asks for options, the authenticator signs,
 * the answer comes back here): alone from the sign-in page (user verification required;
 * no second step), or as the second step after a right password. The ceremony's challenge
 * waits in the session.
 */
@Controller
class PasskeyLogin {

	static final String ASSERTION = "fixpoint.passkey-assertion";

	private final Passkeys passkeys;

	private final SignInSteps steps;

	private final JsonMapper json;

	PasskeyLogin(Passkeys passkeys, SignInSteps steps, JsonMapper json) {
		this.passkeys = passkeys;
		this.steps = steps;
		this.json = json;
	}

	@PostMapping(path = SecondFactorRoutes.LOGIN_PASSKEY_OPTIONS, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	String options(HttpServletRequest request) {
		Passkeys.Assertion assertion = this.passkeys.startSignIn(null);
		request.getSession(true).setAttribute(ASSERTION, assertion.pending());
		return assertion.optionsJson();
	}

	@PostMapping(path = SecondFactorRoutes.LOGIN_PASSKEY, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, String>> signIn(@RequestBody String body, @RequestParam(required = false) String next,
			HttpServletRequest request, HttpServletResponse response) {
		Passkeys.PendingAssertion pending = take(request);
		return switch (Forms.alsoInForm(UnauthorizedException.class)
			.submit(() -> this.passkeys.signIn(pending, credential(body), PasskeyOrigin.of(request)))) {
			case Accepted<UserSummary>(UserSummary user) -> ResponseEntity
				.ok(Map.of("redirect", this.steps.signedInWithoutSecondStep(user, next, "passkey", request, response)));
			case Rejected<UserSummary> rejected -> refused(rejected);
		};
	}

	@PostMapping(path = SecondFactorRoutes.SECOND_FACTOR_PASSKEY_OPTIONS, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<String> secondStepOptions(HttpServletRequest request) {
		PendingSignIn pending = this.steps.pending(request).orElse(null);
		if (pending == null) {
			return ResponseEntity.status(401).body("{\"detail\":\"Sign in with your password first\"}");
		}
		Passkeys.Assertion assertion = this.passkeys.startSignIn(pending.user().id());
		request.getSession().setAttribute(ASSERTION, assertion.pending());
		return ResponseEntity.ok(assertion.optionsJson());
	}

	@PostMapping(path = SecondFactorRoutes.SECOND_FACTOR_PASSKEY, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, String>> secondStep(@RequestBody String body, HttpServletRequest request,
			HttpServletResponse response) {
		PendingSignIn signIn = this.steps.pending(request).orElse(null);
		if (signIn == null) {
			return ResponseEntity.status(401).body(Map.of("detail", "Sign in with your password first"));
		}
		Passkeys.PendingAssertion pending = take(request);
		return switch (Forms.alsoInForm(UnauthorizedException.class)
			.submit(() -> this.passkeys.signIn(pending, credential(body), PasskeyOrigin.of(request)))) {
			case Accepted<UserSummary>(UserSummary user) when !user.id().equals(signIn.user().id()) ->
				ResponseEntity.status(401).body(Map.of("detail", "That passkey belongs to someone else"));
			case Accepted<UserSummary> accepted -> ResponseEntity
				.ok(Map.of("redirect", this.steps.complete(signIn, "passkey", remember(body), request, response)));
			case Rejected<UserSummary> rejected -> refused(rejected);
		};
	}

	private static Passkeys.PendingAssertion take(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ASSERTION) instanceof Passkeys.PendingAssertion pending)) {
			return null;
		}
		session.removeAttribute(ASSERTION);
		return pending;
	}

	private String credential(String body) {
		JsonNode credential = field(body, "credential");
		return credential == null ? "{}" : credential.toString();
	}

	private boolean remember(String body) {
		JsonNode remember = field(body, "remember");
		return remember != null && remember.asBoolean();
	}

	private JsonNode field(String body, String name) {
		try {
			return this.json.readTree(body).get(name);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	static ResponseEntity<Map<String, String>> refused(Rejected<?> rejected) {
		return ResponseEntity.status(rejected.status()).body(Map.of("detail", rejected.refusal().getMessage()));
	}

}
