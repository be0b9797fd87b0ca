package dev.fixpoint.bugs.web;

import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** MVC glue of the bug pages. */
@Configuration(proxyBeanMethods = false)
class BugWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new BugListRequestResolver());
	}

	/**
	 * Pages that answer htmx with a fragment must not be cached as one response for both.
	 */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				response.setHeader("Vary", "HX-Request");
				return true;
			}
		})
			.addPathPatterns("/bugs/**", "/p/*/bugs", "/p/*/bugs/**", "/p/*/board", "/p/*/triage",
					"/p/*/settings/workflow");
	}

}
