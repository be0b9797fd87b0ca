package dev.fixpoint.slack.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.slack.SlackInbound;
import dev.fixpoint.slack.SlackPayloadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Slack's requests. No session or token: each proves itself with the v0 signature over
 * its raw body (kept by {@link SlackBodyFilter}). Answers are Slack's JSON (a private
 * message, modal errors, the URL verification challenge), or an empty 200.
 */
@ApiController
@Tag(name = "Integrations")
class SlackInboundApiController {

	private final SlackInbound inbound;

	SlackInboundApiController(SlackInbound inbound) {
		this.inbound = inbound;
	}

	@PostMapping(path = "/api/integrations/slack/commands", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@SlackSigned
	@Operation(operationId = "receiveSlackCommand",
			summary = "A slash command from Slack (/bug KEY, /bug search <query>, /report-bug), signed with X-Slack-Signature",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/x-www-form-urlencoded", schema = @Schema(type = "object"))))
	@ApiResponse(responseCode = "200",
			description = "A private (ephemeral) answer, or empty once a modal opened; an unlinked Slack user is told how to link")
	@ApiResponse(responseCode = "400", description = "The body is not a UTF-8 form",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "The content type is not a form",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<Map<String, Object>> command(HttpServletRequest request) throws IOException {
		return answer(this.inbound.command(signed(request)));
	}

	@PostMapping(path = "/api/integrations/slack/interactions", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@SlackSigned
	@Operation(operationId = "receiveSlackInteraction",
			summary = "A button, modal submission or message shortcut from Slack (form field payload: JSON)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/x-www-form-urlencoded", schema = @Schema(type = "object"))))
	@ApiResponse(responseCode = "200",
			description = "Empty, or a modal's field errors ({response_action: errors}); refusals go privately to the person")
	@ApiResponse(responseCode = "400", description = "The body is not a form with a JSON payload",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "The content type is not a form",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<Map<String, Object>> interaction(HttpServletRequest request) throws IOException {
		return answer(this.inbound.interaction(signed(request)));
	}

	@PostMapping(path = "/api/integrations/slack/events", consumes = MediaType.APPLICATION_JSON_VALUE)
	@SlackSigned
	@Operation(operationId = "receiveSlackEvent",
			summary = "An Events API request from Slack: url_verification, or event_callback (link_shared unfurls)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
	@ApiResponse(responseCode = "200", description = "{challenge} for url_verification, else empty")
	@ApiResponse(responseCode = "400", description = "The body is not a JSON object",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "The content type is not application/json",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<Map<String, Object>> event(HttpServletRequest request) throws IOException {
		return answer(this.inbound.event(signed(request)));
	}

	private static ResponseEntity<Map<String, Object>> answer(Map<String, Object> answer) {
		return answer.isEmpty() ? ResponseEntity.ok().build() : ResponseEntity.ok(answer);
	}

	/** The request with the headers its signature is checked by. */
	private static SlackInbound.SlackRequest signed(HttpServletRequest request) throws IOException {
		return new SlackInbound.SlackRequest(request.getHeader(SlackSigned.TIMESTAMP),
				request.getHeader(SlackSigned.SIGNATURE), body(request));
	}

	private static byte[] body(HttpServletRequest request) throws IOException {
		if (request.getAttribute(SlackBodyFilter.BODY) instanceof byte[] kept) {
			if (kept.length > SlackInbound.MAX_BYTES) {
				throw new SlackPayloadTooLargeException();
			}
			return kept;
		}
		if (request.getContentLengthLong() > SlackInbound.MAX_BYTES) {
			throw new SlackPayloadTooLargeException();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(SlackInbound.MAX_BYTES + 1);
			if (body.length > SlackInbound.MAX_BYTES) {
				throw new SlackPayloadTooLargeException();
			}
			return body;
		}
	}

}
