package dev.fixpoint.analytics.web;

import dev.fixpoint.analytics.AnalyticsCsv;
import dev.fixpoint.analytics.AnalyticsPdf;
import dev.fixpoint.analytics.AnalyticsReport;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The downloads of a report, for the API and the pages alike: the report is computed (and
 * any bad input refused with a clean 400) before the first byte is written.
 */
final class Exports {

	private Exports() {
	}

	static ResponseEntity<StreamingResponseBody> csv(AnalyticsReport report) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "csv"))
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(out -> AnalyticsCsv.write(report, out));
	}

	static ResponseEntity<byte[]> pdf(AnalyticsReport report) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "pdf"))
			.contentType(MediaType.APPLICATION_PDF)
			.body(AnalyticsPdf.render(report));
	}

	private static String attachment(AnalyticsReport report, String extension) {
		String name = "analytics-" + report.scope().key().replaceAll("[^A-Za-z0-9_-]", "") + "-" + report.from() + "-"
				+ report.to() + "." + extension;
		return ContentDisposition.attachment().filename(name).build().toString();
	}

}
