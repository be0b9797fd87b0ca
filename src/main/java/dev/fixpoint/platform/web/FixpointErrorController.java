package dev.fixpoint.platform.web;

import java.io.IOException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen outside a controller (unknown URL, a filter): problem+json under
 * {@code /api}, a friendly page elsewhere. Never exposes exception messages or stack
 * traces.
 */
@Controller
class FixpointErrorController implements ErrorController {

	private final JsonMapper json;

	FixpointErrorController(JsonMapper json) {
		this.json = json;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		HttpStatus httpStatus = HttpStatus.resolve(status) != null ? HttpStatus.valueOf(status)
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (isApi(uri)) {
			ProblemDetail problem = status >= 500 ? ProblemResponses.internal(RequestCorrelation.id(request))
					: ProblemResponses.simple(httpStatus,
							status == 404 ? Problems.NOT_FOUND : java.net.URI.create(Problems.BASE + status),
							httpStatus.getReasonPhrase(),
							status == 404 ? "No such resource" : httpStatus.getReasonPhrase());
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), problem);
			response.flushBuffer();
			return null;
		}
		String message = switch (status) {
			case 404 -> "This page does not exist, or you do not have access to it.";
			case 403 -> "You are not allowed to do this.";
			case 400 -> request.getAttribute(RequestTextFilter.REFUSAL) instanceof String refusal ? refusal
					: "The request could not be understood.";
			default -> status >= 500 ? "An unexpected error happened. Please try again." : httpStatus.getReasonPhrase();
		};
		ModelAndView mav = PageExceptionHandler.ErrorPage.render(request, response, status,
				httpStatus.getReasonPhrase(), message);
		return mav;
	}

	/** Whether a request (by its raw URI) is the API's, whose errors are problem+json. */
	static boolean isApi(String uri) {
		return uri != null && (uri.startsWith("/api/") || uri.startsWith("/v3/"));
	}

}
