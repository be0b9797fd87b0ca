package dev.fixpoint.analytics;

import java.util.function.Function;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * An analytics query string as written
 * ({@code ?from=2026-10-01&to=2026-10-31&interval=week}); every parameter is optional.
 * {@link Analytics} validates it into an {@link AnalyticsPeriod} and resolves the
 * component in the project.
 */
public record AnalyticsRequest(
		@Parameter(description = "first day, yyyy-mm-dd (UTC; default: 29 days before to)") String from,
		@Parameter(description = "last day, included, yyyy-mm-dd (UTC; default: today)") String to,
		@Parameter(description = "day, week or month (default day)") String interval,
		@Parameter(description = "a component of the project, by name or id") String component,
		@Parameter(description = "critical, high, medium or low") String severity,
		@Parameter(description = "a tag") String tag) {

	public static AnalyticsRequest empty() {
		return new AnalyticsRequest(null, null, null, null, null, null);
	}

	/** Reads the parameters by name ({@code parameter} gives a name's value, or null). */
	public static AnalyticsRequest from(Function<String, String> parameter) {
		return new AnalyticsRequest(parameter.apply("from"), parameter.apply("to"), parameter.apply("interval"),
				parameter.apply("component"), parameter.apply("severity"), parameter.apply("tag"));
	}

}
