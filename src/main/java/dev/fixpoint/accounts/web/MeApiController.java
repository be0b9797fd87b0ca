package dev.fixpoint.accounts.web;

import java.util.List;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.accounts.AccountSettings;
import dev.fixpoint.accounts.ActiveSession;
import dev.fixpoint.accounts.Caller;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A person's own account over the API: password, email address, browser sessions. */
@ApiController
@Tag(name = "Accounts")
class MeApiController {

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record EmailChange(String email) {
	}

	record SessionList(List<ActiveSession> items) {
	}

	private final AccountSettings settings;

	MeApiController(AccountSettings settings) {
		this.settings = settings;
	}

	@PostMapping("/api/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "changePassword",
			summary = "Change the caller's password; every other session and token of theirs is revoked")
	@ApiResponse(responseCode = "429", description = "Too many wrong current passwords (throttled like logins)")
	void changePassword(@RequestBody PasswordChange change, @Authenticated CurrentUser user,
			HttpServletRequest request) {
		this.settings.changePassword(user, change.currentPassword(), change.newPassword(), caller(request));
	}

	@PostMapping("/api/me/email")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "changeEmail",
			summary = "Ask to move the account to a new address: it changes once the link emailed there is followed")
	void changeEmail(@RequestBody EmailChange change, @Authenticated CurrentUser user) {
		this.settings.requestEmailChange(user, change.email());
	}

	@GetMapping("/api/me/sessions")
	@Operation(operationId = "listSessions", summary = "The caller's signed-in browser sessions")
	SessionList sessions(@Authenticated CurrentUser user, HttpServletRequest request) {
		return new SessionList(this.settings.sessions(user, null));
	}

	@DeleteMapping("/api/me/sessions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "revokeSession", summary = "Sign one of the caller's browser sessions out")
	void revokeSession(@PathVariable String id, @Authenticated CurrentUser user) {
		this.settings.revokeSession(user, id);
	}

	/** The API is called with a bearer token: that one keeps working. */
	static Caller caller(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
				: null;
		return new Caller(token, null, ClientAddress.of(request));
	}

}
