package dev.fixpoint.comments.web;

import java.net.URI;
import java.util.UUID;

import dev.fixpoint.comments.Comment;
import dev.fixpoint.comments.Comments;
import dev.fixpoint.comments.NewComment;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Comments")
class CommentApiController {

	/**
	 * A PATCH: a field left out stays; null is refused (a comment always has content).
	 */
	record CommentChanges(String content, Boolean isInternal, Boolean visibleToReporter) {
	}

	private final Comments comments;

	CommentApiController(Comments comments) {
		this.comments = comments;
	}

	@GetMapping("/api/bugs/{bug}/comments")
	@Operation(operationId = "listComments",
			summary = "Comments of a bug, oldest first (internal notes only for admins, developers and QA)")
	Page<Comment> list(@PathVariable String bug, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit, @Authenticated CurrentUser user) {
		return this.comments.list(bug, cursor, limit, user);
	}

	@PostMapping("/api/bugs/{bug}/comments")
	@Operation(operationId = "addComment",
			summary = "Comment in markdown; @username of a member notifies them; parent_id replies (one level)")
	@ApiResponse(responseCode = "201", description = "Added; Location names the comment")
	@ApiResponse(responseCode = "403", description = "A viewer may not comment")
	ResponseEntity<Comment> add(@PathVariable String bug, @RequestBody NewComment comment,
			@Authenticated CurrentUser user) {
		Comment created = this.comments.add(bug, comment, user);
		return ResponseEntity.created(URI.create("/api/comments/" + created.id())).body(created);
	}

	@PatchMapping("/api/comments/{id}")
	@Operation(operationId = "editComment",
			summary = "Edit a comment (its author or a project admin); fields left out stay")
	@ApiResponse(responseCode = "200", description = "The comment as changed")
	@ApiResponse(responseCode = "403", description = "Not the comment's author or a project admin")
	Comment edit(@PathVariable UUID id, @RequestBody CommentChanges changes, @Authenticated CurrentUser user) {
		return this.comments.edit(id, changes.content(), changes.isInternal(), changes.visibleToReporter(), user);
	}

	@DeleteMapping("/api/comments/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteComment", summary = "Delete a comment (its author or a project admin)")
	@ApiResponse(responseCode = "403", description = "Not the comment's author or a project admin")
	void delete(@PathVariable UUID id, @Authenticated CurrentUser user) {
		this.comments.delete(id, user);
	}

}
