package dev.fixpoint.bugs.web;

import java.time.Duration;
import java.time.Instant;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.SlaState;

/** How the list and the bug page say where a bug's SLA stands: "3h left", "45m late". */
public final class SlaText {

	private SlaText() {
	}

	/**
	 * The state in words with the time left (or how late): "3h left", "At risk · 45m
	 * left", "Breached · 2h late". Null when the bug has no running SLA clock.
	 */
	public static String left(Bug bug, Instant now) {
		return bug.slaDueAt() == null || bug.slaState() == null ? null : text(bug.slaState(), bug.slaDueAt(), now);
	}

	/**
	 * The state word of the badge ("At risk", "Breached"); null for a plain "3h left".
	 */
	public static String word(Bug bug, Instant now) {
		return bug.slaState() == null ? null : parts(bug.slaState(), bug.slaDueAt(), now)[0];
	}

	/**
	 * The time part of the badge ("45m left", "2h late"); null when it would contradict
	 * the state.
	 */
	public static String time(Bug bug, Instant now) {
		return bug.slaState() == null ? null : parts(bug.slaState(), bug.slaDueAt(), now)[1];
	}

	public static String text(SlaState state, Instant due, Instant now) {
		String[] p = parts(state, due, now);
		return p[0] == null ? p[1] : p[1] == null ? p[0] : p[0] + " · " + p[1];
	}

	private static String[] parts(SlaState state, Instant due, Instant now) {
		Duration d = Duration.between(now, due);
		String time = span(d.abs()) + (d.isNegative() ? " late" : " left");
		return switch (state) {
			case ON_TRACK -> d.isNegative() ? new String[] { state.label(), null } : new String[] { null, time };
			case AT_RISK -> new String[] { state.label(), d.isNegative() ? null : time };
			case BREACHED -> new String[] { state.label(), d.isNegative() ? time : null };
		};
	}

	private static String span(Duration d) {
		if (d.toDays() >= 2) {
			return d.toDays() + "d";
		}
		if (d.toHours() >= 1) {
			return d.toHours() + "h" + (d.toHours() < 10 && d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + "m" : "");
		}
		return Math.max(1, d.toMinutes()) + "m";
	}

}
