package dev.fixpoint.accounts.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.accounts.OrganizationOverview;
import dev.fixpoint.accounts.Profile;
import dev.fixpoint.accounts.SiteAdmin;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Site administration over the API (site admins only; everyone else 403). */
@ApiController
@Tag(name = "Administration")
class AdminApiController {

	record UserList(List<Profile> items) {
	}

	record OrganizationList(List<OrganizationOverview> items) {
	}

	record PlanChange(String plan) {
	}

	record DeletedUser(String name) {
	}

	private final SiteAdmin admin;

	AdminApiController(SiteAdmin admin) {
		this.admin = admin;
	}

	@GetMapping("/api/admin/users")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "adminListUsers", summary = "People whose name, username or email contains q")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	UserList users(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
			@Authenticated CurrentUser user) {
		return new UserList(this.admin.users(user, q, Page.limit(limit)));
	}

	@PostMapping("/api/admin/users/{id}/deactivate")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "adminDeactivateUser",
			summary = "Deactivate a person: no sign-in, sessions ended, tokens refused; their bugs keep their name")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	@ApiResponse(responseCode = "409", description = "A site admin cannot deactivate themselves")
	Profile deactivate(@PathVariable UUID id, @Authenticated CurrentUser user) {
		return this.admin.deactivate(user, id);
	}

	@PostMapping("/api/admin/users/{id}/reactivate")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "adminReactivateUser", summary = "Let a deactivated person sign in again")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	Profile reactivate(@PathVariable UUID id, @Authenticated CurrentUser user) {
		return this.admin.reactivate(user, id);
	}

	@DeleteMapping("/api/admin/users/{id}")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "adminDeleteUser",
			summary = "Delete a person's account on their request (GDPR): anonymised as \"Deleted user N\"")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	@ApiResponse(responseCode = "409",
			description = "The person is the last admin of an organization or project, or the caller themselves")
	DeletedUser delete(@PathVariable UUID id, @Authenticated CurrentUser user) {
		return new DeletedUser(this.admin.deleteUser(user, id));
	}

	@GetMapping("/api/admin/organizations")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "adminListOrganizations", summary = "Every organization with its plan and member count")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	OrganizationList organizations(@Authenticated CurrentUser user) {
		return new OrganizationList(this.admin.organizations(user));
	}

	@PutMapping("/api/admin/organizations/{id}/plan")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "adminSetPlan", summary = "Move an organization to the free, team or enterprise plan")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	OrganizationOverview setPlan(@PathVariable UUID id, @RequestBody PlanChange change,
			@Authenticated CurrentUser user) {
		return this.admin.setPlan(user, id, change.plan());
	}

}
