package dev.fixpoint.attachments.web;

import dev.fixpoint.attachments.AttachmentAdmin;
import dev.fixpoint.attachments.AttachmentSettings;
import dev.fixpoint.attachments.AttachmentStatus;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

@ApiController
@Tag(name = "Attachments")
class AttachmentSettingsApiController {

	private final AttachmentAdmin admin;

	AttachmentSettingsApiController(AttachmentAdmin admin) {
		this.admin = admin;
	}

	@GetMapping(AttachmentRoutes.API_SETTINGS)
	@Operation(operationId = "getAttachmentSettings",
			summary = "The project's attachment rules: allowed_types (categories image, video, audio, text, pdf, "
					+ "archive, or types like image/png, image/*) and retention_days_after_close (null: keep)")
	AttachmentSettings settings(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.admin.settings(user, project);
	}

	@PutMapping(AttachmentRoutes.API_SETTINGS)
	@Operation(operationId = "updateAttachmentSettings",
			summary = "Change the project's attachment rules (project admins)")
	@ApiResponse(responseCode = "200", description = "The rules as saved")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	AttachmentSettings update(@PathVariable String project, @RequestBody AttachmentSettings settings,
			@Authenticated CurrentUser user) {
		return this.admin.updateSettings(user, project, settings);
	}

	@GetMapping(AttachmentRoutes.API_STATUS)
	@Operation(operationId = "getAttachmentStatus",
			summary = "For project admins: malware scanning on/off, storage backend, limits, and the "
					+ "organization's storage use")
	@ApiResponse(responseCode = "200", description = "Scanning, storage and limits")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	AttachmentStatus status(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.admin.status(user, project);
	}

}
