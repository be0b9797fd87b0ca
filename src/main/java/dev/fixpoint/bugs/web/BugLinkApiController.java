package dev.fixpoint.bugs.web;

import java.net.URI;
import java.util.List;

import dev.fixpoint.bugs.BugLink;
import dev.fixpoint.bugs.BugLinks;
import dev.fixpoint.bugs.NewLink;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Bug relations")
class BugLinkApiController {

	private final BugLinks links;

	BugLinkApiController(BugLinks links) {
		this.links = links;
	}

	@GetMapping("/api/bugs/{bug}/links")
	@Operation(operationId = "listBugLinks",
			summary = "A bug's links, each named from this bug's side (blocked_by on the bug another blocks), "
					+ "with its duplicates; links to bugs the caller cannot see are left out")
	List<BugLink> list(@PathVariable String bug, @Authenticated CurrentUser user) {
		return this.links.list(bug, user);
	}

	@PostMapping("/api/bugs/{bug}/links")
	@Operation(operationId = "linkBugs",
			summary = "Link this bug to another (id or key): blocks, blocked_by, relates_to, parent (this bug is the "
					+ "target's parent) or child (this bug is a sub-bug of the target)")
	@ApiResponse(responseCode = "201", description = "Linked; written to both bugs' history")
	@ApiResponse(responseCode = "403", description = "Only project admins and developers link bugs")
	@ApiResponse(responseCode = "404", description = "No such bug, or one the caller cannot see (either side)")
	@ApiResponse(responseCode = "409",
			description = "Already linked, the sub-bug already has a parent, or the link would close a cycle of "
					+ "blocks or parents (`path`: the keys around the loop)")
	ResponseEntity<BugLink> link(@PathVariable String bug, @RequestBody NewLink link, @Authenticated CurrentUser user) {
		BugLink created = this.links.link(bug, link, user);
		return ResponseEntity.created(URI.create("/api/links/" + created.id())).body(created);
	}

	@DeleteMapping("/api/links/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "unlinkBugs", summary = "Remove a link; written to both bugs' history")
	@ApiResponse(responseCode = "403", description = "Only project admins and developers remove links")
	void unlink(@PathVariable String id, @Authenticated CurrentUser user) {
		this.links.unlink(id, user);
	}

}
