package dev.fixpoint.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's abuse limits, bound from {@code fixpoint.portal.*} (environment
 * {@code FIXPOINT_PORTAL_*}).
 *
 * @param reportsPerIp reports (and messages on tracking pages, and status page
 * subscriptions) per client address in {@code window}
 * @param reportsPerEmail reports per email address in {@code window}
 * @param window the window the limits refill over
 * @param challengeBits the proof of work: leading zero bits of SHA-256 (each bit doubles
 * the browser's work; 16 is a fraction of a second)
 * @param challengeTtl how long a challenge may be answered
 * @param batchWindow a reporter's updates (status changes, replies, on all their tickets)
 * within this window after the first become one email
 * @param unconfirmedAfter reports and status page subscriptions whose email was not
 * confirmed within this time are deleted
 * @param scheduled run the portal's jobs (composing updates, cleanup); tests drive them
 * by hand
 * @param pollInterval how often the update composer looks for due updates
 */
@ConfigurationProperties("fixpoint.portal")
record PortalProperties(@DefaultValue("10") int reportsPerIp, @DefaultValue("5") int reportsPerEmail,
		@DefaultValue("1h") Duration window, @DefaultValue("16") int challengeBits,
		@DefaultValue("30m") Duration challengeTtl, @DefaultValue("5m") Duration batchWindow,
		@DefaultValue("7d") Duration unconfirmedAfter, @DefaultValue("true") boolean scheduled,
		@DefaultValue("30s") Duration pollInterval) {
}
