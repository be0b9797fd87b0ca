package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.accounts.EmailLinks;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Forgotten passwords: a single-use link by email, then a new password. */
@ApiController
@Tag(name = "Accounts")
class PasswordResetApiController {

	record ResetRequest(String email) {
	}

	record ResetConfirmation(String token, String password) {
	}

	private final EmailLinks links;

	PasswordResetApiController(EmailLinks links) {
		this.links = links;
	}

	@PostMapping("/api/auth/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "requestPasswordReset",
			summary = "Email a password reset link (1 hour, single use); the same answer whether or not the address is registered")
	@SecurityRequirements
	@ApiResponse(responseCode = "429", description = "Too many reset requests from the client address")
	void request(@RequestBody ResetRequest request, HttpServletRequest http) {
		this.links.requestPasswordReset(request.email(), ClientAddress.of(http));
	}

	@PostMapping("/api/auth/password-reset/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "confirmPasswordReset",
			summary = "Set a new password with the emailed token; every session and token of the person is revoked")
	@SecurityRequirements
	void confirm(@RequestBody ResetConfirmation confirmation) {
		this.links.resetPassword(confirmation.token(), confirmation.password());
	}

}
