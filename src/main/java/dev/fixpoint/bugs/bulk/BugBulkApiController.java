package dev.fixpoint.bugs.bulk;

import dev.fixpoint.bugs.web.BugListForm;

import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugBulk;
import dev.fixpoint.bugs.BugExport;
import dev.fixpoint.bugs.BugListParams;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BulkEdit;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@ApiController
@Tag(name = "Bugs")
class BugBulkApiController {

	record BulkResults(List<BulkResult> items) {
	}

	private final BugBulk bulk;

	private final BugExport export;

	private final BugQueries queries;

	BugBulkApiController(BugBulk bulk, BugExport export, BugQueries queries) {
		this.bulk = bulk;
		this.export = export;
		this.queries = queries;
	}

	@PostMapping("/api/projects/{project}/bugs/bulk")
	@Operation(summary = "Change many bugs; each is checked like a single PATCH and gets its own result")
	BulkResults bulk(@PathVariable String project, @RequestBody BulkEdit edit, @Authenticated CurrentUser user) {
		return new BulkResults(BulkResult.of(this.bulk.apply(project, edit, user)));
	}

	@GetMapping(path = "/api/projects/{project}/bugs/export.csv")
	@Operation(summary = "The filtered bug list as CSV (same filters as the list), streamed")
	ResponseEntity<StreamingResponseBody> exportCsv(@PathVariable String project,
			@Parameter(hidden = true) @ModelAttribute BugListForm form, @Authenticated CurrentUser user) {
		BugListParams params = form.toParams();
		this.export.check(project, params, user);
		StreamingResponseBody body = out -> this.export.write(project, params, user, out);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(project.toUpperCase() + "-bugs.csv").build().toString())
			.body(body);
	}

	@GetMapping("/api/projects/{project}/bugs/similar")
	@Operation(summary = "Up to 5 likely duplicates of a title, open bugs first")
	List<Bug> similar(@PathVariable String project, @RequestParam(required = false) String title,
			@Authenticated CurrentUser user) {
		return this.queries.similar(project, title, user);
	}

}
