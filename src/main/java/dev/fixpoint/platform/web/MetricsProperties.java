package dev.fixpoint.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read {@code /actuator/prometheus} on the application's own port, bound from
 * {@code fixpoint.metrics.*} (environment: {@code FIXPOINT_METRICS_*}).
 *
 * @param token the bearer token a scraper sends ({@code FIXPOINT_METRICS_TOKEN}); blank:
 * no token is accepted
 */
@ConfigurationProperties("fixpoint.metrics")
record MetricsProperties(String token) {

	boolean hasToken() {
		return this.token != null && !this.token.isBlank();
	}

}
