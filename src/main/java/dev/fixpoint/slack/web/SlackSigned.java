package dev.fixpoint.slack.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

/**
 * What every request from Slack shares, documented once: no token but the two signing
 * headers, and the 401 of a bad signature or a replay, the 413 of a body over 1 MB.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@SecurityRequirements
@io.swagger.v3.oas.annotations.Parameter(in = ParameterIn.HEADER, name = SlackSigned.TIMESTAMP,
		description = "Unix seconds", schema = @Schema(type = "string"))
@io.swagger.v3.oas.annotations.Parameter(in = ParameterIn.HEADER, name = SlackSigned.SIGNATURE,
		description = "v0=<hex HMAC-SHA256 of \"v0:\" + timestamp + \":\" + the raw body, with the app's signing secret>",
		schema = @Schema(type = "string"))
@ApiResponse(responseCode = "401",
		description = "The signature or timestamp is missing, malformed, more than 5 minutes away, does not verify, or was already received (a replay)",
		content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "413", description = "The body is over 1 MB",
		content = @Content(mediaType = "application/problem+json"))
@interface SlackSigned {

	String TIMESTAMP = "X-Slack-Request-Timestamp";

	String SIGNATURE = "X-Slack-Signature";

}
