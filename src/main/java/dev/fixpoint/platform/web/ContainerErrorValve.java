package dev.fixpoint.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.fixpoint.platform.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers (a request it refuses before the application sees it: a
 * request line or header over {@code server.max-http-request-header-size}, a malformed or
 * NUL-bearing URI, an unparseable request), written as problem+json for API clients and
 * as a bare page for browsers, in place of Tomcat's HTML report. Only the status is told:
 * never Tomcat's message, its version or a stack trace. Errors the application raises go
 * to {@code /error} ({@link FixpointErrorController}) as before.
 */
public final class ContainerErrorValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public ContainerErrorValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String reason = known != null ? known.getReasonPhrase() : "Error";
		try {
			response.resetBuffer();
			String uri = request.getRequestURI();
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			boolean page = !FixpointErrorController.isApi(uri) && accept != null && accept.contains("text/html");
			response.setCharacterEncoding("UTF-8");
			response.setContentType(page ? MediaType.TEXT_HTML_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			PrintWriter writer = response.getReporter();
			if (writer == null) {
				return;
			}
			writer.write(page ? page(status, reason) : JSON.writeValueAsString(problem(status, reason)));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is committed: nothing more to say
		}
	}

	/** The fields of a problem detail, in the order the API writes them. */
	static Map<String, Object> problem(int status, String reason) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", (status == 400 ? Problems.MALFORMED : URI.create(Problems.BASE + status)).toString());
		problem.put("title", reason);
		problem.put("status", status);
		problem.put("detail",
				(status == 400)
						? "The server could not read this request: its URL, query string or "
								+ "headers are malformed or longer than it accepts (see the limits in the README)"
						: reason);
		return problem;
	}

	private static String page(int status, String reason) {
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " " + reason
				+ "</title></head><body><h1>" + reason + "</h1><p>"
				+ (status == 400 ? "The link or request is malformed or too long." : "The request could not be served.")
				+ " <a href=\"/\">Go to Fixpoint</a></p></body></html>";
	}

}
