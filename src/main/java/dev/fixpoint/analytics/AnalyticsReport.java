package dev.fixpoint.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.sla.SlaSummary;

/**
 * The numbers of a project (or of an organization's projects) over a period: the body of
 * {@code GET /api/projects/{id}/analytics} and {@code GET /api/orgs/{org}/analytics}, the
 * page, and both exports. Series have one point per bucket of the interval (the first and
 * last bucket clipped to the period); hours are rounded to 0.01.
 */
public record AnalyticsReport(Scope scope, LocalDate from, LocalDate to, String interval, Instant generatedAt,
		Filters filters, List<Point> created, List<Point> resolved, List<Point> reopened, List<Point> openBacklog,
		int open, Map<String, Integer> openBySeverity, Map<String, Integer> openByPriority, Mttr mttrHours,
		Velocity velocity, Map<String, Integer> throughputByResolution, ReopenRate reopenRate,
		List<StatusTime> timeInStatus, List<AgeBucket> ageOfOpenBugs, List<Workload> workload, Hotspots hotspots,
		SlaSummary sla, List<ProjectRow> projects) {

	/** What the numbers are about: a project ({@code key}) or an organization. */
	public record Scope(String kind, UUID id, String key, String name) {
	}

	/** The filters applied; component as its name. */
	public record Filters(String component, String severity, String tag) {
	}

	/**
	 * A bucket's first day and its count (open_backlog: open at the end of the bucket).
	 */
	public record Point(LocalDate period, int count) {
	}

	/** Time to resolve of the bugs resolved in the period. */
	public record Mttr(Double mean, Double median, int bugs, Map<String, Stat> bySeverity, List<Trend> trend) {
	}

	public record Stat(Double mean, Double median, int bugs) {
	}

	public record Trend(LocalDate period, Double mean, Double median, int bugs) {
	}

	/** Resolutions per week: the average over the period and the weekly counts. */
	public record Velocity(Double perWeek, int resolved, List<Point> weekly) {
	}

	/** Reopens per resolution in the period, as a percentage. */
	public record ReopenRate(int reopened, int resolved, Double pct) {
	}

	/** Stretches that ended in the period in one status and their mean length. */
	public record StatusTime(String status, String name, String category, int stretches, Double meanHours) {
	}

	/** Open bugs whose age (now - created) is in {@code [minDays, maxDays)}. */
	public record AgeBucket(String bucket, String label, int minDays, Integer maxDays, int count) {
	}

	/** A member's open bugs: all, in an in-progress status, and by severity. */
	public record Workload(UserSummary user, int open, int inProgress, Map<String, Integer> bySeverity) {
	}

	public record Hotspots(List<Hotspot> components, List<Hotspot> tags) {
	}

	/**
	 * Created, resolved and reopened in the period, open now (components only; null for
	 * tags: a report narrowed to the tag has it), and reopens per resolution of one
	 * component or tag.
	 */
	public record Hotspot(String name, int created, int resolved, int reopened, Integer open, Double reopenRatePct) {
	}

	/** A project's line in the organization view. */
	public record ProjectRow(UUID id, String key, String name, int created, int resolved, int reopened, int open,
			Double mttrMeanHours, Double reopenRatePct) {
	}

	static Double pct(int part, int whole) {
		return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
	}

	static Double hours(Double value) {
		return value == null ? null : Math.round(value * 100) / 100.0;
	}

}
