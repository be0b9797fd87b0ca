package dev.fixpoint.bugs.web;

import dev.fixpoint.bugs.BugListRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives handlers a {@link BugListRequest} read from the query string (the list API and
 * page, export, bulk, board, triage), without Spring's reflective record binding.
 */
class BugListRequestResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == BugListRequest.class;
	}

	@Override
	public BugListRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		return BugListRequest.from(request::getParameterValues);
	}

}
