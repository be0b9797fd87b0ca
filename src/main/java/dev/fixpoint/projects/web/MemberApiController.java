package dev.fixpoint.projects.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectMembers;
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
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Project members and components")
class MemberApiController {

	record NewMember(String email, String username, UUID userId, String role) {

		String reference() {
			return this.userId != null ? this.userId.toString() : this.email != null ? this.email : this.username;
		}

	}

	record RoleChange(String role) {
	}

	/**
	 * A component as a whole: a PATCH replaces both; a null owner (or none) means nobody.
	 */
	record ComponentBody(String name, @JsonSetter(nulls = Nulls.SET) UUID ownerId) {
	}

	private final ProjectMembers members;

	private final ProjectComponents components;

	private final ProjectAccess access;

	MemberApiController(ProjectMembers members, ProjectComponents components, ProjectAccess access) {
		this.members = members;
		this.components = components;
		this.access = access;
	}

	@GetMapping("/api/projects/{project}/members")
	@Operation(operationId = "listMembers", summary = "Members of a project with their roles")
	List<Member> list(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.members.list(project, user);
	}

	@PostMapping("/api/projects/{project}/members")
	@Operation(operationId = "addMember",
			summary = "Add an existing user by email, username or user_id with a role (project admins)")
	@ApiResponse(responseCode = "201", description = "Added")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	ResponseEntity<Member> add(@PathVariable String project, @RequestBody NewMember member,
			@Authenticated CurrentUser user) {
		Member added = this.members.add(project, user, member.reference(), member.role());
		return ResponseEntity.created(URI.create("/api/projects/" + project + "/members/" + added.user().id()))
			.body(added);
	}

	@PatchMapping("/api/projects/{project}/members/{userId}")
	@Operation(operationId = "changeMemberRole",
			summary = "Change a member's role (project admins); the last admin cannot be demoted")
	@ApiResponse(responseCode = "200", description = "The member with the new role")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409", description = "The member is the project's last admin")
	Member changeRole(@PathVariable String project, @PathVariable UUID userId, @RequestBody RoleChange change,
			@Authenticated CurrentUser user) {
		return this.members.changeRole(project, user, userId, change.role());
	}

	@DeleteMapping("/api/projects/{project}/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "removeMember",
			summary = "Remove a member (project admins); the last admin cannot be removed")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409", description = "The member is the project's last admin")
	void remove(@PathVariable String project, @PathVariable UUID userId, @Authenticated CurrentUser user) {
		this.members.remove(project, user, userId);
	}

	@GetMapping("/api/projects/{project}/components")
	@Operation(operationId = "listComponents", summary = "Components of a project")
	List<ProjectComponent> components(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.components.list(this.access.membership(project, user).projectId());
	}

	@PostMapping("/api/projects/{project}/components")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "addComponent",
			summary = "Add a component; a new bug in it without an assignee goes to its owner (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	ProjectComponent addComponent(@PathVariable String project, @RequestBody ComponentBody body,
			@Authenticated CurrentUser user) {
		return this.components.create(project, user, body.name(), body.ownerId());
	}

	@PatchMapping("/api/projects/{project}/components/{id}")
	@Operation(operationId = "updateComponent", summary = "Rename a component or change its owner (project admins)")
	@ApiResponse(responseCode = "200", description = "The component as changed")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	ProjectComponent updateComponent(@PathVariable String project, @PathVariable UUID id,
			@RequestBody ComponentBody body, @Authenticated CurrentUser user) {
		return this.components.update(project, user, id, body.name(), body.ownerId());
	}

	@DeleteMapping("/api/projects/{project}/components/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteComponent", summary = "Delete a component (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	void deleteComponent(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user) {
		this.components.delete(project, user, id);
	}

}
