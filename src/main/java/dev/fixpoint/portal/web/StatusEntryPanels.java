package dev.fixpoint.portal.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.portal.BugStatusEntry;
import dev.fixpoint.portal.PortalAdmin;
import dev.fixpoint.portal.StatusEntry;
import dev.fixpoint.portal.StatusPublishing;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Publishing a bug on the status page from the bug page: the panel the bug page loads by
 * URL for project admins ({@code hx-get="/bugs/{KEY}/status-entry"}), its publish (or
 * change) and take-down forms. Others get 403 here, and the bug page does not load the
 * panel for them (the same rule: {@code MANAGE_PROJECT}). htmx gets the panel back;
 * without JavaScript the bug page again (POST-redirect-GET), or the panel's own page with
 * the form's errors.
 */
@Controller
class StatusEntryPanels {

	private final StatusPublishing publishing;

	private final PortalAdmin admin;

	StatusEntryPanels(StatusPublishing publishing, PortalAdmin admin) {
		this.publishing = publishing;
		this.admin = admin;
	}

	@GetMapping("/bugs/{bug}/status-entry")
	ModelAndView panel(@PathVariable String bug, HtmxRequest htmx, @Authenticated CurrentUser user) {
		BugStatusEntry entry = this.publishing.ofBug(bug, user);
		return render(panel(entry, StatusEntryPanel.formFor(entry), FormErrors.none(), null), htmx, HttpStatus.OK);
	}

	@PostMapping("/bugs/{bug}/status-entry")
	ModelAndView publish(@PathVariable String bug, PublishForm form, HtmxRequest htmx,
			@Authenticated CurrentUser user) {
		BugStatusEntry before = this.publishing.ofBug(bug, user);
		return switch (Forms.submit(() -> this.publishing.publish(bug, form.toInput(), user))) {
			case Accepted<StatusEntry> published ->
				done(bug, htmx, user, before.entry() == null ? "published" : "saved");
			case Rejected<StatusEntry> rejected ->
				render(panel(before, form, rejected.errors(), null), htmx, rejected.status(htmx));
		};
	}

	@PostMapping("/bugs/{bug}/status-entry/delete")
	ModelAndView takeDown(@PathVariable String bug, HtmxRequest htmx, @Authenticated CurrentUser user) {
		this.publishing.unpublish(bug, user);
		return done(bug, htmx, user, "taken-down");
	}

	private ModelAndView done(String bug, HtmxRequest htmx, CurrentUser user, String notice) {
		BugStatusEntry entry = this.publishing.ofBug(bug, user);
		if (htmx.request()) {
			return render(panel(entry, StatusEntryPanel.formFor(entry), FormErrors.none(), notice), htmx,
					HttpStatus.OK);
		}
		return new ModelAndView("redirect:/bugs/" + entry.bugKey() + "#" + StatusEntryPanel.ID);
	}

	private StatusEntryPanel panel(BugStatusEntry entry, PublishForm form, FormErrors errors, String notice) {
		return new StatusEntryPanel(entry, this.admin.statusPagePath(entry.orgId()), form, errors, notice);
	}

	private static ModelAndView render(StatusEntryPanel panel, HtmxRequest htmx, HttpStatus status) {
		ModelAndView mav = new ModelAndView(htmx.fragment() ? "portal/status-entry-panel" : "portal/status-entry-page",
				"panel", panel);
		mav.setStatus(status);
		return mav;
	}

}
