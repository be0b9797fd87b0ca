package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.accounts.AccountData;
import dev.fixpoint.accounts.EmailLinks;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A person's data protection rights over the API: download everything, delete the
 * account; and verifying their email address.
 */
@ApiController
@Tag(name = "Accounts")
class AccountDataApiController {

	record AccountDeletion(String password) {
	}

	record EmailVerification(String token) {
	}

	private final AccountData data;

	private final EmailLinks links;

	AccountDataApiController(AccountData data, EmailLinks links) {
		this.data = data;
		this.links = links;
	}

	@GetMapping("/api/me/export")
	@Operation(operationId = "exportMyData",
			summary = "Everything Fixpoint keeps about the caller, as a zip of JSON files (streamed)")
	@ApiResponse(responseCode = "200", description = "A zip: profile.json, audit.json and one JSON array per kind",
			content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<StreamingResponseBody> export(@Authenticated CurrentUser user) {
		return zip(this.data, user);
	}

	@PostMapping("/api/me/delete")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteMyAccount",
			summary = "Delete the caller's account (password needed): they become \"Deleted user N\" in history and comments; sessions, tokens and notifications go")
	@ApiResponse(responseCode = "409",
			description = "The caller is the last admin of an organization or project, or the only site admin")
	void delete(@RequestBody AccountDeletion deletion, @Authenticated CurrentUser user, HttpServletRequest request) {
		this.data.deleteOwn(user, deletion.password(), MeApiController.caller(request));
	}

	@PostMapping("/api/me/email/verification")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "resendEmailVerification",
			summary = "Email a new link that verifies the caller's address (nothing when it is verified already)")
	void resendVerification(@Authenticated CurrentUser user) {
		this.links.resendVerification(user);
	}

	@PostMapping("/api/auth/verify-email")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "verifyEmail",
			summary = "Verify an email address with the emailed token (7 days, single use)")
	@SecurityRequirements
	void verify(@RequestBody EmailVerification verification) {
		this.links.verifyEmail(verification.token());
	}

	static ResponseEntity<StreamingResponseBody> zip(AccountData data, CurrentUser user) {
		data.exportStarted(user);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("fixpoint-" + user.username() + ".zip").build().toString())
			.body(out -> data.export(user, out));
	}

}
