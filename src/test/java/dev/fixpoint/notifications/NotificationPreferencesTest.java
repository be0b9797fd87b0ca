package dev.fixpoint.notifications;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPreferencesTest {

	private static NotificationPreferences daily(int hour, String zone) {
		return new NotificationPreferences(Map.of(), DigestFrequency.DAILY, hour, DayOfWeek.MONDAY, ZoneId.of(zone));
	}

	@Test
	void defaultsAreDigestForEveryEventType() {
		NotificationPreferences p = NotificationPreferences.defaults();
		for (NotificationKind kind : NotificationKind.values()) {
			assertThat(p.delivery(kind)).isEqualTo(Delivery.DIGEST);
		}
		assertThat(p.digestHour()).isEqualTo(9);
		assertThat(p.timeZone().getId()).isEqualTo("UTC");
	}

	@Test
	void dailyDigestSlotIsTheLastChosenHourInTheUsersTimeZone() {
		NotificationPreferences berlin = daily(9, "Europe/Berlin"); // 08:00 UTC in winter
		assertThat(berlin.lastDigestSlot(Instant.parse("2026-11-25T10:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
		assertThat(berlin.lastDigestSlot(Instant.parse("2026-11-25T07:59:59Z")))
			.isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
		assertThat(berlin.lastDigestSlot(Instant.parse("2026-11-25T08:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
		// summer time: 09:00 in Berlin is 07:00 UTC
		assertThat(berlin.lastDigestSlot(Instant.parse("2026-07-01T12:00:00Z")))
			.isEqualTo(Instant.parse("2026-07-01T07:00:00Z"));
	}

	@Test
	void weeklyDigestSlotIsTheLastChosenDayAndHour() {
		NotificationPreferences friday = new NotificationPreferences(Map.of(), DigestFrequency.WEEKLY, 17,
				DayOfWeek.FRIDAY, ZoneId.of("America/New_York"));
		// Wednesday 25 Nov 2026: the last Friday 17:00 New York (UTC-5) was 20 Nov, 22:00
		// UTC
		assertThat(friday.lastDigestSlot(Instant.parse("2026-11-25T12:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-20T22:00:00Z"));
		// Friday 27 Nov before and after 17:00 local
		assertThat(friday.lastDigestSlot(Instant.parse("2026-11-27T21:59:00Z")))
			.isEqualTo(Instant.parse("2026-11-20T22:00:00Z"));
		assertThat(friday.lastDigestSlot(Instant.parse("2026-11-27T22:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-27T22:00:00Z"));
	}

	@Test
	void retriesBackOffExponentiallyUpToAnHour() {
		assertThat(EmailSender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(EmailSender.backoff(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(EmailSender.backoff(4)).isEqualTo(Duration.ofMinutes(4));
		assertThat(EmailSender.backoff(8)).isEqualTo(Duration.ofHours(1));
		assertThat(EmailSender.backoff(500)).isEqualTo(Duration.ofHours(1));
	}

}
