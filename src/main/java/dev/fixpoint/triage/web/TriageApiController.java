package dev.fixpoint.triage.web;

import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.triage.DuplicateFinder;
import dev.fixpoint.triage.Feedback;
import dev.fixpoint.triage.SimilarBug;
import dev.fixpoint.triage.Suggestions;
import dev.fixpoint.triage.Triage;
import dev.fixpoint.triage.TriageAdmin;
import dev.fixpoint.triage.TriageAdmin.TriageStatus;
import dev.fixpoint.triage.TriageSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Triage's API: possible duplicates of a report being written, a bug's suggestions,
 * accepting or dismissing one, and the project's triage settings.
 */
@ApiController
@Tag(name = "Triage")
class TriageApiController {

	private final DuplicateFinder duplicates;

	private final Triage triage;

	private final TriageAdmin admin;

	TriageApiController(DuplicateFinder duplicates, Triage triage, TriageAdmin admin) {
		this.duplicates = duplicates;
		this.triage = triage;
		this.admin = admin;
	}

	@GetMapping("/api/projects/{project}/bugs/similar")
	@Operation(operationId = "findSimilarBugs",
			summary = "Up to 5 likely duplicates of a report being written, by meaning and words, open bugs first, "
					+ "each with its score (0..1)")
	List<SimilarBug> similar(@PathVariable String project, @RequestParam(required = false) String title,
			@Parameter(
					description = "The description so far: with it, duplicates are found by meaning too") @RequestParam(
							required = false) String description,
			@Authenticated CurrentUser user) {
		return this.duplicates.similar(project, title, description, user);
	}

	@GetMapping("/api/bugs/{bug}/suggestions")
	@Operation(operationId = "getBugSuggestions",
			summary = "Suggested severity, priority and assignee with their reasons, and possible duplicates; "
					+ "never applied by themselves")
	@ApiResponse(responseCode = "200", description = "The suggestions; a part switched off or without evidence is null")
	Suggestions suggestions(@PathVariable String bug, @Authenticated CurrentUser user) {
		return this.triage.suggestions(bug, user);
	}

	@PostMapping("/api/bugs/{bug}/suggestions/feedback")
	@Operation(operationId = "decideBugSuggestion",
			summary = "Accept a suggestion (applied as the caller's own edit of the bug) or dismiss it; recorded "
					+ "either way")
	@ApiResponse(responseCode = "200", description = "The bug as it is now")
	@ApiResponse(responseCode = "403", description = "The caller's role may not change what the suggestion is about")
	@ApiResponse(responseCode = "409", description = "The bug changed meanwhile")
	Bug decide(@PathVariable String bug, @RequestBody FeedbackRequest request, @Authenticated CurrentUser user) {
		return this.triage.decide(bug, Feedback.parse(request.kind(), request.value(), request.decision()), user);
	}

	@GetMapping("/api/projects/{project}/triage")
	@Operation(operationId = "getTriageStatus",
			summary = "The project's triage settings, the model, embedding progress and acceptance rates (admins)")
	@ApiResponse(responseCode = "200",
			description = "Which suggestions are on, the model and its version, how many bugs are embedded, skipped and "
					+ "queued, and per kind of suggestion how often it was accepted or dismissed")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	TriageStatus status(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.admin.status(project, user);
	}

	@PutMapping("/api/projects/{project}/triage")
	@Operation(operationId = "replaceTriageSettings", summary = "Turn each kind of suggestion on or off (admins)")
	@ApiResponse(responseCode = "200", description = "The project's triage status with the settings as saved")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	TriageStatus change(@PathVariable String project, @RequestBody TriageSettings settings,
			@Authenticated CurrentUser user) {
		return this.admin.change(project, settings, user);
	}

	/**
	 * A decision about a suggestion: {@code kind} severity, priority, assignee (value: a
	 * user id) or duplicate (value: the original's key); {@code decision} accepted or
	 * dismissed.
	 */
	record FeedbackRequest(String kind, String value, String decision) {
	}

}
