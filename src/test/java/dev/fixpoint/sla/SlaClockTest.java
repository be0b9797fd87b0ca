package dev.fixpoint.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import dev.fixpoint.bugs.SlaState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlaClockTest {

	static final SlaCalendar ALWAYS = SlaCalendar.aroundTheClock();

	static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

	static Instant at(double hours) {
		return T0.plusSeconds((long) (hours * 3600));
	}

	@Test
	void dueIsStartPlusTarget() {
		SlaClock clock = SlaClock.start(T0, Duration.ofHours(4));
		assertThat(clock.dueAt(ALWAYS)).isEqualTo(at(4));
		assertThat(clock.stateAt(at(1), ALWAYS)).isEqualTo(SlaState.ON_TRACK);
		assertThat(clock.stateAt(at(3), ALWAYS)).isEqualTo(SlaState.AT_RISK);
		assertThat(clock.stateAt(at(4), ALWAYS)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void inBusinessHoursTheDueTimeSkipsTheNight() {
		SlaCalendar office = SlaCalendar.of(java.time.ZoneId.of("UTC"),
				BusinessHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)));
		SlaClock clock = SlaClock.start(Instant.parse("2026-11-25T15:00:00Z"), Duration.ofHours(4));
		assertThat(clock.dueAt(office)).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
		// 50 % = 2 working hours = 17:00 the same day
		assertThat(clock.armAt(Instant.parse("2026-11-25T15:00:00Z"), office))
			.isEqualTo(new SlaClock.Escalation(50, Instant.parse("2026-11-25T17:00:00Z")));
	}

	@Test
	void noTargetMeansNoDueTimeNoStateNoEscalation() {
		SlaClock clock = SlaClock.start(T0, null);
		assertThat(clock.dueAt(ALWAYS)).isNull();
		assertThat(clock.stateAt(at(100), ALWAYS)).isNull();
		assertThat(clock.armAt(at(1), ALWAYS)).isNull();
		assertThat(clock.met(at(1), ALWAYS)).isNull();
	}

	@Test
	void stoppingKeepsTheTimeUsedAndClearsTheDueTime() {
		SlaClock stopped = SlaClock.start(T0, Duration.ofHours(4)).stop(at(1), ALWAYS);
		assertThat(stopped.running()).isFalse();
		assertThat(stopped.consumed()).isEqualTo(Duration.ofHours(1));
		assertThat(stopped.dueAt(ALWAYS)).isNull();
		assertThat(stopped.stateAt(at(10), ALWAYS)).isNull();
		assertThat(stopped.met(at(10), ALWAYS)).isTrue();
		assertThat(stopped.armAt(at(10), ALWAYS)).isNull();
	}

	@Test
	void aReopenResumesWithTheTimeThatWasLeftInANewPeriod() {
		SlaClock reopened = SlaClock.start(T0, Duration.ofHours(4)).stop(at(1), ALWAYS).resume(at(10));
		assertThat(reopened.period()).isEqualTo(2);
		assertThat(reopened.dueAt(ALWAYS)).isEqualTo(at(13));
		assertThat(reopened.consumedAt(at(11), ALWAYS)).isEqualTo(Duration.ofHours(2));
		// 25 % was used: the next warning is 50 %, one hour in
		assertThat(reopened.armAt(at(10), ALWAYS)).isEqualTo(new SlaClock.Escalation(50, at(11)));
	}

	@Test
	void resumingARunningClockOrStoppingAStoppedOneChangesNothing() {
		SlaClock running = SlaClock.start(T0, Duration.ofHours(4));
		assertThat(running.resume(at(2))).isSameAs(running);
		SlaClock stopped = running.stop(at(1), ALWAYS);
		assertThat(stopped.stop(at(3), ALWAYS)).isSameAs(stopped);
	}

	@Test
	void aReopenAfterTheTargetArmsTheBreachAtOnce() {
		SlaClock late = SlaClock.start(T0, Duration.ofHours(4)).stop(at(5), ALWAYS).resume(at(20));
		assertThat(late.stateAt(at(20), ALWAYS)).isEqualTo(SlaState.BREACHED);
		assertThat(late.armAt(at(20), ALWAYS)).isEqualTo(new SlaClock.Escalation(100, at(20)));
		assertThat(late.met(at(20), ALWAYS)).isFalse();
	}

	@Test
	void aSeverityChangeRecomputesTheTargetFromTheOriginalStart() {
		SlaClock medium = SlaClock.start(T0, Duration.ofDays(7));
		SlaClock critical = medium.retarget(Duration.ofHours(4));
		assertThat(critical.period()).isEqualTo(2);
		assertThat(critical.dueAt(ALWAYS)).isEqualTo(at(4));
		// raised 3 hours in: 75 % is already behind, the next escalation is the breach at
		// 4 h
		assertThat(critical.armAt(at(3), ALWAYS)).isEqualTo(new SlaClock.Escalation(100, at(4)));
		assertThat(critical.stateAt(at(3), ALWAYS)).isEqualTo(SlaState.AT_RISK);
	}

	@Test
	void aSeverityChangeToLowRemovesTheSla() {
		SlaClock low = SlaClock.start(T0, Duration.ofHours(24)).retarget(null);
		assertThat(low.dueAt(ALWAYS)).isNull();
		assertThat(low.stateAt(at(30), ALWAYS)).isNull();
		// and back to critical: the time since filing still counts
		SlaClock critical = low.retarget(Duration.ofHours(4));
		assertThat(critical.stateAt(at(5), ALWAYS)).isEqualTo(SlaState.BREACHED);
		assertThat(critical.dueAt(ALWAYS)).isEqualTo(at(4));
	}

	@Test
	void aSeverityChangeAfterPausesDatesTheBreachWithinTheCurrentStretch() {
		// 2 h used, paused, reopened at 10: critical 4h is due 2 h after the reopen
		SlaClock clock = SlaClock.start(T0, Duration.ofDays(1))
			.stop(at(2), ALWAYS)
			.resume(at(10))
			.retarget(Duration.ofHours(4));
		assertThat(clock.dueAt(ALWAYS)).isEqualTo(at(12));
		// 8 h target would already be behind in an earlier stretch: due when the stretch
		// began
		SlaClock tight = SlaClock.start(T0, Duration.ofDays(1))
			.stop(at(2), ALWAYS)
			.resume(at(10))
			.retarget(Duration.ofHours(1));
		assertThat(tight.dueAt(ALWAYS)).isEqualTo(at(10));
	}

	@Test
	void thresholdsFollowOneAnother() {
		SlaClock clock = SlaClock.start(T0, Duration.ofHours(4));
		assertThat(clock.armAt(T0, ALWAYS)).isEqualTo(new SlaClock.Escalation(50, at(2)));
		assertThat(clock.after(50, ALWAYS)).isEqualTo(new SlaClock.Escalation(75, at(3)));
		assertThat(clock.after(75, ALWAYS)).isEqualTo(new SlaClock.Escalation(100, at(4)));
		assertThat(clock.after(100, ALWAYS)).isNull();
		assertThat(SlaClock.stateAfter(50)).isEqualTo(SlaState.ON_TRACK);
		assertThat(SlaClock.stateAfter(75)).isEqualTo(SlaState.AT_RISK);
		assertThat(SlaClock.stateAfter(100)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void businessHoursPauseAndReopenTogether() {
		SlaCalendar office = SlaCalendar.of(java.time.ZoneId.of("UTC"),
				BusinessHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)));
		// filed Friday 15:00 with 4 working hours; resolved Friday 16:00 (1 h used);
		// reopened Saturday; resumes Monday
		SlaClock clock = SlaClock.start(Instant.parse("2026-11-27T15:00:00Z"), Duration.ofHours(4))
			.stop(Instant.parse("2026-11-27T16:00:00Z"), office)
			.resume(Instant.parse("2026-11-28T10:00:00Z"));
		assertThat(clock.dueAt(office)).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
	}

}
