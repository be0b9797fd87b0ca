package dev.fixpoint.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * A report as a PDF (PDFBox): title, period, generated-at, the key figures, the charts
 * drawn as vectors (created vs resolved with the backlog line, open by severity, time to
 * resolve by severity) and the tables behind them.
 */
public final class AnalyticsPdf {

	static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	static final int MAX_ROWS = 400;

	private AnalyticsPdf() {
	}

	public static byte[] render(AnalyticsReport r) {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle("Analytics " + r.scope().name() + " " + r.from() + " to " + r.to());
			info.setCreator("Fixpoint");
			try (PdfPages pages = new PdfPages(document)) {
				header(pages, r);
				figures(pages, r);
				charts(pages, r);
				tables(pages, r);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void header(PdfPages pages, AnalyticsReport r) throws IOException {
		String what = r.scope().kind().equals("project") ? r.scope().name() + " (" + r.scope().key() + ")"
				: r.scope().name() + " (organization)";
		pages.title("Analytics: " + what);
		pages.line("Period: " + r.from() + " to " + r.to() + ", by " + r.interval());
		pages.line("Generated at: " + GENERATED.format(r.generatedAt()));
		List<String> filters = new ArrayList<>();
		if (r.filters().component() != null) {
			filters.add("component " + r.filters().component());
		}
		if (r.filters().severity() != null) {
			filters.add("severity " + r.filters().severity());
		}
		if (r.filters().tag() != null) {
			filters.add("tag " + r.filters().tag());
		}
		pages.line("Filters: " + (filters.isEmpty() ? "none" : String.join(", ", filters)));
		pages.gap();
	}

	private static void figures(PdfPages pages, AnalyticsReport r) throws IOException {
		int created = r.created().stream().mapToInt(AnalyticsReport.Point::count).sum();
		pages.heading("Key figures");
		pages.table(List.of("Figure", "Value"), List.of(List.of("Created", String.valueOf(created)),
				List.of("Resolved", String.valueOf(r.reopenRate().resolved())),
				List.of("Reopened", String.valueOf(r.reopenRate().reopened())),
				List.of("Reopen rate", pct(r.reopenRate().pct())), List.of("Open now", String.valueOf(r.open())),
				List.of("Time to resolve, mean", hours(r.mttrHours().mean())),
				List.of("Time to resolve, median", hours(r.mttrHours().median())),
				List.of("Velocity (resolved per week)", String.valueOf(r.velocity().perWeek())),
				List.of("SLA compliance", pct(r.sla().compliancePct())),
				List.of("SLA breached / at risk now", r.sla().breached() + " / " + r.sla().atRisk())));
	}

	private static void charts(PdfPages pages, AnalyticsReport r) throws IOException {
		pages.heading("Created vs resolved, with the open backlog");
		pages.seriesChart(r.created(), r.resolved(), r.openBacklog());
		pages.heading("Open bugs by severity");
		pages.barChart(r.openBySeverity());
		Map<String, Integer> mttr = new java.util.LinkedHashMap<>();
		r.mttrHours()
			.bySeverity()
			.forEach((s, stat) -> mttr.put(s, stat.mean() == null ? 0 : (int) Math.round(stat.mean())));
		pages.heading("Mean time to resolve by severity (hours)");
		pages.barChart(mttr);
	}

	private static void tables(PdfPages pages, AnalyticsReport r) throws IOException {
		List<List<String>> series = new ArrayList<>();
		for (int i = 0; i < r.created().size() && i < MAX_ROWS; i++) {
			series.add(List.of(r.created().get(i).period().toString(), String.valueOf(r.created().get(i).count()),
					String.valueOf(r.resolved().get(i).count()), String.valueOf(r.reopened().get(i).count()),
					String.valueOf(r.openBacklog().get(i).count())));
		}
		pages.heading("Series by " + r.interval());
		pages.table(List.of("Period", "Created", "Resolved", "Reopened", "Open at end"), series);
		List<List<String>> mttr = new ArrayList<>();
		r.mttrHours()
			.bySeverity()
			.forEach((s, stat) -> mttr
				.add(List.of(s, hours(stat.mean()), hours(stat.median()), String.valueOf(stat.bugs()))));
		mttr.add(List.of("all", hours(r.mttrHours().mean()), hours(r.mttrHours().median()),
				String.valueOf(r.mttrHours().bugs())));
		pages.heading("Time to resolve");
		pages.table(List.of("Severity", "Mean", "Median", "Bugs"), mttr);
		pages.heading("Throughput by resolution");
		pages.table(List.of("Resolution", "Bugs"),
				r.throughputByResolution()
					.entrySet()
					.stream()
					.map(e -> List.of(e.getKey(), String.valueOf(e.getValue())))
					.toList());
		pages.heading("Time in status (stretches that ended in the period)");
		pages.table(List.of("Status", "Stretches", "Mean"),
				r.timeInStatus()
					.stream()
					.map(s -> List.of(s.name(), String.valueOf(s.stretches()), hours(s.meanHours())))
					.toList());
		pages.heading("Age of open bugs");
		pages.table(List.of("Age", "Open bugs"),
				r.ageOfOpenBugs().stream().map(a -> List.of(a.label(), String.valueOf(a.count()))).toList());
		pages.heading("Workload");
		pages.table(List.of("Member", "Open", "In progress"),
				r.workload()
					.stream()
					.limit(50)
					.map(w -> List.of(w.user().name(), String.valueOf(w.open()), String.valueOf(w.inProgress())))
					.toList());
		hotspots(pages, "Hotspots by component", r.hotspots().components());
		hotspots(pages, "Hotspots by tag", r.hotspots().tags());
		if (r.projects() != null) {
			pages.heading("Projects");
			pages.table(List.of("Project", "Created", "Resolved", "Open", "MTTR mean", "Reopen rate"),
					r.projects()
						.stream()
						.map(p -> List.of(p.key(), String.valueOf(p.created()), String.valueOf(p.resolved()),
								String.valueOf(p.open()), hours(p.mttrMeanHours()), pct(p.reopenRatePct())))
						.toList());
		}
	}

	private static void hotspots(PdfPages pages, String title, List<AnalyticsReport.Hotspot> spots) throws IOException {
		pages.heading(title);
		pages.table(List.of("Name", "Created", "Resolved", "Reopened", "Open", "Reopen rate"),
				spots.stream()
					.map(h -> List.of(h.name(), String.valueOf(h.created()), String.valueOf(h.resolved()),
							String.valueOf(h.reopened()), h.open() == null ? "-" : String.valueOf(h.open()),
							pct(h.reopenRatePct())))
					.toList());
	}

	static String hours(Double value) {
		return value == null ? "-" : value + " h";
	}

	static String pct(Double value) {
		return value == null ? "-" : value + " %";
	}

}
