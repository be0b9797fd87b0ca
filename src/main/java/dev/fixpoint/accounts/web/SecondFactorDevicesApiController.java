package dev.fixpoint.accounts.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.accounts.Passkeys;
import dev.fixpoint.accounts.RememberedDevices;
import dev.fixpoint.accounts.SecondFactorReset;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The caller's passkeys and remembered devices (registering a passkey takes a browser:
 * the security page), and a site admin's reset of someone's second factors.
 */
@ApiController
@Tag(name = "Accounts")
class SecondFactorDevicesApiController {

	record PasskeyLabel(String label) {
	}

	private final Passkeys passkeys;

	private final RememberedDevices devices;

	private final SecondFactorReset reset;

	SecondFactorDevicesApiController(Passkeys passkeys, RememberedDevices devices, SecondFactorReset reset) {
		this.passkeys = passkeys;
		this.devices = devices;
		this.reset = reset;
	}

	@GetMapping("/api/me/2fa/passkeys")
	@Operation(operationId = "listPasskeys", summary = "The caller's passkeys (registered on the security page)")
	List<Passkeys.Passkey> passkeys(@Authenticated CurrentUser user) {
		return this.passkeys.list(user.id());
	}

	@PatchMapping("/api/me/2fa/passkeys/{passkey}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "renamePasskey", summary = "Rename one of the caller's passkeys")
	@ApiResponse(responseCode = "404", description = "The caller has no such passkey")
	void rename(@PathVariable String passkey, @RequestBody PasskeyLabel label, @Authenticated CurrentUser user) {
		this.passkeys.rename(user, passkey, label.label());
	}

	@DeleteMapping("/api/me/2fa/passkeys/{passkey}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deletePasskey", summary = "Remove one of the caller's passkeys")
	@ApiResponse(responseCode = "404", description = "The caller has no such passkey")
	void delete(@PathVariable String passkey, @Authenticated CurrentUser user) {
		this.passkeys.delete(user, passkey);
	}

	@GetMapping("/api/me/2fa/devices")
	@Operation(operationId = "listRememberedDevices",
			summary = "The caller's browsers that skip the second factor for 30 days (\"remember this device\")")
	List<RememberedDevices.RememberedDevice> devices(@Authenticated CurrentUser user) {
		return this.devices.list(user.id());
	}

	@DeleteMapping("/api/me/2fa/devices/{device}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "forgetRememberedDevice",
			summary = "Forget a remembered device: it is asked for a second factor again")
	@ApiResponse(responseCode = "404", description = "The caller has no such remembered device")
	void forget(@PathVariable UUID device, @Authenticated CurrentUser user) {
		this.devices.forget(user.id(), device);
	}

	@DeleteMapping("/api/admin/users/{user}/2fa")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "resetTwoFactor",
			summary = "Site admins: remove all of a person's second factors (TOTP, recovery codes, passkeys, "
					+ "remembered devices), for someone who lost their device")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	@ApiResponse(responseCode = "404", description = "No such user")
	void reset(@PathVariable UUID user, @Authenticated CurrentUser caller) {
		this.reset.reset(caller, user);
	}

}
