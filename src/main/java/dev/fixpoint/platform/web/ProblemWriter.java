package dev.fixpoint.platform.web;

import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.UnauthorizedException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/** Writes a problem detail straight to the response, for filters that run before MVC. */
final class ProblemWriter {

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletResponse response, DomainException ex) throws IOException {
		response.setStatus(ProblemMapping.statusOf(ex).value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (ex instanceof UnauthorizedException) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		this.json.writeValue(response.getOutputStream(), ProblemResponses.of(ex));
	}

}
