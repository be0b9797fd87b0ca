package dev.fixpoint.analytics.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fixpoint.analytics.AnalyticsReport;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.projects.Capabilities;

/**
 * The analytics page of a project ({@code can}: what the member may do there, set) or of
 * an organization: the report, the filters as typed, the links behind each number and the
 * charts' data (JSON for {@code analytics.js}, with the same numbers in each chart's data
 * table).
 */
public record AnalyticsView(String base, Capabilities can, AnalyticsReport report, Filters filters,
		List<String> components, List<Preset> presets, List<FieldError> errors, Map<String, String> charts,
		String orgAnalyticsUrl, Links links) {

	/** The filter form's values as typed (the URL's). */
	public record Filters(String from, String to, String interval, String component, String severity, String tag) {

		String query() {
			List<String> parts = new ArrayList<>();
			add(parts, "from", this.from);
			add(parts, "to", this.to);
			add(parts, "interval", this.interval);
			add(parts, "component", this.component);
			add(parts, "severity", this.severity);
			add(parts, "tag", this.tag);
			return String.join("&", parts);
		}

	}

	/** A date preset: its label, its link, whether the page shows it. */
	public record Preset(String label, String url, boolean active) {
	}

	/** Where the numbers lead: the bug list with its own filter parameters. */
	public record Links(String list, List<String> openStatuses, List<String> doneStatuses) {

		public String open(String param, String value) {
			return this.list + "?status=" + enc(String.join(",", this.openStatuses)) + "&" + param + "=" + enc(value);
		}

		public String assignee(String username) {
			return open("assignee", username);
		}

		public String component(String name) {
			return this.list + "?component=" + enc(name);
		}

		public String tag(String name) {
			return this.list + "?tag=" + enc(name);
		}

		public String created(LocalDate from, LocalDate to) {
			return this.list + "?created_from=" + from + "&created_to=" + to;
		}

		/**
		 * The open bugs filed in {@code from..to} (either may be null): an age bucket.
		 */
		public String openFiled(LocalDate from, LocalDate to) {
			return this.list + "?status=" + enc(String.join(",", this.openStatuses))
					+ (from == null ? "" : "&created_from=" + from) + (to == null ? "" : "&created_to=" + to);
		}

		/** The bugs resolved (their last resolution) in {@code from..to}. */
		public String resolved(LocalDate from, LocalDate to) {
			return this.list + "?resolved_from=" + from + "&resolved_to=" + to;
		}

	}

	public boolean isProject() {
		return this.can != null;
	}

	public String projectKey() {
		return isProject() ? this.can.projectKey() : null;
	}

	public String title() {
		return isProject() ? "Analytics · " + projectKey() : "Analytics · " + this.report.scope().name();
	}

	public String exportUrl(String extension) {
		String query = this.filters.query();
		return this.base + "/export." + extension + (query.isEmpty() ? "" : "?" + query);
	}

	public String chart(String id) {
		return this.charts.getOrDefault(id, "{}");
	}

	public String error(String field) {
		return this.errors.stream()
			.filter(e -> e.field().equals(field))
			.map(FieldError::message)
			.findFirst()
			.orElse(null);
	}

	public int created() {
		return this.report.created().stream().mapToInt(AnalyticsReport.Point::count).sum();
	}

	public static String hours(Double value) {
		if (value == null) {
			return "–";
		}
		if (value >= 48) {
			return Math.round(value / 24 * 10) / 10.0 + " d";
		}
		return value + " h";
	}

	public static String pct(Double value) {
		return value == null ? "–" : value + " %";
	}

	public static String label(String key) {
		if (key == null || key.isEmpty()) {
			return "";
		}
		String text = key.replace('_', ' ');
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static void add(List<String> parts, String name, String value) {
		if (value != null && !value.isBlank()) {
			parts.add(name + "=" + enc(value.strip()));
		}
	}

	static Map<String, String> ordered() {
		return new LinkedHashMap<>();
	}

}
