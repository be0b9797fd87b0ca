package dev.fixpoint.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.ProblemResponses;
import dev.fixpoint.portal.Branding;
import dev.fixpoint.portal.BrandingChange;
import dev.fixpoint.portal.LogoTooLargeException;
import dev.fixpoint.portal.PortalBranding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * An organization's branding of its portal and status pages and their emails (its
 * admins): the accent colour and the logo.
 */
@ApiController
@Tag(name = "Portal")
class BrandingApiController {

	private final PortalBranding branding;

	BrandingApiController(PortalBranding branding) {
		this.branding = branding;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge() {
		return ProblemResponses.entity(new LogoTooLargeException());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> notMultipart() {
		return ProblemResponses.entity(InvalidInputException.of("file",
				"is required: send multipart/form-data with the image as part 'file'"));
	}

	@GetMapping("/api/orgs/{org}/branding")
	@Operation(operationId = "getBranding",
			summary = "The organization's branding of its portal, status page and their emails (admins)")
	@ApiResponse(responseCode = "200", description = "The branding")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	Branding get(@PathVariable String org, @Authenticated CurrentUser user) {
		return this.branding.settings(org, user);
	}

	@PutMapping("/api/orgs/{org}/branding")
	@Operation(operationId = "replaceBranding",
			summary = "Set the accent colour (`#rrggbb`; null or empty: none); the text on it is chosen for contrast")
	@ApiResponse(responseCode = "200", description = "The branding as saved")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	Branding replace(@PathVariable String org, @RequestBody BrandingChange change, @Authenticated CurrentUser user) {
		return this.branding.update(org, user, change);
	}

	@PostMapping(path = "/api/orgs/{org}/branding/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(operationId = "uploadBrandingLogo",
			summary = "Set the logo (multipart part 'file'): PNG, JPEG or WebP as its bytes say (never SVG), "
					+ "at most 512 KB")
	@ApiResponse(responseCode = "200", description = "The branding with the new logo's URL")
	@ApiResponse(responseCode = "400", description = "No part 'file', or not a PNG, JPEG or WebP image",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	@ApiResponse(responseCode = "413", description = "Larger than 512 KB (reason logo-too-large)",
			content = @Content(mediaType = "application/problem+json"))
	Branding logo(@PathVariable String org, @RequestPart(name = "file", required = false) MultipartFile file,
			@Authenticated CurrentUser user) {
		if (file == null) {
			throw InvalidInputException.of("file", "is required: send the image as multipart part 'file'");
		}
		if (file.getSize() > PortalBranding.LOGO_MAX) {
			throw new LogoTooLargeException();
		}
		try {
			return this.branding.uploadLogo(org, user, file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DeleteMapping("/api/orgs/{org}/branding/logo")
	@Operation(operationId = "removeBrandingLogo", summary = "Remove the logo")
	@ApiResponse(responseCode = "200", description = "The branding without a logo")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	Branding removeLogo(@PathVariable String org, @Authenticated CurrentUser user) {
		return this.branding.removeLogo(org, user);
	}

}
