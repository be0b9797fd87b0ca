package dev.fixpoint.forge.web;

import java.io.IOException;
import java.io.InputStream;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.forge.Forge;
import dev.fixpoint.forge.PayloadTooLargeException;
import dev.fixpoint.forge.Webhooks;
import dev.fixpoint.platform.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The forges' webhooks. No session or token: a delivery proves itself with the link's
 * secret. The body is read as raw bytes (the signature covers exactly them), at most 25
 * MB.
 */
@ApiController
@Tag(name = "Integrations")
class ForgeWebhookApiController {

	private final Webhooks webhooks;

	ForgeWebhookApiController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping(path = "/api/webhooks/github", consumes = MediaType.APPLICATION_JSON_VALUE)
	@SecurityRequirements
	@Operation(operationId = "receiveGithubWebhook",
			summary = "A GitHub webhook delivery (ping, pull_request, push, issues), signed with X-Hub-Signature-256",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
	@ApiResponse(responseCode = "200", description = "Verified and logged: applied, ignored or replayed")
	@ApiResponse(responseCode = "400", description = "The body is not JSON (nothing is verified or changed)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "The content type is not application/json",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "401",
			description = "The signature is missing, not sha256, malformed, or no linked repository's secret verifies it",
			content = @Content(mediaType = "application/problem+json"))
	Webhooks.Received github(@RequestHeader(name = "X-GitHub-Event", required = false) String event,
			@RequestHeader(name = "X-GitHub-Delivery", required = false) String delivery,
			@Parameter(description = "sha256=<HMAC-SHA256 of the raw body with the link's secret, hex>") @RequestHeader(
					name = "X-Hub-Signature-256", required = false) String signature,
			HttpServletRequest request) throws IOException {
		return this.webhooks.receive(Forge.GITHUB, new Webhooks.Headers(event, delivery, signature, null),
				body(request));
	}

	@PostMapping(path = "/api/webhooks/gitlab", consumes = MediaType.APPLICATION_JSON_VALUE)
	@SecurityRequirements
	@Operation(operationId = "receiveGitlabWebhook",
			summary = "A GitLab webhook delivery (merge request, push, issue hooks), with X-Gitlab-Token",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
	@ApiResponse(responseCode = "200", description = "Verified and logged: applied, ignored or replayed")
	@ApiResponse(responseCode = "400", description = "The body is not JSON (nothing is verified or changed)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "The content type is not application/json",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "401", description = "The token is missing or no linked project's token matches it",
			content = @Content(mediaType = "application/problem+json"))
	Webhooks.Received gitlab(@RequestHeader(name = "X-Gitlab-Event", required = false) String event,
			@RequestHeader(name = "X-Gitlab-Event-UUID", required = false) String delivery,
			@RequestHeader(name = "X-Gitlab-Token", required = false) String token, HttpServletRequest request)
			throws IOException {
		return this.webhooks.receive(Forge.GITLAB, new Webhooks.Headers(event, delivery, null, token), body(request));
	}

	private static byte[] body(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > Webhooks.MAX_BYTES) {
			throw new PayloadTooLargeException();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(Webhooks.MAX_BYTES + 1);
			if (body.length > Webhooks.MAX_BYTES) {
				throw new PayloadTooLargeException();
			}
			return body;
		}
	}

}
