package dev.fixpoint.accounts.web;

import java.util.List;

import dev.fixpoint.accounts.SecondFactors;
import dev.fixpoint.accounts.SecondFactors.TotpEnrolment;
import dev.fixpoint.accounts.TwoFactorPolicy;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The caller's second factor (TOTP and recovery codes) and organizations' rule requiring
 * one.
 */
@ApiController
@Tag(name = "Accounts")
class TwoFactorApiController {

	record Code(String code) {
	}

	record Disable(String password, String otp) {
	}

	record Otp(String otp) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

	record Requirement(boolean required) {
	}

	private final SecondFactors secondFactors;

	private final TwoFactorPolicy policy;

	TwoFactorApiController(SecondFactors secondFactors, TwoFactorPolicy policy) {
		this.secondFactors = secondFactors;
		this.policy = policy;
	}

	@GetMapping("/api/me/2fa")
	@Operation(operationId = "getTwoFactorStatus",
			summary = "Whether the caller has two-factor authentication, recovery codes left, organizations requiring it")
	SecondFactors.TwoFactorStatus status(@Authenticated CurrentUser user) {
		return this.secondFactors.status(user.id());
	}

	@PostMapping("/api/me/2fa/totp")
	@Operation(operationId = "startTotpEnrolment",
			summary = "Start TOTP enrolment: a new seed for an authenticator app, in force once confirmed")
	@ApiResponse(responseCode = "409", description = "Two-factor authentication is already on")
	@ApiResponse(responseCode = "200", description = "The new seed and its otpauth:// URL (for a QR code)")
	TotpEnrolment startTotp(@Authenticated CurrentUser user) {
		return this.secondFactors.startTotp(user);
	}

	@PostMapping("/api/me/2fa/totp/confirm")
	@Operation(operationId = "confirmTotpEnrolment",
			summary = "Confirm TOTP enrolment with a code from the app; returns ten recovery codes, shown only here")
	@ApiResponse(responseCode = "409", description = "Two-factor authentication is already on")
	@ApiResponse(responseCode = "429", description = "Too many wrong codes")
	@ApiResponse(responseCode = "200", description = "On: the ten recovery codes")
	RecoveryCodes confirmTotp(@RequestBody Code code, @Authenticated CurrentUser user) {
		return new RecoveryCodes(this.secondFactors.confirmTotp(user, code.code()));
	}

	@PostMapping("/api/me/2fa/disable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "disableTwoFactor",
			summary = "Turn two-factor authentication off (password and a TOTP or recovery code)")
	@ApiResponse(responseCode = "429", description = "Too many wrong passwords or codes")
	void disable(@RequestBody Disable disable, @Authenticated CurrentUser user) {
		this.secondFactors.disable(user, disable.password(), disable.otp());
	}

	@PostMapping("/api/me/2fa/recovery-codes")
	@Operation(operationId = "regenerateRecoveryCodes",
			summary = "Replace the recovery codes (the old ones stop working); needs a TOTP or recovery code")
	@ApiResponse(responseCode = "409", description = "Two-factor authentication is off")
	@ApiResponse(responseCode = "429", description = "Too many wrong codes")
	@ApiResponse(responseCode = "200", description = "The new recovery codes")
	RecoveryCodes regenerate(@RequestBody Otp otp, @Authenticated CurrentUser user) {
		return new RecoveryCodes(this.secondFactors.regenerateRecoveryCodes(user, otp.otp()));
	}

	@GetMapping("/api/orgs/{org}/two-factor")
	@Operation(operationId = "getOrganizationTwoFactorRule",
			summary = "Whether the organization requires two-factor authentication of its members")
	Requirement requirement(@PathVariable String org, @Authenticated CurrentUser user) {
		return new Requirement(this.policy.required(org, user));
	}

	@PutMapping("/api/orgs/{org}/two-factor")
	@Operation(operationId = "setOrganizationTwoFactorRule",
			summary = "Require (or stop requiring) two-factor authentication of the organization's members")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	@ApiResponse(responseCode = "200", description = "The organization's rule now")
	Requirement require(@PathVariable String org, @RequestBody Requirement requirement,
			@Authenticated CurrentUser user) {
		this.policy.require(org, user, requirement.required());
		return requirement;
	}

}
