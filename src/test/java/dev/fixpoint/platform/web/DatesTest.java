package dev.fixpoint.platform.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

	private static final Instant NOW = Instant.parse("2026-11-25T16:00:00Z");

	@Test
	void recentTimesAreJustNow() {
		assertThat(Dates.ago(NOW.minusSeconds(10), NOW)).isEqualTo("just now");
		assertThat(Dates.ago(NOW.plusSeconds(30), NOW)).isEqualTo("just now");
	}

	@Test
	void minutesHoursAndDaysAreRoundedDown() {
		assertThat(Dates.ago(NOW.minusSeconds(50), NOW)).isEqualTo("1 min ago");
		assertThat(Dates.ago(NOW.minus(Duration.ofMinutes(5)), NOW)).isEqualTo("5 min ago");
		assertThat(Dates.ago(NOW.minus(Duration.ofMinutes(200)), NOW)).isEqualTo("3 h ago");
		assertThat(Dates.ago(NOW.minus(Duration.ofHours(49)), NOW)).isEqualTo("2 d ago");
	}

	@Test
	void oldTimesShowTheDate() {
		assertThat(Dates.ago(Instant.parse("2026-01-05T10:00:00Z"), NOW)).isEqualTo("on 5 Jan 2026");
	}

	@Test
	void exactTimeIsUtc() {
		assertThat(Dates.exact(Instant.parse("2026-11-25T16:04:59Z"))).isEqualTo("2026-11-25 16:04 UTC");
		assertThat(Dates.exact(null)).isEmpty();
	}

}
