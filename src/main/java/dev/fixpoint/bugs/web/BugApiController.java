package dev.fixpoint.bugs.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.bugs.HistoryEntry;
import dev.fixpoint.bugs.NewBug;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Bugs")
class BugApiController {

	private final BugManagement management;

	private final BugQueries queries;

	BugApiController(BugManagement management, BugQueries queries) {
		this.management = management;
		this.queries = queries;
	}

	@PostMapping("/api/projects/{project}/bugs")
	@Operation(operationId = "reportBug", summary = "File a bug report")
	@ApiResponse(responseCode = "201", description = "Filed; Location names the bug, ETag is its version")
	@ApiResponse(responseCode = "403", description = "A viewer may not file bugs")
	@ApiResponse(responseCode = "422",
			description = "The report names a template and leaves fields empty that it requires (`missing_fields`)")
	ResponseEntity<Bug> report(@PathVariable String project, @RequestBody NewBug bug, @Authenticated CurrentUser user) {
		Bug created = this.management.report(project, bug, user);
		return ResponseEntity.created(URI.create("/api/bugs/" + created.key()))
			.eTag(Etags.of(created.version()))
			.body(created);
	}

	@GetMapping("/api/projects/{project}/bugs")
	@Operation(operationId = "listBugs", summary = "List bugs with filters, a sort and keyset pagination")
	Page<Bug> list(@PathVariable String project, @ParameterObject BugListRequest request,
			@Authenticated CurrentUser user) {
		return this.queries.list(project, request, user);
	}

	@GetMapping("/api/bugs/{bug}")
	@Operation(operationId = "getBug", summary = "A bug by id or key (WEB-42)")
	ResponseEntity<Bug> get(@PathVariable String bug, @Authenticated CurrentUser user) {
		Bug found = this.queries.find(bug, user);
		return ResponseEntity.ok().eTag(Etags.of(found.version())).body(found);
	}

	@PatchMapping("/api/bugs/{bug}")
	@Operation(operationId = "editBug",
			summary = "Edit fields and/or change status; If-Match or version for optimistic concurrency")
	@ApiResponse(responseCode = "200", description = "The bug as changed; ETag is its new version")
	@ApiResponse(responseCode = "403",
			description = "The caller's role may not change these fields or make this transition")
	@ApiResponse(responseCode = "409",
			description = "Version conflict: the bug changed since the version sent; `current` is the bug as it is now",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = VersionConflictProblem.class)))
	@ApiResponse(responseCode = "422",
			description = "The workflow does not allow this transition, or a field it requires is missing (`allowed_transitions`, `missing_fields`)")
	ResponseEntity<Bug> edit(@PathVariable String bug, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Authenticated CurrentUser user) {
		Bug updated = this.management.edit(bug, BugRules.parsePatch(body, Etags.parse(ifMatch)), user);
		return ResponseEntity.ok().eTag(Etags.of(updated.version())).body(updated);
	}

	@DeleteMapping("/api/bugs/{bug}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteBug", summary = "Delete a bug (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	void delete(@PathVariable String bug, @Authenticated CurrentUser user) {
		this.management.delete(bug, user);
	}

	@GetMapping("/api/bugs/{bug}/history")
	@Operation(operationId = "getBugHistory", summary = "Every recorded change of a bug, oldest first")
	List<HistoryEntry> history(@PathVariable String bug, @Authenticated CurrentUser user) {
		return this.queries.history(bug, user);
	}

	/** ETags are the bug's version: {@code "7"}. */
	static final class Etags {

		private Etags() {
		}

		static String of(int version) {
			return "\"" + version + "\"";
		}

		static Integer parse(String ifMatch) {
			if (ifMatch == null || ifMatch.isBlank()) {
				return null;
			}
			String v = ifMatch.trim();
			if (v.startsWith("W/")) {
				v = v.substring(2);
			}
			v = v.replace("\"", "");
			try {
				return Integer.valueOf(v);
			}
			catch (NumberFormatException ex) {
				throw InvalidInputException.of("If-Match", "must be the ETag of the bug, e.g. \"3\"");
			}
		}

	}

}
