package dev.fixpoint.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.fixpoint.bugs.SlaState;

/**
 * One bug's SLA clock, pure. It runs while the bug is open and stops while it is done; a
 * reopen resumes it with the time that was left (consumed time is kept), a severity
 * change swaps the target but keeps the time consumed since the bug was filed. Both start
 * a new period, so escalations can fire again. {@code target} null: no SLA (the clock
 * still counts, so a later severity change knows how much time has gone by).
 */
record SlaClock(int period, Duration target, Instant runningSince, Duration consumed) {

	/** The escalation thresholds, in percent of the target. */
	static final List<Integer> THRESHOLDS = List.of(50, 75, 100);

	static final int AT_RISK = 75;

	static SlaClock start(Instant now, Duration target) {
		return new SlaClock(1, target, now, Duration.ZERO);
	}

	boolean running() {
		return this.runningSince != null;
	}

	Duration consumedAt(Instant now, SlaCalendar calendar) {
		return running() ? this.consumed.plus(calendar.between(this.runningSince, now)) : this.consumed;
	}

	SlaClock stop(Instant now, SlaCalendar calendar) {
		return running() ? new SlaClock(this.period, this.target, null, consumedAt(now, calendar)) : this;
	}

	SlaClock resume(Instant now) {
		return running() ? this : new SlaClock(this.period + 1, this.target, now, this.consumed);
	}

	SlaClock retarget(Duration newTarget) {
		return new SlaClock(this.period + 1, newTarget, this.runningSince, this.consumed);
	}

	/**
	 * When the running clock reaches its target; null when stopped or without a target.
	 */
	Instant dueAt(SlaCalendar calendar) {
		return this.target == null ? null : instantOf(this.target, calendar);
	}

	/**
	 * Whether the time consumed by {@code now} is within the target (null without a
	 * target).
	 */
	Boolean met(Instant now, SlaCalendar calendar) {
		return this.target == null ? null : consumedAt(now, calendar).compareTo(this.target) <= 0;
	}

	/**
	 * The state the bug list shows; null when the clock is stopped or there is no target.
	 */
	SlaState stateAt(Instant now, SlaCalendar calendar) {
		if (!running() || this.target == null) {
			return null;
		}
		Duration used = consumedAt(now, calendar);
		if (used.compareTo(this.target) >= 0) {
			return SlaState.BREACHED;
		}
		return used.multipliedBy(100).compareTo(this.target.multipliedBy(AT_RISK)) >= 0 ? SlaState.AT_RISK
				: SlaState.ON_TRACK;
	}

	/** The state right after {@code threshold} fired. */
	static SlaState stateAfter(int threshold) {
		return threshold >= 100 ? SlaState.BREACHED : threshold >= AT_RISK ? SlaState.AT_RISK : SlaState.ON_TRACK;
	}

	/**
	 * The first escalation of a (new) period: the first threshold not yet reached by
	 * {@code now}; thresholds already behind are not repeated, except the breach itself,
	 * which fires at once when the period starts past its target.
	 */
	Escalation armAt(Instant now, SlaCalendar calendar) {
		if (!running() || this.target == null) {
			return null;
		}
		Duration used = consumedAt(now, calendar);
		for (int threshold : THRESHOLDS) {
			if (used.compareTo(mark(threshold)) < 0) {
				return new Escalation(threshold, instantOf(mark(threshold), calendar));
			}
		}
		return new Escalation(100, now);
	}

	/** The escalation after {@code threshold} fired (null after the breach). */
	Escalation after(int threshold, SlaCalendar calendar) {
		if (!running() || this.target == null) {
			return null;
		}
		return THRESHOLDS.stream()
			.filter(t -> t > threshold)
			.findFirst()
			.map(t -> new Escalation(t, instantOf(mark(t), calendar)))
			.orElse(null);
	}

	private Duration mark(int percent) {
		return this.target.multipliedBy(percent).dividedBy(100);
	}

	/**
	 * When the running clock will have consumed {@code mark} (the start of this stretch
	 * if it already had).
	 */
	private Instant instantOf(Duration mark, SlaCalendar calendar) {
		if (!running()) {
			return null;
		}
		Duration left = mark.minus(this.consumed);
		return left.isNegative() || left.isZero() ? this.runningSince : calendar.plus(this.runningSince, left);
	}

	record Escalation(int threshold, Instant at) {
	}

}
