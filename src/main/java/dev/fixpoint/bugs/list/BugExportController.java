package dev.fixpoint.bugs.list;

import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The list page's "Export CSV" link, for the signed-in browser. */
@Controller
class BugExportController {

	private final CsvExport csv;

	BugExportController(CsvExport csv) {
		this.csv = csv;
	}

	@GetMapping("/p/{project}/bugs/export.csv")
	ResponseEntity<StreamingResponseBody> exportCsv(@PathVariable String project, BugListRequest request,
			@Authenticated CurrentUser user) {
		return this.csv.download(project, request, user);
	}

}
