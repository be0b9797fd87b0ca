package dev.fixpoint.sla.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.fixpoint.bugs.Severity;
import dev.fixpoint.sla.SlaReport;

/**
 * The weekly compliance chart as numbers for an inline SVG (no script, no chart library):
 * one line per severity over the weeks, y = compliance %. Colors come from CSS classes,
 * so dark mode and the CSP need nothing special.
 */
public record SlaChart(int width, int height, List<Axis> yAxis, List<Axis> xAxis, List<Line> lines) {

	static final int W = 640, H = 240, LEFT = 44, RIGHT = 12, TOP = 12, BOTTOM = 30;

	public record Axis(double x, double y, String label) {
	}

	public record Dot(double x, double y, String title) {
	}

	public record Line(String severity, String label, String points, List<Dot> dots) {
	}

	static SlaChart of(List<SlaReport.WeekCompliance> weekly, LocalDate firstWeek, int weeks) {
		List<Axis> y = new ArrayList<>();
		for (int pct = 0; pct <= 100; pct += 25) {
			y.add(new Axis(LEFT - 6, yOf(pct), pct + "%"));
		}
		List<Axis> x = new ArrayList<>();
		DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
		for (int i = 0; i < weeks; i += 2) {
			x.add(new Axis(xOf(i, weeks), H - 10, firstWeek.plusWeeks(i).format(f)));
		}
		List<Line> lines = new ArrayList<>();
		for (Severity s : Severity.values()) {
			List<Dot> dots = new ArrayList<>();
			for (int i = 0; i < weeks; i++) {
				LocalDate week = firstWeek.plusWeeks(i);
				Optional<SlaReport.WeekCompliance> w = weekly.stream()
					.filter(c -> c.severity().equals(s.key()) && c.weekStart().equals(week))
					.findFirst();
				if (w.isPresent() && w.get().compliancePct() != null) {
					dots.add(new Dot(xOf(i, weeks), yOf(w.get().compliancePct()),
							s.label() + ", week of " + week.format(f) + ": " + w.get().compliancePct() + "% ("
									+ w.get().met() + " of " + w.get().total() + " within target)"));
				}
			}
			if (!dots.isEmpty()) {
				String points = String.join(" ", dots.stream().map(d -> d.x() + "," + d.y()).toList());
				lines.add(new Line(s.key(), s.label(), points, dots));
			}
		}
		return new SlaChart(W, H, y, x, lines);
	}

	public boolean empty() {
		return this.lines.isEmpty();
	}

	public double left() {
		return LEFT;
	}

	public double right() {
		return W - RIGHT;
	}

	private static double xOf(int week, int weeks) {
		return round(LEFT + (W - LEFT - RIGHT) * (weeks == 1 ? 0.5 : (double) week / (weeks - 1)));
	}

	private static double yOf(double pct) {
		return round(TOP + (H - TOP - BOTTOM) * (1 - pct / 100));
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}

}
