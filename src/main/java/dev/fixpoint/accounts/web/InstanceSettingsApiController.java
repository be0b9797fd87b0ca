package dev.fixpoint.accounts.web;

import dev.fixpoint.accounts.InstanceSettings;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The installation's settings over the API (site admins only; everyone else 403). */
@ApiController
@Tag(name = "Administration")
class InstanceSettingsApiController {

	private final InstanceSettings settings;

	InstanceSettingsApiController(InstanceSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/api/admin/settings")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "getInstanceSettings",
			summary = "Instance name, sign-up rules and SMTP server (the password only as set or not)")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	InstanceSettings.SiteSettings get(@Authenticated CurrentUser user) {
		return this.settings.forAdmin(user);
	}

	@PatchMapping("/api/admin/settings")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "updateInstanceSettings",
			summary = "Change some settings (absent fields stay; smtp_password \"\" clears it); audited without the password")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	InstanceSettings.SiteSettings update(@RequestBody InstanceSettings.SiteSettingsChange changes,
			@Authenticated CurrentUser user) {
		return this.settings.update(user, changes);
	}

}
