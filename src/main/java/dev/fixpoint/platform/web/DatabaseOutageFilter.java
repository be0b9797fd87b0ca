package dev.fixpoint.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 when the database cannot be reached outside a controller: the session (kept
 * in the database) or an API token is looked up by filters before any controller runs,
 * and an error page dispatched from there would look them up again and fail the same way.
 * Runs outside the session filter and writes the answer itself: problem+json under
 * {@code /api}, the error page drawn for a signed-out visitor elsewhere. Failures inside
 * a controller are answered by the exception handlers with the same
 * {@link ProblemMapping#unavailable mapping}.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final JsonMapper json;

	private final TemplateEngine templates;

	DatabaseOutageFilter(JsonMapper json, TemplateEngine templates) {
		this.json = json;
		this.templates = templates;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			Optional<ProblemMapping.Problem> unavailable = ProblemMapping.unavailable(ex);
			if (unavailable.isEmpty() || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable: {}", ex.toString());
			response.reset();
			if (request.getRequestURI().startsWith("/api/")) {
				writeProblem(unavailable.get(), response);
			}
			else {
				writePage(request, response);
			}
		}
	}

	private void writeProblem(ProblemMapping.Problem problem, HttpServletResponse response) throws IOException {
		ResponseEntity<ProblemDetail> entity = ProblemResponses.unavailable(problem);
		response.setStatus(entity.getStatusCode().value());
		entity.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
		this.json.writeValue(response.getOutputStream(), entity.getBody());
	}

	private void writePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
		StringOutput html = new StringOutput();
		this.templates.render("error.jte",
				Map.of("layout", new Layout(null, null, request.getRequestURI()), "status", 503, "title",
						PageExceptionHandler.ErrorPage.UNAVAILABLE_TITLE, "message",
						PageExceptionHandler.ErrorPage.UNAVAILABLE_MESSAGE),
				html);
		response.setStatus(503);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemMapping.RETRY_AFTER.toSeconds()));
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		response.getOutputStream().write(html.toString().getBytes(StandardCharsets.UTF_8));
	}

}
