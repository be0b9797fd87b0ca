package dev.fixpoint.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToIntFunction;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.analytics.AnalyticsReport.Point;
import dev.fixpoint.analytics.AnalyticsRepository.Day;
import dev.fixpoint.analytics.AnalyticsRepository.OpenGroup;
import dev.fixpoint.analytics.AnalyticsRepository.Resolved;
import dev.fixpoint.bugs.Priority;
import dev.fixpoint.bugs.Resolution;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.sla.SlaDashboard;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;
import dev.fixpoint.workflow.WorkflowTemplates;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Asks {@link AnalyticsRepository} the questions of a report (seven queries, whatever the
 * period) and folds the answers into an {@link AnalyticsReport}.
 */
@Component
class ReportBuilder {

	/**
	 * Upper bounds (whole days: today minus the UTC filing day) of the age buckets of
	 * open bugs; the last bucket is open-ended.
	 */
	static final int[] AGES = { 1, 7, 30, 90 };

	static final int HOTSPOTS = 10;

	private final AnalyticsRepository repository;

	private final SlaDashboard sla;

	private final Accounts accounts;

	private final JsonMapper json;

	ReportBuilder(AnalyticsRepository repository, SlaDashboard sla, Accounts accounts, JsonMapper json) {
		this.repository = repository;
		this.sla = sla;
		this.accounts = accounts;
		this.json = json;
	}

	AnalyticsReport build(AnalyticsReport.Scope scope, List<UUID> projectIds, AnalyticsPeriod period,
			ProjectComponent component, Instant now) {
		return build(scope, projectIds, period, component, now, null);
	}

	AnalyticsReport organization(AnalyticsReport.Scope scope, UUID orgId, AnalyticsPeriod period, Instant now) {
		List<AnalyticsRepository.ProjectName> projects = this.repository.projectsOf(orgId);
		return build(scope, projects.stream().map(AnalyticsRepository.ProjectName::id).toList(), period, null, now,
				projects);
	}

	private AnalyticsReport build(AnalyticsReport.Scope scope, List<UUID> projectIds, AnalyticsPeriod period,
			ProjectComponent component, Instant now, List<AnalyticsRepository.ProjectName> orgProjects) {
		UUID[] ids = projectIds.toArray(UUID[]::new);
		var filter = new AnalyticsRepository.Scope(ids, period.severity(), component == null ? null : component.id(),
				period.tag());
		LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
		LocalDate last = period.to().isAfter(today) ? period.to() : today;
		List<Day> days = this.repository.days(filter, period.from(), period.to(), last, period.interval());
		List<Resolved> resolved = this.repository.resolved(filter, period.start(), period.end(), period.interval());
		Map<UUID, Workflow> workflows = workflows(ids);
		AnalyticsRepository.Open openNowGroups = this.repository.open(filter, working(workflows.values()));
		List<OpenGroup> open = openNowGroups.counts();
		List<Day> inPeriod = days.stream().filter(d -> !d.day().isAfter(period.to())).toList();
		int openNow = sum(open, OpenGroup::count);
		int resolvedCount = sum(inPeriod, Day::resolved);
		int reopenedCount = sum(inPeriod, Day::reopened);
		return new AnalyticsReport(scope, period.from(), period.to(), period.interval().key(), now,
				new AnalyticsReport.Filters(component == null ? null : component.name(), period.severity(),
						period.tag()),
				series(period, inPeriod, Day::created), series(period, inPeriod, Day::resolved),
				series(period, inPeriod, Day::reopened), backlog(period, days, openNow), openNow,
				count(open, OpenGroup::severity, keys(Severity.values())),
				count(open, OpenGroup::priority, keys(Priority.values())), Folds.mttr(resolved, period),
				velocity(period, inPeriod, resolvedCount), Folds.throughput(resolved, Resolution.VALUES),
				new AnalyticsReport.ReopenRate(reopenedCount, resolvedCount,
						AnalyticsReport.pct(reopenedCount, resolvedCount)),
				Folds.timeInStatus(this.repository.statusTime(filter, period.from(), period.to()), workflows.values()),
				Folds.ages(this.repository.openByAge(filter, today, AGES[AGES.length - 1]), openNow, AGES),
				workload(openNowGroups.assigned()), hotspots(filter, period, inPeriod, open),
				this.sla.summary(projectIds, period.start(), period.end()),
				orgProjects == null ? null : Folds.projects(orgProjects, inPeriod, open, resolved));
	}

	private Map<UUID, Workflow> workflows(UUID[] ids) {
		Map<UUID, Workflow> workflows = new LinkedHashMap<>();
		this.repository.workflows(ids)
			.forEach((id, text) -> workflows.put(id,
					text == null ? WorkflowTemplates.standard() : this.json.readValue(text, Workflow.class)));
		return workflows;
	}

	static List<Point> series(AnalyticsPeriod period, List<Day> days, ToIntFunction<Day> value) {
		Map<LocalDate, Integer> byBucket = new HashMap<>();
		for (Day d : days) {
			byBucket.merge(period.interval().start(d.day()), value.applyAsInt(d), Integer::sum);
		}
		return period.buckets().stream().map(b -> new Point(b, byBucket.getOrDefault(b, 0))).toList();
	}

	/**
	 * Open at the end of each bucket: open now, minus what the later days (up to today)
	 * added to the backlog.
	 */
	static List<Point> backlog(AnalyticsPeriod period, List<Day> days, int openNow) {
		TreeMap<LocalDate, Integer> change = new TreeMap<>();
		for (Day d : days) {
			change.merge(d.day(), d.created() - d.resolved() + d.reopened(), Integer::sum);
		}
		List<LocalDate> buckets = period.buckets();
		Point[] points = new Point[buckets.size()];
		// from the last bucket back: the days after each bucket's end, added once each
		Iterator<Map.Entry<LocalDate, Integer>> newest = change.descendingMap().entrySet().iterator();
		Map.Entry<LocalDate, Integer> next = newest.hasNext() ? newest.next() : null;
		int later = 0;
		for (int i = buckets.size() - 1; i >= 0; i--) {
			LocalDate end = period.bucketEnd(buckets.get(i));
			while (next != null && next.getKey().isAfter(end)) {
				later += next.getValue();
				next = newest.hasNext() ? newest.next() : null;
			}
			points[i] = new Point(buckets.get(i), openNow - later);
		}
		return List.of(points);
	}

	private static AnalyticsReport.Velocity velocity(AnalyticsPeriod period, List<Day> days, int resolved) {
		AnalyticsPeriod weeks = new AnalyticsPeriod(period.from(), period.to(), Interval.WEEK, null, null);
		double perWeek = Math.round(resolved * 7.0 / period.days() * 10) / 10.0;
		return new AnalyticsReport.Velocity(perWeek, resolved, series(weeks, days, Day::resolved));
	}

	/**
	 * The keys of the in-progress statuses of the workflows (across an organization's
	 * projects, a key counts as in progress if it is in any of them).
	 */
	private static List<String> working(java.util.Collection<Workflow> workflows) {
		return workflows.stream()
			.flatMap(w -> w.statuses().stream())
			.filter(s -> s.category() == StatusCategory.IN_PROGRESS)
			.map(Workflow.Status::key)
			.distinct()
			.toList();
	}

	private List<AnalyticsReport.Workload> workload(List<OpenGroup> open) {
		Map<UUID, int[]> byUser = new LinkedHashMap<>();
		for (OpenGroup g : open) {
			if (g.assigneeId() == null) {
				continue;
			}
			int[] counts = byUser.computeIfAbsent(g.assigneeId(), id -> new int[2 + Severity.values().length]);
			counts[0] += g.count();
			if (g.working()) {
				counts[1] += g.count();
			}
			counts[2 + Severity.parse(g.severity()).map(Enum::ordinal).orElse(Severity.values().length - 1)] += g
				.count();
		}
		Map<UUID, UserSummary> users = new HashMap<>();
		this.accounts.findAll(byUser.keySet()).forEach(u -> users.put(u.id(), u));
		List<AnalyticsReport.Workload> rows = new ArrayList<>();
		byUser.forEach((id, c) -> {
			Map<String, Integer> bySeverity = new LinkedHashMap<>();
			for (Severity s : Severity.values()) {
				bySeverity.put(s.key(), c[2 + s.ordinal()]);
			}
			rows.add(new AnalyticsReport.Workload(users.getOrDefault(id, new UserSummary(id, null, "(unknown)", null)),
					c[0], c[1], bySeverity));
		});
		rows.sort((a, b) -> a.open() != b.open() ? Integer.compare(b.open(), a.open())
				: String.valueOf(a.user().name()).compareTo(String.valueOf(b.user().name())));
		return rows;
	}

	private AnalyticsReport.Hotspots hotspots(AnalyticsRepository.Scope filter, AnalyticsPeriod period, List<Day> days,
			List<OpenGroup> open) {
		Map<UUID, String> names = new HashMap<>();
		this.repository.components(filter.projects()).forEach(c -> names.put(c.id(), c.name()));
		List<AnalyticsRepository.TagCount> tags = this.repository.tags(filter, period.from(), period.to(), HOTSPOTS);
		java.util.Map<String, Integer> openPerTag = this.repository.openPerTag(filter,
				tags.stream().map(AnalyticsRepository.TagCount::tag).toList());
		return new AnalyticsReport.Hotspots(Folds.components(days, open, names, HOTSPOTS),
				Folds.tags(tags, openPerTag));
	}

	static <T> int sum(List<T> items, ToIntFunction<T> value) {
		return items.stream().mapToInt(value).sum();
	}

	private static String[] keys(Severity[] values) {
		return java.util.Arrays.stream(values).map(Severity::key).toArray(String[]::new);
	}

	private static String[] keys(Priority[] values) {
		return java.util.Arrays.stream(values).map(Priority::key).toArray(String[]::new);
	}

	private static Map<String, Integer> count(List<OpenGroup> open, java.util.function.Function<OpenGroup, String> key,
			String[] keys) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String k : keys) {
			counts.put(k, 0);
		}
		open.forEach(g -> counts.merge(key.apply(g), g.count(), Integer::sum));
		return counts;
	}

}
