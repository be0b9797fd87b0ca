package dev.fixpoint.accounts.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the {@link SetupGate} in front of the pages; the API, static files and the error
 * page never need setup.
 */
@Configuration(proxyBeanMethods = false)
class SetupWebConfiguration implements WebMvcConfigurer {

	private final SetupGate gate;

	SetupWebConfiguration(SetupGate gate) {
		this.gate = gate;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.gate)
			.excludePathPatterns(AccountRoutes.SETUP, "/error", "/api/**", "/css/**", "/js/**", "/img/**",
					"/webjars/**", "/favicon.ico", "/favicon.svg", "/v3/api-docs/**", "/swagger-ui/**",
					"/swagger-ui.html", "/actuator/**");
	}

}
