package dev.fixpoint.accounts.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.accounts.Invitation;
import dev.fixpoint.accounts.Invitations;
import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Invitations to an organization by email (its admins), and accepting one. */
@ApiController
@Tag(name = "Organizations")
class InvitationApiController {

	record NewInvitation(String email, String role) {
	}

	record InvitationList(List<Invitation> items) {
	}

	record InvitationAcceptance(String token) {
	}

	private final Invitations invitations;

	InvitationApiController(Invitations invitations) {
		this.invitations = invitations;
	}

	@PostMapping("/api/orgs/{org}/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "inviteToOrg",
			summary = "Email an invitation to join the organization with a role (7 days, single use)")
	@ApiResponse(responseCode = "403",
			description = "The caller is not an admin of the organization, or the plan's member limit is reached")
	@ApiResponse(responseCode = "409", description = "The address belongs to a member already")
	Invitation invite(@PathVariable String org, @RequestBody NewInvitation invitation,
			@Authenticated CurrentUser user) {
		return this.invitations.invite(org, user, invitation.email(), invitation.role());
	}

	@GetMapping("/api/orgs/{org}/invitations")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "listOrgInvitations", summary = "The organization's pending invitations")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	InvitationList list(@PathVariable String org, @Authenticated CurrentUser user) {
		return new InvitationList(this.invitations.pending(org, user));
	}

	@DeleteMapping("/api/orgs/{org}/invitations/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "revokeOrgInvitation", summary = "Revoke a pending invitation: its link stops working")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	void revoke(@PathVariable String org, @PathVariable UUID id, @Authenticated CurrentUser user) {
		this.invitations.revoke(org, user, id);
	}

	@PostMapping("/api/invitations/accept")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "acceptInvitation",
			summary = "Join the organization of an invitation sent to the caller's address")
	@ApiResponse(responseCode = "403",
			description = "The invitation was sent to another address, or the plan's member limit is reached")
	OrganizationMembership accept(@RequestBody InvitationAcceptance acceptance, @Authenticated CurrentUser user) {
		return this.invitations.accept(acceptance.token(), user);
	}

}
