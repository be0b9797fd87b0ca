package dev.fixpoint.analytics.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fixpoint.analytics.AnalyticsPeriod;
import dev.fixpoint.analytics.AnalyticsReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of each chart of the page as JSON for {@code static/js/analytics.js}:
 * {@code {categories, series: [{name, type, color, data, axis}], links}}; {@code color}
 * names a CSS custom property, so the charts follow the light or dark theme, and
 * {@code links[i]} is the bug list behind category {@code i} (null: none).
 */
final class Charts {

	private Charts() {
	}

	/**
	 * {@code links}: this series' own bug lists per category (else the chart's; an empty
	 * list: none).
	 */
	record Series(String name, String type, String color, List<? extends Number> data, int axis, List<String> colors,
			List<String> links) {

		Series(String name, String type, String color, List<? extends Number> data, int axis) {
			this(name, type, color, data, axis, null, null);
		}

		Series(String name, String type, String color, List<? extends Number> data, int axis, List<String> colors) {
			this(name, type, color, data, axis, colors, null);
		}

		Series links(List<String> links) {
			return new Series(this.name, this.type, this.color, this.data, this.axis, this.colors,
					links == null ? List.of() : links);
		}

	}

	record Chart(List<String> categories, List<Series> series, List<String> links, String unit) {
	}

	static Map<String, String> of(AnalyticsReport r, AnalyticsView.Links links, JsonMapper json) {
		Map<String, Chart> charts = new LinkedHashMap<>();
		List<String> periods = r.created().stream().map(p -> p.period().toString()).toList();
		List<String> createdLinks = links == null ? null
				: r.created()
					.stream()
					.map(p -> links.created(p.period().isBefore(r.from()) ? r.from() : p.period(), end(r, p.period())))
					.toList();
		List<String> resolvedLinks = links == null ? null
				: r.resolved()
					.stream()
					.map(p -> links.resolved(p.period().isBefore(r.from()) ? r.from() : p.period(), end(r, p.period())))
					.toList();
		charts.put("trend",
				new Chart(periods,
						List.of(new Series("Created", "bar", "--accent", counts(r.created()), 0).links(createdLinks),
								new Series("Resolved", "bar", "--ok", counts(r.resolved()), 0).links(resolvedLinks),
								new Series("Reopened", "bar", "--sev-high", counts(r.reopened()), 0).links(null),
								new Series("Open backlog", "line", "--danger", counts(r.openBacklog()), 1).links(null)),
						null, "bugs"));
		charts.put("severity", new Chart(keys(r.openBySeverity()).stream().map(AnalyticsView::label).toList(),
				List.of(new Series("Open bugs", "bar", "--sev-high", new ArrayList<>(r.openBySeverity().values()), 0,
						keys(r.openBySeverity()).stream().map(k -> "--sev-" + k).toList())),
				links == null ? null : keys(r.openBySeverity()).stream().map(k -> links.open("severity", k)).toList(),
				"bugs"));
		charts.put("priority", map(r.openByPriority(), "Open bugs", "--accent",
				links == null ? null : keys(r.openByPriority()).stream().map(k -> links.open("priority", k)).toList()));
		charts.put("mttr", new Chart(r.mttrHours().trend().stream().map(t -> t.period().toString()).toList(), List.of(
				new Series("Mean", "line", "--accent", r.mttrHours().trend().stream().map(t -> t.mean()).toList(), 0),
				new Series("Median", "line", "--ok", r.mttrHours().trend().stream().map(t -> t.median()).toList(), 0)),
				null, "hours"));
		charts.put("velocity",
				new Chart(r.velocity().weekly().stream().map(p -> p.period().toString()).toList(),
						List.of(new Series("Resolved", "bar", "--ok", counts(r.velocity().weekly()), 0)),
						links == null ? null
								: r.velocity()
									.weekly()
									.stream()
									.map(p -> links.resolved(p.period().isBefore(r.from()) ? r.from() : p.period(),
											weekEnd(r, p.period())))
									.toList(),
						"bugs"));
		charts.put("resolution",
				new Chart(
						keys(r.throughputByResolution()).stream()
							.map(k -> k.equals("none") ? "None" : dev.fixpoint.bugs.Resolution.label(k))
							.toList(),
						List.of(new Series("Resolved bugs", "bar", "--ok",
								new ArrayList<>(r.throughputByResolution().values()), 0)),
						null, "bugs"));
		charts.put("status", new Chart(r.timeInStatus().stream().map(AnalyticsReport.StatusTime::name).toList(),
				List.of(new Series("Mean hours", "bar", "--st-progress",
						r.timeInStatus().stream().map(s -> s.meanHours() == null ? 0 : s.meanHours()).toList(), 0)),
				links == null ? null
						: r.timeInStatus().stream().map(s -> links.list() + "?status=" + s.status()).toList(),
				"hours"));
		charts.put("age", new Chart(r.ageOfOpenBugs().stream().map(AnalyticsReport.AgeBucket::label).toList(),
				List.of(new Series("Open bugs", "bar", "--st-todo",
						r.ageOfOpenBugs().stream().map(AnalyticsReport.AgeBucket::count).toList(), 0)),
				links == null ? null : r.ageOfOpenBugs().stream().map(a -> ageLink(r, a, links)).toList(), "bugs"));
		Map<String, String> out = new LinkedHashMap<>();
		charts.forEach((id, chart) -> out.put(id, json.writeValueAsString(chart)));
		return out;
	}

	private static java.time.LocalDate end(AnalyticsReport r, java.time.LocalDate start) {
		AnalyticsPeriod period = new AnalyticsPeriod(r.from(), r.to(),
				dev.fixpoint.analytics.Interval.valueOf(r.interval().toUpperCase(java.util.Locale.ROOT)), null, null);
		return period.bucketEnd(start);
	}

	/**
	 * The open bugs of an age bucket: filed between today minus its upper bound
	 * (excluded) and today minus its lower bound (whole UTC days, as the report counts
	 * them).
	 */
	private static String ageLink(AnalyticsReport r, AnalyticsReport.AgeBucket a, AnalyticsView.Links links) {
		java.time.LocalDate today = r.generatedAt().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
		return links.openFiled(a.maxDays() == null ? null : today.minusDays(a.maxDays() - 1L),
				today.minusDays(a.minDays()));
	}

	private static java.time.LocalDate weekEnd(AnalyticsReport r, java.time.LocalDate start) {
		return new AnalyticsPeriod(r.from(), r.to(), dev.fixpoint.analytics.Interval.WEEK, null, null).bucketEnd(start);
	}

	private static Chart map(Map<String, Integer> values, String name, String color, List<String> links) {
		return new Chart(keys(values).stream().map(AnalyticsView::label).toList(),
				List.of(new Series(name, "bar", color, new ArrayList<>(values.values()), 0)), links, "bugs");
	}

	private static List<String> keys(Map<String, Integer> values) {
		return new ArrayList<>(values.keySet());
	}

	private static List<Integer> counts(List<AnalyticsReport.Point> points) {
		return points.stream().map(AnalyticsReport.Point::count).toList();
	}

}
