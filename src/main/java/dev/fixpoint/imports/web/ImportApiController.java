package dev.fixpoint.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.imports.ImportConnection;
import dev.fixpoint.imports.ImportJob;
import dev.fixpoint.imports.ImportMapping;
import dev.fixpoint.imports.Imports;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

@ApiController
@Tag(name = "Imports")
class ImportApiController {

	private final Imports imports;

	private final JsonMapper json;

	ImportApiController(Imports imports, JsonMapper json) {
		this.imports = imports;
		this.json = json;
	}

	@PostMapping(path = ImportRoutes.API_PROJECT_IMPORTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(operationId = "startImport",
			summary = "Import bugs from a file (project admins): multipart part 'file' (at most "
					+ "FIXPOINT_ATTACHMENT_MAX_SIZE; a larger file is sent as a text/csv or application/octet-stream body, "
					+ "up to FIXPOINT_IMPORTS_MAX_SIZE, with the other fields as query parameters), source (jira_csv, "
					+ "linear_csv, csv, json), dry_run (count what would happen, write nothing) and an optional "
					+ "mapping (JSON: fields, statuses, priorities, severities, people, unknown_person, base_url, "
					+ "time_zone, encoding). The job runs in the background: follow it with getImport.")
	@ApiResponse(responseCode = "202", description = "Queued; Location names the import",
			content = @Content(schema = @Schema(implementation = ImportJob.class)))
	@ApiResponse(responseCode = "403", description = "Only project admins import",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "413", description = "Larger than the upload limit",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ImportJob> start(@PathVariable String project,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String source,
			@RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
			@RequestParam(required = false) @Parameter(description = "the mapping as JSON") String mapping,
			@Authenticated CurrentUser user) {
		if (file == null) {
			throw InvalidInputException.of("file", "is required: send the export as multipart part 'file'");
		}
		try (InputStream in = file.getInputStream()) {
			return accepted(this.imports.start(project, user, required(source), dryRun, mapping(mapping),
					file.getOriginalFilename(), in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PostMapping(path = ImportRoutes.API_PROJECT_IMPORTS,
			consumes = { "text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE, "application/x-ndjson" })
	@Operation(operationId = "startImportFromBody",
			summary = "Import bugs from the request body (any size up to FIXPOINT_IMPORTS_MAX_SIZE, streamed): "
					+ "the same as startImport with source, dry_run, mapping and filename as query parameters")
	@ApiResponse(responseCode = "202", description = "Queued; Location names the import",
			content = @Content(schema = @Schema(implementation = ImportJob.class)))
	@ApiResponse(responseCode = "403", description = "Only project admins import",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "413", description = "Larger than FIXPOINT_IMPORTS_MAX_SIZE",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ImportJob> startFromBody(@PathVariable String project, @RequestParam(required = false) String source,
			@RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
			@RequestParam(required = false) String mapping, @RequestParam(required = false) String filename,
			HttpServletRequest request, @Authenticated CurrentUser user) {
		try (InputStream in = request.getInputStream()) {
			return accepted(this.imports.start(project, user, required(source), dryRun, mapping(mapping),
					filename == null ? "upload" : filename, in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An import from another tracker's REST API.
	 *
	 * @param connection the tracker's address, user and scope
	 * @param token the API token (Jira), API key (Redmine) or token (GitHub, GitLab);
	 * stored sealed until the import ends, never shown again
	 */
	record ConnectRequest(String source, Boolean dryRun, ImportMapping mapping, ImportConnection connection,
			String token) {
	}

	@PostMapping(path = ImportRoutes.API_PROJECT_IMPORTS, consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "startImportFromApi",
			summary = "Import bugs from another tracker's REST API (project admins): source jira_api (Jira Cloud: "
					+ "connection.user is the account email and token an API token; Server/Data Center: a personal "
					+ "token and no user; scope a project key or a JQL query), redmine_api (token the API key, scope "
					+ "the project identifier), github_api (token a personal access token, scope owner/repository, "
					+ "url optional for GitHub Enterprise) or gitlab_api (token a personal or project access token, "
					+ "scope the project's path or id, url the instance, optional for gitlab.com), with dry_run and "
					+ "mapping as for startImport; GitHub and GitLab labels give priority and severity. Pages are "
					+ "fetched by the job, rate limits waited for; follow it with getImport.")
	@ApiResponse(responseCode = "202", description = "Queued; Location names the import",
			content = @Content(schema = @Schema(implementation = ImportJob.class)))
	@ApiResponse(responseCode = "400", description = "A source, connection or token that is missing or malformed",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Only project admins import",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ImportJob> connect(@PathVariable String project, @RequestBody ConnectRequest request,
			@Authenticated CurrentUser user) {
		return accepted(this.imports.connect(project, user, required(request.source()),
				Boolean.TRUE.equals(request.dryRun()), request.mapping(), request.connection(), request.token()));
	}

	@GetMapping(ImportRoutes.API_IMPORT)
	@Operation(operationId = "getImport",
			summary = "An import's state (queued, running, done, failed, cancelled, undone), progress (total, "
					+ "processed, rows_per_second, eta_seconds), counts (created, updated, skipped, comments, links), "
					+ "the first 100 warnings "
					+ "and the report (per status, severity, priority, assignee; unknown people)")
	@ApiResponse(responseCode = "200", description = "The import")
	@ApiResponse(responseCode = "403", description = "Only project admins see imports",
			content = @Content(mediaType = "application/problem+json"))
	ImportJob get(@PathVariable UUID id, @Authenticated CurrentUser user) {
		return this.imports.find(id, user);
	}

	@PostMapping(ImportRoutes.API_IMPORT_CANCEL)
	@Operation(operationId = "cancelImport",
			summary = "Cancel an import: a queued one at once, a running one before its next batch (the batches "
					+ "before it stay imported; running the file again continues where it stopped)")
	@ApiResponse(responseCode = "200", description = "The import, cancelled or asked to stop")
	@ApiResponse(responseCode = "403", description = "Only project admins cancel imports",
			content = @Content(mediaType = "application/problem+json"))
	ImportJob cancel(@PathVariable UUID id, @Authenticated CurrentUser user) {
		return this.imports.cancel(id, user);
	}

	@PostMapping(ImportRoutes.API_IMPORT_UNDO)
	@Operation(operationId = "undoImport",
			summary = "Undo a finished import: delete the bugs it filed (with the comments and history it wrote) "
					+ "while none of them changed since; bugs it only updated keep their values. The import stays, "
					+ "state undone")
	@ApiResponse(responseCode = "200", description = "The import, undone")
	@ApiResponse(responseCode = "403", description = "Only project admins undo imports",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409",
			description = "Not a finished import, or one of its bugs changed since (edited, commented, linked)",
			content = @Content(mediaType = "application/problem+json"))
	ImportJob undo(@PathVariable UUID id, @Authenticated CurrentUser user) {
		return this.imports.undo(id, user);
	}

	@PostMapping("/api/imports/{id}/run")
	@Operation(operationId = "runImport",
			summary = "Run what a finished dry run showed: a new import with its file and mapping, no second upload")
	@ApiResponse(responseCode = "202", description = "Queued; Location names the new import",
			content = @Content(schema = @Schema(implementation = ImportJob.class)))
	@ApiResponse(responseCode = "403", description = "Only project admins import",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "Not a finished dry run, or its file was already imported",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<ImportJob> run(@PathVariable UUID id, @Authenticated CurrentUser user) {
		return accepted(this.imports.run(id, user));
	}

	@GetMapping(path = ImportRoutes.API_IMPORT_WARNINGS, produces = "text/csv")
	@Operation(operationId = "getImportWarnings",
			summary = "Every warning of an import as CSV: line, original key, warning")
	@ApiResponse(responseCode = "200", description = "The warnings", content = @Content(mediaType = "text/csv"))
	@ApiResponse(responseCode = "403", description = "Only project admins see imports",
			content = @Content(mediaType = "application/problem+json"))
	void warnings(@PathVariable UUID id, @Authenticated CurrentUser user, HttpServletResponse response)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-warnings.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.imports.writeWarnings(id, user, out);
		out.flush();
	}

	private static ResponseEntity<ImportJob> accepted(ImportJob job) {
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
	}

	private static String required(String source) {
		if (source == null || source.isBlank()) {
			throw InvalidInputException.of("source",
					"is required: jira_csv, linear_csv, csv or json (a file); jira_api, redmine_api, github_api or "
							+ "gitlab_api");
		}
		return source;
	}

	private ImportMapping mapping(String mapping) {
		if (mapping == null || mapping.isBlank()) {
			return ImportMapping.none();
		}
		try {
			return this.json.readerFor(ImportMapping.class)
				.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.readValue(mapping);
		}
		catch (JacksonException ex) {
			throw InvalidInputException.of("mapping", "is not a mapping: " + ex.getOriginalMessage());
		}
	}

}
