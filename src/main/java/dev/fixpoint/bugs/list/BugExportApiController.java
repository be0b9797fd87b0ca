package dev.fixpoint.bugs.list;

import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@ApiController
@Tag(name = "Bugs")
class BugExportApiController {

	private final CsvExport csv;

	BugExportApiController(CsvExport csv) {
		this.csv = csv;
	}

	@GetMapping("/api/projects/{project}/bugs/export.csv")
	@Operation(operationId = "exportBugsCsv",
			summary = "The filtered bug list as CSV (same filters as the list), streamed")
	ResponseEntity<StreamingResponseBody> exportCsv(@PathVariable String project,
			@ParameterObject BugListRequest request, @Authenticated CurrentUser user) {
		return this.csv.download(project, request, user);
	}

}
