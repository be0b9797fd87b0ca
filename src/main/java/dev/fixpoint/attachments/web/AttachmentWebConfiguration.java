package dev.fixpoint.attachments.web;

import dev.fixpoint.attachments.AttachmentProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The size check before the body is read, and a filter chain for signed download URLs:
 * they work without a session or token (from {@code <img src>}, a video player, a new
 * tab) because the signature is the permission.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentWebConfiguration {

	@Bean
	FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(AttachmentProperties properties, JsonMapper json) {
		FilterRegistrationBean<UploadSizeFilter> registration = new FilterRegistrationBean<>(
				new UploadSizeFilter(properties, json));
		// before Spring Security (-100): its CSRF check would read a multipart body to
		// find the token
		registration.setOrder(-200);
		registration.addUrlPatterns("/api/bugs/*", "/bugs/*");
		return registration;
	}

	/**
	 * Tomcat answers {@code Expect: 100-continue} immediately by default, inviting the
	 * body before any filter ran; on first read instead, an oversize upload is refused
	 * without a single body byte sent.
	 */
	@Bean
	TomcatConnectorCustomizer continueOnRead() {
		return connector -> connector.setProperty("continueResponseTiming", "onRead");
	}

	@Bean
	@Order(0)
	SecurityFilterChain signedDownloads(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/attachments/*/content", "/api/attachments/*/thumbnail")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.formLogin(f -> f.disable())
			.httpBasic(b -> b.disable())
			.logout(l -> l.disable())
			.headers(h -> h.cacheControl(c -> c.disable()).frameOptions(f -> f.sameOrigin()))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
		return http.build();
	}

}
