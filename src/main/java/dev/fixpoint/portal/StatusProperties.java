package dev.fixpoint.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The status page's email settings, bound from {@code fixpoint.status.*} (environment
 * {@code FIXPOINT_STATUS_*}).
 *
 * @param digestWindow entry changes a subscriber should hear about within this window
 * after the first become one email listing them
 */
@ConfigurationProperties("fixpoint.status")
record StatusProperties(@DefaultValue("10m") Duration digestWindow) {
}
