package dev.fixpoint.platform.web;

import java.util.Optional;

import dev.fixpoint.platform.ApiTokenVerifier;
import dev.fixpoint.platform.FixpointProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application's own security chains in a {@code @WebMvcTest} slice
 * ({@link dev.fixpoint.support.PageSliceTest}): pages need a session and a CSRF token,
 * exactly as in production. No API token is valid in a slice.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties(FixpointProperties.class)
public class PageSliceSecurity {

	@Bean
	ApiTokenVerifier noApiTokens() {
		return token -> Optional.empty();
	}

}
