package dev.fixpoint.triage.web;

import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.triage.DuplicateFinder;
import dev.fixpoint.triage.Feedback;
import dev.fixpoint.triage.Triage;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Triage on the pages: the possible duplicates under the new-bug form (by title and
 * description, as typed), and the suggestions panel the bug page loads by URL, whose
 * Accept/Dismiss buttons post here and return to the bug (plain forms: the accepted
 * change shows in the whole page, sidebar and history included).
 */
@Controller
class TriagePages {

	private final DuplicateFinder duplicates;

	private final Triage triage;

	private final BugQueries bugs;

	private final ProjectAccess access;

	TriagePages(DuplicateFinder duplicates, Triage triage, BugQueries bugs, ProjectAccess access) {
		this.duplicates = duplicates;
		this.triage = triage;
		this.bugs = bugs;
		this.access = access;
	}

	/**
	 * Posted (the title and the description so far are the form's fields): a description
	 * as long as a bug's may be would not fit in a URL.
	 */
	@PostMapping("/p/{project}/bugs/similar-fragment")
	ModelAndView similar(@PathVariable String project, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @Authenticated CurrentUser user) {
		var workflow = this.access.membership(project, user).project().workflow();
		String t = title == null ? "" : title.strip();
		String d = description == null ? "" : description;
		var found = t.length() > 200 || d.length() > 65_536 ? java.util.List.<dev.fixpoint.triage.SimilarBug>of()
				: this.duplicates.similar(project, t, d, user);
		return new ModelAndView("triage/similar", "similar", new SimilarView(found, workflow));
	}

	@GetMapping("/bugs/{bug}/triage")
	ModelAndView panel(@PathVariable String bug, @Authenticated CurrentUser user) {
		Bug found = this.bugs.find(bug, user);
		return new ModelAndView("triage/panel", "panel",
				new PanelView(found, this.triage.suggestions(bug, user), this.triage.allowed(bug, user)));
	}

	/**
	 * One line of hints for a row of the triage queue (loaded when the row is revealed):
	 * the suggested assignee, severity and priority and the likely duplicates, each with
	 * one-click accept and dismiss.
	 */
	@GetMapping("/bugs/{bug}/triage/hints")
	ModelAndView hints(@PathVariable String bug, @Authenticated CurrentUser user) {
		return hintsOf(bug, user);
	}

	/**
	 * Accept or dismiss from the triage queue (htmx), recorded either way. Dismissed: the
	 * row's hints again, without it (a dismissed value is not suggested again for the
	 * bug). Accepted: the queue reloads ({@code HX-Refresh}), as the bug may have left it
	 * (assigned, resolved as a duplicate) and its row's controls carry its old version.
	 */
	@PostMapping("/bugs/{bug}/triage/hints")
	ModelAndView decideInQueue(@PathVariable String bug, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String value, @RequestParam(required = false) String decision,
			@Authenticated CurrentUser user, HttpServletResponse response) {
		Feedback feedback = Feedback.parse(kind, value, decision);
		Bug decided = this.triage.decide(bug, feedback, user);
		if (feedback.decision() == Feedback.Decision.ACCEPTED) {
			response.setHeader("HX-Refresh", "true");
		}
		return hintsOf(decided.key(), user).addObject("done",
				feedback.decision() == Feedback.Decision.ACCEPTED ? "Done." : "Dismissed.");
	}

	private ModelAndView hintsOf(String bug, CurrentUser user) {
		Bug found = this.bugs.find(bug, user);
		return new ModelAndView("triage/hints", "panel",
				new PanelView(found, this.triage.suggestions(bug, user), this.triage.allowed(bug, user)));
	}

	/**
	 * Accept or dismiss; back to the bug, or to the triage queue when the decision was
	 * made there ({@code from=triage}).
	 */
	@PostMapping("/bugs/{bug}/triage")
	String decide(@PathVariable String bug, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String value, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String from, @Authenticated CurrentUser user) {
		Bug decided = this.triage.decide(bug, Feedback.parse(kind, value, decision), user);
		String project = decided.key().substring(0, decided.key().lastIndexOf('-'));
		return "triage".equals(from) ? "redirect:/p/" + project + "/triage" : "redirect:/bugs/" + decided.key();
	}

}
