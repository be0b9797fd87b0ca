package dev.fixpoint.accounts.web;

import java.util.List;

import dev.fixpoint.accounts.OrganizationMember;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Organizations")
class OrgApiController {

	record NewMember(String email, String username, String role) {
	}

	private final Organizations organizations;

	OrgApiController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping("/api/orgs/{org}/members")
	@Operation(operationId = "listOrgMembers", summary = "Members of an organization and their roles")
	List<OrganizationMember> members(@PathVariable String org, @Authenticated CurrentUser user) {
		return this.organizations.members(org, user);
	}

	@PostMapping("/api/orgs/{org}/members")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "addOrgMember",
			summary = "Add an existing user by email or username (organization admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	OrganizationMember add(@PathVariable String org, @RequestBody NewMember member, @Authenticated CurrentUser user) {
		return this.organizations.addMember(org, user, member.email(), member.username(),
				member.role() == null ? "member" : member.role());
	}

}
