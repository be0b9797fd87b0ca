package dev.fixpoint.bugs.web;

import java.time.Duration;
import java.time.Instant;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.SlaState;
import dev.fixpoint.platform.Times;

/** How the list and the bug page say where a bug's SLA stands: "3h left", "45m late". */
public final class SlaText {

	private SlaText() {
	}

	/** The time left (or how late), null when the bug has no running SLA clock. */
	public static String left(Bug bug) {
		return bug.slaDueAt() == null || bug.slaState() == null ? null : left(bug.slaDueAt(), Times.now());
	}

	static String left(Instant due, Instant now) {
		Duration d = Duration.between(now, due);
		boolean late = d.isNegative();
		return span(d.abs()) + (late ? " late" : " left");
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

	public static String label(SlaState state) {
		return state == null ? "" : state.label();
	}

}
