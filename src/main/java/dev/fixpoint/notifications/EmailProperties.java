package dev.fixpoint.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How email is batched and paced, bound from {@code fixpoint.email.*}.
 *
 * @param batchWindow changes to one bug (or one bulk change) within this window become
 * one email
 * @param maxPerHour per person: more instant emails wait (and merge) until the hour has
 * room
 * @param scheduled run the composing and sending workers (tests drive them by hand)
 * @param pollInterval how often the workers look for due work
 */
@ConfigurationProperties("fixpoint.email")
record EmailProperties(@DefaultValue("2m") Duration batchWindow, @DefaultValue("20") int maxPerHour,
		@DefaultValue("true") boolean scheduled, @DefaultValue("10s") Duration pollInterval) {
}
