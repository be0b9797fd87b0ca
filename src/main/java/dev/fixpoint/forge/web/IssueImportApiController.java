package dev.fixpoint.forge.web;

import java.net.URI;
import java.util.UUID;

import dev.fixpoint.forge.ForgeIssueImports;
import dev.fixpoint.forge.IssueImport;
import dev.fixpoint.imports.ImportJob;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Importing a linked repository's issues (project admins). */
@ApiController
@Tag(name = "Integrations")
class IssueImportApiController {

	private final ForgeIssueImports imports;

	IssueImportApiController(ForgeIssueImports imports) {
		this.imports = imports;
	}

	@PostMapping("/api/projects/{project}/integrations/{link}/imports")
	@Operation(operationId = "importIntegrationIssues",
			summary = "Import the linked repository's issues with the link's access token (project admins): an "
					+ "import job like startImportFromApi (dry_run, mapping; labels become tags, labels such as "
					+ "'priority: high', 'P1', 'severity: critical' or the mapping's give priority and severity, "
					+ "open/closed the statuses), re-runs update instead of duplicating, and every imported issue "
					+ "is synced both ways (closing the bug closes the issue; closing it on the forge moves the bug). "
					+ "Follow it with getImport.")
	@ApiResponse(responseCode = "202", description = "Queued; Location names the import")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409", description = "The link has no access token")
	ResponseEntity<ImportJob> start(@PathVariable String project, @PathVariable UUID link,
			@RequestBody(required = false) IssueImport request, @Authenticated CurrentUser user) {
		ImportJob job = this.imports.start(project, link, request == null ? new IssueImport(false, null) : request,
				user);
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
	}

}
