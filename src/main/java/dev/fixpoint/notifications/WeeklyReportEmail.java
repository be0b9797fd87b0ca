package dev.fixpoint.notifications;

import java.util.ArrayList;
import java.util.List;

import dev.fixpoint.analytics.AnalyticsReport;

/**
 * A project's weekly analytics email ({@code WeeklyReports}), for the HTML template
 * ({@code notifications/weekly-report.jte}) and the plain-text part: numbers and links
 * only.
 */
public record WeeklyReportEmail(String subject, String heading, String period, List<String> lines,
		List<String> hotspots, String pageUrl, String preferencesUrl, String unsubscribeUrl) {

	static WeeklyReportEmail of(AnalyticsReport r, String key, String name, String page, String preferences,
			String unsubscribe) {
		String period = r.from() + " to " + r.to();
		int created = r.created().stream().mapToInt(AnalyticsReport.Point::count).sum();
		List<String> lines = new ArrayList<>();
		lines.add("Created: " + created);
		lines.add("Resolved: " + r.reopenRate().resolved() + " (reopened: " + r.reopenRate().reopened()
				+ ", reopen rate " + pct(r.reopenRate().pct()) + ")");
		lines.add("Open now: " + r.open() + " ("
				+ String.join(", ",
						r.openBySeverity().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())
				+ ")");
		lines.add("Time to resolve: mean " + hours(r.mttrHours().mean()) + ", median " + hours(r.mttrHours().median()));
		lines.add("SLA compliance: " + pct(r.sla().compliancePct()) + " (" + r.sla().breached() + " breached, "
				+ r.sla().atRisk() + " at risk)");
		List<String> hotspots = new ArrayList<>();
		r.hotspots()
			.components()
			.stream()
			.limit(3)
			.forEach(h -> hotspots
				.add("Component " + h.name() + ": " + h.created() + " created, " + h.open() + " open"));
		r.hotspots()
			.tags()
			.stream()
			.limit(3)
			.forEach(h -> hotspots.add("Tag " + h.name() + ": " + h.created() + " created, " + h.open() + " open"));
		String heading = "Weekly analytics of " + key + " (" + name + ")";
		return new WeeklyReportEmail(oneLine("[" + key + "] Weekly analytics, " + period), oneLine(heading), period,
				lines, hotspots, page, preferences, unsubscribe);
	}

	String text() {
		StringBuilder out = new StringBuilder(this.heading).append("\n").append(this.period).append("\n\n");
		this.lines.forEach(l -> out.append("- ").append(l).append("\n"));
		if (!this.hotspots.isEmpty()) {
			out.append("\nHotspots:\n");
			this.hotspots.forEach(l -> out.append("- ").append(l).append("\n"));
		}
		out.append("\nThe charts: ")
			.append(this.pageUrl)
			.append("\n\n-- \nEmail preferences: ")
			.append(this.preferencesUrl)
			.append("\nStop this weekly email: ")
			.append(this.unsubscribeUrl)
			.append("\n");
		return out.toString();
	}

	private static String pct(Double value) {
		return value == null ? "–" : value + " %";
	}

	private static String hours(Double value) {
		return value == null ? "–" : value + " h";
	}

	private static String oneLine(String value) {
		String flat = value.replaceAll("[\\r\\n\\t]+", " ").strip();
		return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
	}

}
