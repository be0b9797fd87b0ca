package dev.fixpoint.bugs.list;

import java.nio.charset.StandardCharsets;

import dev.fixpoint.bugs.BugExport;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.platform.CurrentUser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The filtered bug list as a streamed CSV download, for the page and the API alike. The
 * filters are checked before the response starts, so bad ones still get a proper error
 * instead of a cut-off file.
 */
@Component
class CsvExport {

	private final BugExport export;

	CsvExport(BugExport export) {
		this.export = export;
	}

	ResponseEntity<StreamingResponseBody> download(String project, BugListRequest request, CurrentUser user) {
		this.export.check(project, request, user);
		StreamingResponseBody body = out -> this.export.write(project, request, user, out);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(project.toUpperCase() + "-bugs.csv").build().toString())
			.body(body);
	}

}
