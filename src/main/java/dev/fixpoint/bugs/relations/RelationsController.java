package dev.fixpoint.bugs.relations;

import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugCriteria;
import dev.fixpoint.bugs.BugLink;
import dev.fixpoint.bugs.BugLinks;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.EditRules;
import dev.fixpoint.bugs.NewLink;
import dev.fixpoint.bugs.SearchHit;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Relations section: the fragment for htmx (the bug page loads it), else a page of
 * its own; adding and removing links answer with the section again (htmx) or go back to
 * the bug page.
 */
@Controller
class RelationsController {

	private final BugLinks links;

	private final BugQueries queries;

	private final ProjectAccess access;

	RelationsController(BugLinks links, BugQueries queries, ProjectAccess access) {
		this.links = links;
		this.queries = queries;
		this.access = access;
	}

	static String url(String bugKey) {
		return "/bugs/" + bugKey + "/relations";
	}

	@GetMapping("/bugs/{bug}/relations")
	ModelAndView show(@PathVariable String bug, HtmxRequest htmx, @Authenticated CurrentUser user) {
		return render(view(bug, user, FormErrors.none(), null, null), htmx, HttpStatus.OK);
	}

	@PostMapping("/bugs/{bug}/relations")
	ModelAndView add(@PathVariable String bug, @RequestParam(required = false) String type,
			@RequestParam(required = false) String target, HtmxRequest htmx, @Authenticated CurrentUser user) {
		String typed = target == null ? "" : target.strip();
		// a bug the caller cannot see is one the picker never offered: said in the form,
		// not as an error page
		boolean known = typed.isEmpty() || this.queries.findByKey(typed, user).isPresent()
				|| dev.fixpoint.platform.Ids.parse(typed).isPresent();
		FormErrors unknown = known ? FormErrors.none() : FormErrors
			.of(dev.fixpoint.platform.InvalidInputException.of("target", "no bug " + typed + " in your projects"));
		return switch (Forms.submit(unknown, () -> this.links.link(bug, new NewLink(type, typed), user))) {
			case Accepted<BugLink> linked -> done(bug, htmx, user);
			case Rejected<BugLink> rejected ->
				render(view(bug, user, rejected.errors(), type, typed), htmx, rejected.status(htmx));
		};
	}

	@PostMapping("/bugs/{bug}/relations/{link}/delete")
	ModelAndView remove(@PathVariable String bug, @PathVariable String link, HtmxRequest htmx,
			@Authenticated CurrentUser user) {
		return switch (Forms.submit(() -> {
			this.links.unlink(link, user);
			return link;
		})) {
			case Accepted<String> removed -> done(bug, htmx, user);
			case Rejected<String> rejected ->
				render(view(bug, user, rejected.errors(), null, null), htmx, rejected.status(htmx));
		};
	}

	/**
	 * Bugs the picker offers for what was typed: the bug with that key, or those whose
	 * words match, in any of the caller's projects.
	 */
	@GetMapping("/bugs/{bug}/relations/candidates")
	ModelAndView candidates(@PathVariable String bug, @RequestParam(required = false) String target,
			@Authenticated CurrentUser user) {
		String typed = target == null ? "" : target.strip();
		List<Bug> found = List.of();
		if (this.queries.findByKey(typed, user).isPresent()) {
			found = List.of(this.queries.find(typed, user));
		}
		else if (typed.length() >= 2) {
			found = this.queries
				.search(null, BugCriteria.builder().text(typed).errorsOn("target").build(), null, null, 8, user)
				.items()
				.stream()
				.map(SearchHit::bug)
				.filter(b -> !b.key().equalsIgnoreCase(bug))
				.toList();
		}
		return new ModelAndView("bugs/relations/candidates", "bugs", found);
	}

	private ModelAndView done(String bug, HtmxRequest htmx, CurrentUser user) {
		if (htmx.request()) {
			return render(view(bug, user, FormErrors.none(), null, null), htmx, HttpStatus.OK);
		}
		return new ModelAndView("redirect:/bugs/" + this.queries.locate(bug, user).key() + "#" + RelationsView.ID);
	}

	private RelationsView view(String bugRef, CurrentUser user, FormErrors errors, String type, String target) {
		Bug bug = this.queries.find(bugRef, user);
		Membership member = this.access.membership(bug.projectId(), user);
		return new RelationsView(member.capabilities(), bug.key(), bug.title(), this.links.list(bug.key(), user),
				this.links.progress(bug.id()), EditRules.mayLink(member), errors, type, target);
	}

	private static ModelAndView render(RelationsView view, HtmxRequest htmx, HttpStatus status) {
		ModelAndView mav = new ModelAndView(htmx.fragment() ? "bugs/relations/panel" : "bugs/relations/page", "view",
				view);
		mav.setStatus(status);
		return mav;
	}

}
