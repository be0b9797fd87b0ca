package dev.fixpoint.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * What htmx tells about a request; handlers take it as an argument (see
 * {@link PlatformWebConfiguration}). A history restore (the page is not in htmx's cache)
 * wants the full page, so only a plain htmx request gets a fragment.
 */
public record HtmxRequest(boolean request, boolean historyRestore) {

	/** Answer with the fragment alone (not the full page). */
	public boolean fragment() {
		return this.request && !this.historyRestore;
	}

	public static HtmxRequest of(HttpServletRequest request) {
		return new HtmxRequest("true".equals(request.getHeader("HX-Request")),
				"true".equals(request.getHeader("HX-History-Restore-Request")));
	}

	/** Lets handlers take an {@link HtmxRequest} argument. */
	static final class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == HtmxRequest.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
				WebDataBinderFactory binders) {
			return of(request.getNativeRequest(HttpServletRequest.class));
		}

	}

}
