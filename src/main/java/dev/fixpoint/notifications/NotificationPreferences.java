package dev.fixpoint.notifications;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.Map;

/**
 * A person's email preferences: per event type instant, digest or off; the digest daily
 * or weekly at an hour (and, weekly, a day) of their time zone.
 */
public record NotificationPreferences(Map<NotificationKind, Delivery> email, DigestFrequency digest, int digestHour,
		DayOfWeek digestDay, ZoneId timeZone) {

	public static final int DEFAULT_DIGEST_HOUR = 9;

	public NotificationPreferences {
		EnumMap<NotificationKind, Delivery> all = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			all.put(kind, email.getOrDefault(kind, Delivery.DIGEST));
		}
		email = java.util.Collections.unmodifiableMap(all);
	}

	/** Everything as a digest, daily at 09:00 UTC. */
	public static NotificationPreferences defaults() {
		return new NotificationPreferences(Map.of(), DigestFrequency.DAILY, DEFAULT_DIGEST_HOUR, DayOfWeek.MONDAY,
				ZoneId.of("UTC"));
	}

	public Delivery delivery(NotificationKind kind) {
		return this.email.get(kind);
	}

	/**
	 * The latest digest time at or before {@code now}: a digest is due once this passed
	 * its oldest item.
	 */
	public Instant lastDigestSlot(Instant now) {
		ZonedDateTime local = now.atZone(this.timeZone);
		ZonedDateTime slot = local.truncatedTo(ChronoUnit.HOURS).withHour(this.digestHour);
		if (this.digest == DigestFrequency.WEEKLY) {
			slot = slot.with(TemporalAdjusters.previousOrSame(this.digestDay));
		}
		if (slot.isAfter(local)) {
			slot = this.digest == DigestFrequency.WEEKLY ? slot.minusWeeks(1) : slot.minusDays(1);
		}
		return slot.toInstant();
	}

}
