package dev.fixpoint.accounts.web;

import java.util.List;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.Invitation;
import dev.fixpoint.accounts.Invitations;
import dev.fixpoint.accounts.OrganizationMember;
import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.accounts.Plans;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization's members and, for its admins, invitations by email. */
@Controller
class OrgMembersController {

	private final Organizations organizations;

	private final Invitations invitations;

	private final Plans plans;

	OrgMembersController(Organizations organizations, Invitations invitations, Plans plans) {
		this.organizations = organizations;
		this.invitations = invitations;
		this.plans = plans;
	}

	@GetMapping("/orgs/{org}/members")
	String page(@PathVariable String org, @RequestParam(required = false) String q,
			@RequestParam(required = false) String cursor, @Authenticated CurrentUser user, Model model) {
		return render(org, user, model, new Shown(q, cursor), null, "member", FormErrors.none(),
				(String) model.getAttribute("notice"), null);
	}

	@PostMapping("/orgs/{org}/invitations")
	String invite(@PathVariable String org, @RequestParam(required = false) String email,
			@RequestParam(required = false) String role, @Authenticated CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return switch (Forms.apiStatuses().submit(() -> this.invitations.invite(org, user, email, role))) {
			case Accepted<Invitation>(Invitation sent) -> {
				redirect.addFlashAttribute("notice", "Invitation sent to " + sent.email() + ".");
				yield "redirect:/orgs/" + org + "/members#invitations";
			}
			case Rejected<Invitation> rejected -> {
				response.setStatus(rejected.status().value());
				yield render(org, user, model, Shown.FIRST, email, role, rejected.errors(), null, null);
			}
		};
	}

	@PostMapping("/orgs/{org}/invitations/{id}/revoke")
	String revoke(@PathVariable String org, @PathVariable UUID id, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		this.invitations.revoke(org, user, id);
		redirect.addFlashAttribute("notice", "Invitation revoked: its link no longer works.");
		return "redirect:/orgs/" + org + "/members#invitations";
	}

	@PostMapping("/orgs/{org}/members/{userId}/remove")
	String remove(@PathVariable String org, @PathVariable UUID userId, @Authenticated CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return switch (Forms.apiStatuses().submit(() -> {
			this.organizations.removeMember(org, user, userId);
			return userId;
		})) {
			case Accepted<UUID> removed -> {
				redirect.addFlashAttribute("notice",
						"Removed from the organization and its projects. Bugs assigned to them stay assigned.");
				yield "redirect:/orgs/" + org + "/members#members";
			}
			case Rejected<UUID> rejected -> {
				response.setStatus(rejected.status().value());
				yield render(org, user, model, Shown.FIRST, null, "member", FormErrors.none(), null,
						rejected.errors().summary() != null ? rejected.errors().summary()
								: "This member cannot be removed.");
			}
		};
	}

	/** Which members the page shows: those matching {@code q}, from {@code cursor} on. */
	private record Shown(String q, String cursor) {

		static final Shown FIRST = new Shown(null, null);

	}

	private String render(String org, CurrentUser user, Model model, Shown shown, String email, String role,
			FormErrors errors, String notice, String removalError) {
		OrganizationMembership membership = this.organizations.membership(org, user);
		List<Invitation> pending = membership.isAdmin() ? this.invitations.pending(org, user) : List.of();
		String seats = membership.isAdmin() ? this.plans.seats(membership.id()).map(Plans.Seats::text).orElse(null)
				: null;
		Page<OrganizationMember> members = this.organizations.members(org, user, shown.q(), shown.cursor(),
				OrgMembersPage.PAGE_SIZE);
		model.addAttribute("page",
				new OrgMembersPage(membership, members, shown.q() == null ? "" : shown.q().strip(),
						shown.cursor() != null && !shown.cursor().isBlank(), pending, email,
						role == null ? "member" : role, errors, notice, seats, removalError, user.id()));
		return "accounts/org-members";
	}

}
