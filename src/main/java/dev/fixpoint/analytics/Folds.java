package dev.fixpoint.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.analytics.AnalyticsReport.Hotspot;
import dev.fixpoint.analytics.AnalyticsRepository.Day;
import dev.fixpoint.analytics.AnalyticsRepository.OpenGroup;
import dev.fixpoint.analytics.AnalyticsRepository.Resolved;
import dev.fixpoint.analytics.AnalyticsRepository.TagCount;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.workflow.Workflow;

/** Folding the repository's answers into the parts of a report: pure functions. */
final class Folds {

	private Folds() {
	}

	static AnalyticsReport.Mttr mttr(List<Resolved> rows, AnalyticsPeriod period) {
		Resolved all = rows.stream().filter(r -> r.grouping().equals("all")).findFirst().orElse(null);
		Map<String, AnalyticsReport.Stat> bySeverity = new LinkedHashMap<>();
		for (Severity s : Severity.values()) {
			bySeverity.put(s.key(), new AnalyticsReport.Stat(null, null, 0));
		}
		Map<LocalDate, Resolved> byPeriod = new HashMap<>();
		for (Resolved r : rows) {
			if (r.grouping().equals("severity")) {
				bySeverity.put(r.severity(), stat(r));
			}
			else if (r.grouping().equals("period")) {
				byPeriod.put(r.period(), r);
			}
		}
		List<AnalyticsReport.Trend> trend = period.buckets().stream().map(b -> {
			Resolved r = byPeriod.get(b);
			return r == null ? new AnalyticsReport.Trend(b, null, null, 0) : new AnalyticsReport.Trend(b,
					AnalyticsReport.hours(r.meanHours()), AnalyticsReport.hours(r.medianHours()), r.bugs());
		}).toList();
		AnalyticsReport.Stat overall = all == null || all.bugs() == 0 ? new AnalyticsReport.Stat(null, null, 0)
				: stat(all);
		return new AnalyticsReport.Mttr(overall.mean(), overall.median(), overall.bugs(), bySeverity, trend);
	}

	private static AnalyticsReport.Stat stat(Resolved r) {
		return new AnalyticsReport.Stat(AnalyticsReport.hours(r.meanHours()), AnalyticsReport.hours(r.medianHours()),
				r.bugs());
	}

	/**
	 * Resolved bugs per resolution, in the usual order; {@code none} for bugs without
	 * one.
	 */
	static Map<String, Integer> throughput(List<Resolved> rows, List<String> resolutions) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		resolutions.forEach(r -> counts.put(r, 0));
		rows.stream()
			.filter(r -> r.grouping().equals("resolution"))
			.forEach(r -> counts.merge(r.resolution().isEmpty() ? "none" : r.resolution(), r.bugs(), Integer::sum));
		return counts;
	}

	/** Every status of the workflows in their order, then statuses no longer in them. */
	static List<AnalyticsReport.StatusTime> timeInStatus(List<AnalyticsRepository.StatusTime> rows,
			Collection<Workflow> workflows) {
		Map<String, AnalyticsRepository.StatusTime> byStatus = new HashMap<>();
		rows.forEach(r -> byStatus.put(r.status(), r));
		Map<String, AnalyticsReport.StatusTime> result = new LinkedHashMap<>();
		for (Workflow workflow : workflows) {
			for (Workflow.Status s : workflow.statuses()) {
				result.computeIfAbsent(s.key(), k -> statusTime(k, s.name(), s.category().json(), byStatus.get(k)));
			}
		}
		for (AnalyticsRepository.StatusTime r : rows) {
			result.computeIfAbsent(r.status(), k -> statusTime(k, k, null, r));
		}
		return List.copyOf(result.values());
	}

	private static AnalyticsReport.StatusTime statusTime(String key, String name, String category,
			AnalyticsRepository.StatusTime row) {
		int stretches = row == null ? 0 : row.stretches();
		Double mean = stretches == 0 ? null : AnalyticsReport.hours(row.seconds() / stretches / 3600.0);
		return new AnalyticsReport.StatusTime(key, name, category, stretches, mean);
	}

	/**
	 * {@code byAge[d]}: open bugs filed {@code d} whole days ago, for the days of the
	 * bounded buckets; the last bucket is the rest of {@code total}.
	 */
	static List<AnalyticsReport.AgeBucket> ages(int[] byAge, int total, int[] bounds) {
		int[] counts = new int[bounds.length + 1];
		int counted = 0;
		for (int i = 0; i < bounds.length; i++) {
			for (int d = i == 0 ? 0 : bounds[i - 1]; d < bounds[i] && d < byAge.length; d++) {
				counts[i] += byAge[d];
			}
			counted += counts[i];
		}
		counts[bounds.length] = Math.max(total - counted, 0);
		List<AnalyticsReport.AgeBucket> buckets = new ArrayList<>();
		for (int i = 0; i <= bounds.length; i++) {
			int min = i == 0 ? 0 : bounds[i - 1];
			Integer max = i < bounds.length ? bounds[i] : null;
			String label = max == null ? "over " + min + " days"
					: (min == 0 ? "under " + max + (max == 1 ? " day" : " days") : min + "–" + max + " days");
			buckets.add(new AnalyticsReport.AgeBucket(max == null ? min + "d+" : min + "-" + max + "d", label, min, max,
					counts[i]));
		}
		return buckets;
	}

	static List<Hotspot> components(List<Day> days, List<OpenGroup> open, Map<UUID, String> names, int limit) {
		Map<UUID, int[]> counts = new HashMap<>();
		for (Day d : days) {
			int[] c = counts.computeIfAbsent(d.componentId(), k -> new int[4]);
			c[0] += d.created();
			c[1] += d.resolved();
			c[2] += d.reopened();
		}
		for (OpenGroup g : open) {
			UUID id = g.componentId() == null ? AnalyticsRepository.NO_COMPONENT : g.componentId();
			counts.computeIfAbsent(id, k -> new int[4])[3] += g.count();
		}
		return counts.entrySet()
			.stream()
			.map(e -> hotspot(name(e.getKey(), names), e.getValue()))
			.sorted(Comparator.comparingInt((Hotspot h) -> -(h.created() + h.open())).thenComparing(Hotspot::name))
			.limit(limit)
			.toList();
	}

	private static String name(UUID id, Map<UUID, String> names) {
		return AnalyticsRepository.NO_COMPONENT.equals(id) ? "(no component)" : names.getOrDefault(id, "(deleted)");
	}

	/** The busiest tags of the period, with their open bugs now. */
	static List<Hotspot> tags(List<TagCount> tags, Map<String, Integer> open) {
		return tags.stream()
			.map(t -> new Hotspot(t.tag(), t.created(), t.resolved(), t.reopened(), open.getOrDefault(t.tag(), 0),
					AnalyticsReport.pct(t.reopened(), t.resolved())))
			.toList();
	}

	private static Hotspot hotspot(String name, int[] c) {
		return new Hotspot(name, c[0], c[1], c[2], c[3], AnalyticsReport.pct(c[2], c[1]));
	}

	static List<AnalyticsReport.ProjectRow> projects(List<AnalyticsRepository.ProjectName> projects, List<Day> days,
			List<OpenGroup> open, List<Resolved> resolved) {
		Map<UUID, int[]> counts = new HashMap<>(); // created, resolved, reopened, open
													// now
		for (Day d : days) {
			int[] c = counts.computeIfAbsent(d.projectId(), id -> new int[4]);
			c[0] += d.created();
			c[1] += d.resolved();
			c[2] += d.reopened();
		}
		for (OpenGroup g : open) {
			counts.computeIfAbsent(g.projectId(), id -> new int[4])[3] += g.count();
		}
		Map<UUID, Double> mttr = new HashMap<>();
		resolved.stream()
			.filter(r -> r.grouping().equals("project"))
			.forEach(r -> mttr.put(r.projectId(), AnalyticsReport.hours(r.meanHours())));
		List<AnalyticsReport.ProjectRow> rows = new ArrayList<>();
		for (AnalyticsRepository.ProjectName p : projects) {
			int[] c = counts.getOrDefault(p.id(), new int[4]);
			rows.add(new AnalyticsReport.ProjectRow(p.id(), p.key(), p.name(), c[0], c[1], c[2], c[3], mttr.get(p.id()),
					AnalyticsReport.pct(c[2], c[1])));
		}
		return rows;
	}

}
