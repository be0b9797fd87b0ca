package dev.fixpoint.accounts.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fixpoint.accounts.OrganizationMember;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;

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
	@Operation(operationId = "listOrgMembers", summary = "Members of an organization and their roles, by name",
			description = "Without `limit` or `cursor`: every member (the array this operation has always "
					+ "answered). With either: one page of at most `limit` members (default 25, max 100); when "
					+ "there are more, the `Link` header names the next page (`<...&cursor=...>; rel=\"next\"`).")
	ResponseEntity<List<OrganizationMember>> members(@PathVariable String org,
			@Parameter(description = "only members whose name, username or email contains this") @RequestParam(
					required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@Authenticated CurrentUser user) {
		if (limit == null && cursor == null) {
			return ResponseEntity.ok(this.organizations.members(org, user, q, null, null).items());
		}
		int size = Page.limit(limit);
		Page<OrganizationMember> page = this.organizations.members(org, user, q, cursor, size);
		if (page.nextCursor() == null) {
			return ResponseEntity.ok(page.items());
		}
		// the values as variables: strictly encoded, so a "+" in the filter stays one
		String next = UriComponentsBuilder.fromPath("/api/orgs/{org}/members")
			.queryParamIfPresent("q", Optional.ofNullable(q).map(text -> "{q}"))
			.queryParam("limit", size)
			.queryParam("cursor", page.nextCursor())
			.encode()
			.buildAndExpand(Map.of("org", org, "q", q == null ? "" : q))
			.toUriString();
		return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(page.items());
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

	@org.springframework.web.bind.annotation.DeleteMapping("/api/orgs/{org}/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "removeOrgMember",
			summary = "Remove someone from the organization and its projects (organization admins); their account, "
					+ "sessions and tokens stay, bugs assigned to them stay assigned")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	@ApiResponse(responseCode = "404", description = "No such organization or member")
	@ApiResponse(responseCode = "409",
			description = "The last admin of the organization, or the last admin of one of its projects")
	void remove(@PathVariable String org, @PathVariable java.util.UUID userId, @Authenticated CurrentUser user) {
		this.organizations.removeMember(org, user, userId);
	}

}
