package dev.fixpoint.bugs.web;

import java.time.Duration;
import java.time.Instant;

import dev.fixpoint.bugs.SlaState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlaTextTest {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	@Test
	void saysTheStateAndTheTimeLeftOrHowLate() {
		assertThat(SlaText.text(SlaState.ON_TRACK, NOW.plus(Duration.ofDays(5)), NOW)).isEqualTo("5d left");
		assertThat(SlaText.text(SlaState.ON_TRACK, NOW.plus(Duration.ofMinutes(200)), NOW)).isEqualTo("3h 20m left");
		assertThat(SlaText.text(SlaState.ON_TRACK, NOW.plus(Duration.ofHours(30)), NOW)).isEqualTo("30h left");
		assertThat(SlaText.text(SlaState.AT_RISK, NOW.plus(Duration.ofMinutes(45)), NOW))
			.isEqualTo("At risk · 45m left");
		assertThat(SlaText.text(SlaState.BREACHED, NOW.minus(Duration.ofHours(2)), NOW))
			.isEqualTo("Breached · 2h late");
		assertThat(SlaText.text(SlaState.BREACHED, NOW.minusSeconds(5), NOW)).isEqualTo("Breached · 1m late");
	}

	@Test
	void aStateTheJobHasNotCaughtUpWithStillReadsRight() {
		// the escalation job runs every 30 s: for a moment a due time can be behind a
		// state or ahead of it
		assertThat(SlaText.text(SlaState.ON_TRACK, NOW.minusSeconds(10), NOW)).isEqualTo("On track");
		assertThat(SlaText.text(SlaState.BREACHED, NOW.plusSeconds(10), NOW)).isEqualTo("Breached");
	}

}
