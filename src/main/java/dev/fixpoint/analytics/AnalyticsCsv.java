package dev.fixpoint.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as CSV in one long table, {@code section,item,metric,value} (one number per
 * line: easy to filter in a spreadsheet and to load anywhere), written straight to the
 * response. Names (components, tags, people) that a spreadsheet would take for a formula
 * are prefixed with an apostrophe.
 */
public final class AnalyticsCsv {

	private static final String[] HEADER = { "section", "item", "metric", "value" };

	private AnalyticsCsv() {
	}

	public static void write(AnalyticsReport r, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF'); // Excel reads UTF-8 only with a BOM
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
			csv.printRecord("report", safe(r.scope().name()), "period", r.from() + "/" + r.to());
			csv.printRecord("report", safe(r.scope().name()), "interval", r.interval());
			csv.printRecord("report", safe(r.scope().name()), "generated_at", r.generatedAt());
			for (int i = 0; i < r.created().size(); i++) {
				String period = r.created().get(i).period().toString();
				csv.printRecord("series", period, "created", r.created().get(i).count());
				csv.printRecord("series", period, "resolved", r.resolved().get(i).count());
				csv.printRecord("series", period, "reopened", r.reopened().get(i).count());
				csv.printRecord("series", period, "open", r.openBacklog().get(i).count());
			}
			csv.flush();
			csv.printRecord("open", "all", "count", r.open());
			counts(csv, "open_by_severity", r.openBySeverity());
			counts(csv, "open_by_priority", r.openByPriority());
			csv.printRecord("mttr_hours", "all", "mean", text(r.mttrHours().mean()));
			csv.printRecord("mttr_hours", "all", "median", text(r.mttrHours().median()));
			csv.printRecord("mttr_hours", "all", "bugs", r.mttrHours().bugs());
			r.mttrHours().bySeverity().forEach((severity, s) -> print(csv, "mttr_hours", severity, s));
			for (AnalyticsReport.Trend t : r.mttrHours().trend()) {
				csv.printRecord("mttr_trend", t.period(), "mean", text(t.mean()));
				csv.printRecord("mttr_trend", t.period(), "median", text(t.median()));
			}
			csv.printRecord("velocity", "all", "per_week", r.velocity().perWeek());
			for (AnalyticsReport.Point p : r.velocity().weekly()) {
				csv.printRecord("velocity", p.period(), "resolved", p.count());
			}
			counts(csv, "throughput_by_resolution", r.throughputByResolution());
			csv.printRecord("reopen_rate", "all", "reopened", r.reopenRate().reopened());
			csv.printRecord("reopen_rate", "all", "resolved", r.reopenRate().resolved());
			csv.printRecord("reopen_rate", "all", "pct", text(r.reopenRate().pct()));
			for (AnalyticsReport.StatusTime s : r.timeInStatus()) {
				csv.printRecord("time_in_status", s.status(), "mean_hours", text(s.meanHours()));
				csv.printRecord("time_in_status", s.status(), "stretches", s.stretches());
			}
			for (AnalyticsReport.AgeBucket a : r.ageOfOpenBugs()) {
				csv.printRecord("age_of_open_bugs", a.bucket(), "count", a.count());
			}
			for (AnalyticsReport.Workload w : r.workload()) {
				csv.printRecord("workload", safe(w.user().username()), "open", w.open());
				csv.printRecord("workload", safe(w.user().username()), "in_progress", w.inProgress());
			}
			hotspots(csv, "hotspot_component", r.hotspots().components());
			hotspots(csv, "hotspot_tag", r.hotspots().tags());
			csv.printRecord("sla", "all", "compliance_pct", text(r.sla().compliancePct()));
			csv.printRecord("sla", "all", "breached", r.sla().breached());
			csv.printRecord("sla", "all", "at_risk", r.sla().atRisk());
			if (r.projects() != null) {
				for (AnalyticsReport.ProjectRow p : r.projects()) {
					csv.printRecord("project", p.key(), "created", p.created());
					csv.printRecord("project", p.key(), "resolved", p.resolved());
					csv.printRecord("project", p.key(), "open", p.open());
					csv.printRecord("project", p.key(), "mttr_mean_hours", text(p.mttrMeanHours()));
					csv.printRecord("project", p.key(), "reopen_rate_pct", text(p.reopenRatePct()));
				}
			}
		}
	}

	private static void counts(CSVPrinter csv, String section, Map<String, Integer> counts) throws IOException {
		for (Map.Entry<String, Integer> e : counts.entrySet()) {
			csv.printRecord(section, e.getKey(), "count", e.getValue());
		}
	}

	private static void print(CSVPrinter csv, String section, String item, AnalyticsReport.Stat s) {
		try {
			csv.printRecord(section, item, "mean", text(s.mean()));
			csv.printRecord(section, item, "median", text(s.median()));
			csv.printRecord(section, item, "bugs", s.bugs());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void hotspots(CSVPrinter csv, String section, List<AnalyticsReport.Hotspot> spots)
			throws IOException {
		for (AnalyticsReport.Hotspot h : spots) {
			csv.printRecord(section, safe(h.name()), "created", h.created());
			csv.printRecord(section, safe(h.name()), "resolved", h.resolved());
			csv.printRecord(section, safe(h.name()), "reopened", h.reopened());
			if (h.open() != null) {
				csv.printRecord(section, safe(h.name()), "open", h.open());
			}
		}
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
