package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps a person whose organization requires a second factor, and who signed in without
 * one, on the security page until they have turned one on (the session says so; set at
 * sign-in by {@link SignInSteps}).
 */
@Configuration(proxyBeanMethods = false)
class EnrolmentGate implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this)
			.excludePathPatterns(SecondFactorRoutes.SECURITY, SecondFactorRoutes.SECURITY + "/**", "/login/**",
					"/logout", "/error", "/api/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
					"/favicon.svg", "/actuator/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SignInSteps.ENROLMENT_REQUIRED) != null) {
			response.sendRedirect(SecondFactorRoutes.SECURITY);
			return false;
		}
		return true;
	}

}
