package dev.fixpoint.platform.web;

import java.io.IOException;
import java.util.UUID;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request one correlation id, before anything else runs: it is in the MDC
 * (key {@value #MDC_KEY}) for every line logged while the request is handled, so in the
 * text logs ({@code logging.pattern.correlation}) and as a field of the JSON ones, and it
 * is the id a 500's problem details and error page quote. The error dispatch of the same
 * request keeps it.
 */
final class RequestCorrelation extends OncePerRequestFilter {

	static final String MDC_KEY = "correlation_id";

	private static final String ATTRIBUTE = RequestCorrelation.class.getName();

	/**
	 * The id of this request; a fresh one if it did not pass the filter (it always does
	 * in the running application).
	 */
	static UUID id(ServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof UUID id) {
			return id;
		}
		UUID id = UUID.randomUUID();
		request.setAttribute(ATTRIBUTE, id);
		return id;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		MDC.put(MDC_KEY, id(request).toString());
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
