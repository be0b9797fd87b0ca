package dev.fixpoint.platform.web;

import java.util.Map;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Friendly error pages for the HTML UI; details of unexpected errors only go to the log.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	@ExceptionHandler(DomainException.class)
	ModelAndView domain(DomainException ex, HttpServletRequest request, HttpServletResponse response) {
		ProblemMapping.Problem problem = ProblemMapping.of(ex);
		problem.retryAfterSeconds().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, seconds));
		return ErrorPage.render(request, response, problem.status().value(), problem.title(), ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badParameter(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return ErrorPage.render(request, response, 400, "Bad request", "The link you followed has an invalid value.");
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (ex instanceof org.springframework.web.servlet.resource.NoResourceFoundException
				|| ex instanceof org.springframework.web.ErrorResponse
				|| ex instanceof org.springframework.security.access.AccessDeniedException
				|| ex instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
			// let Spring map these to their status; a client that went away (a closed
			// tab's
			// live stream) gets nothing and is not an error
			throw ex;
		}
		if (ProblemMapping.unavailable(ex).isPresent()) {
			log.warn("Database unavailable: {}", ex.toString());
			return ErrorPage.unavailable(request, response);
		}
		UUID correlationId = RequestCorrelation.id(request);
		log.error("Unexpected error, correlation id {}", correlationId, ex);
		return ErrorPage.render(request, response, 500, "Something went wrong",
				"An unexpected error happened. Quote correlation id " + correlationId + " when reporting it.");
	}

	/**
	 * Renders {@code error.jte}; used by this advice and by
	 * {@link FixpointErrorController}.
	 */
	static final class ErrorPage {

		static final String UNAVAILABLE_TITLE = "Temporarily unavailable";

		static final String UNAVAILABLE_MESSAGE = "Fixpoint is temporarily unavailable. Please try again in a few seconds.";

		private ErrorPage() {
		}

		/** 503 with {@code Retry-After}: the database cannot be reached right now. */
		static ModelAndView unavailable(HttpServletRequest request, HttpServletResponse response) {
			response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER,
					String.valueOf(ProblemMapping.RETRY_AFTER.toSeconds()));
			return render(request, response, 503, UNAVAILABLE_TITLE, UNAVAILABLE_MESSAGE);
		}

		static ModelAndView render(HttpServletRequest request, HttpServletResponse response, int status, String title,
				String message) {
			response.setStatus(status);
			ModelAndView mav = new ModelAndView("error");
			mav.addAllObjects(
					Map.of("layout", LayoutModel.of(request), "status", status, "title", title, "message", message));
			mav.setStatus(org.springframework.http.HttpStatus.valueOf(status));
			return mav;
		}

	}

}
