package dev.fixpoint.bugs.releases;

import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.Release;
import dev.fixpoint.bugs.ReleaseChanges;
import dev.fixpoint.bugs.Releases;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** A project's releases and one release's page; admins add, ship and archive them. */
@Controller
class ReleasesController {

	/** How many of a release's bugs its page lists. */
	static final int SHOWN = 100;

	private final Releases releases;

	private final BugQueries bugs;

	private final ProjectAccess access;

	private final java.time.Clock clock;

	ReleasesController(Releases releases, BugQueries bugs, ProjectAccess access, java.time.Clock clock) {
		this.releases = releases;
		this.bugs = bugs;
		this.access = access;
		this.clock = clock;
	}

	static String url(String projectKey) {
		return "/p/" + projectKey + "/releases";
	}

	static String url(String projectKey, Release release) {
		return url(projectKey) + "/" + release.id();
	}

	@GetMapping("/p/{project}/releases")
	ModelAndView list(@PathVariable String project, @RequestParam(defaultValue = "false") boolean archived,
			@Authenticated CurrentUser user) {
		Membership member = this.access.membership(project, user);
		return listPage(member, archived, ReleaseForm.blank(), FormErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/p/{project}/releases")
	ModelAndView create(@PathVariable String project, ReleaseForm form, @Authenticated CurrentUser user) {
		Membership member = this.access.membership(project, user);
		return switch (Forms.submit(() -> this.releases.create(project, form.toNewRelease(), user))) {
			case Accepted<Release>(Release created) ->
				new ModelAndView("redirect:" + url(member.project().key(), created));
			case Rejected<Release> rejected -> listPage(member, false, form, rejected.errors(), rejected.status());
		};
	}

	@GetMapping("/p/{project}/releases/{release}")
	ModelAndView show(@PathVariable String project, @PathVariable String release, @Authenticated CurrentUser user) {
		Membership member = this.access.membership(project, user);
		Release found = this.releases.find(release, user);
		if (!found.projectId().equals(member.projectId())) {
			throw NotFoundException.of("Release");
		}
		Page<Bug> page = this.bugs.list(project,
				BugListRequest.builder().fixedIn(found.name()).sort("-priority").limit(SHOWN).build(), user);
		List<Bug> shown = page.items();
		return new ModelAndView("bugs/releases/release", "view", new ReleasePageView(member.capabilities(),
				member.project().workflow(), found, shown, page.nextCursor() != null, Times.now(this.clock)));
	}

	/**
	 * @param action {@code released} (shipped today), {@code archive} or
	 * {@code unarchive}
	 */
	@PostMapping("/p/{project}/releases/{release}")
	ModelAndView change(@PathVariable String project, @PathVariable String release, @RequestParam String action,
			@Authenticated CurrentUser user) {
		Membership member = this.access.membership(project, user);
		ReleaseChanges changes = switch (action) {
			case "released" -> new ReleaseChanges(null, null, null, java.time.LocalDate.now(this.clock), null);
			case "archive" -> new ReleaseChanges(null, null, null, null, true);
			case "unarchive" -> new ReleaseChanges(null, null, null, null, false);
			default -> throw NotFoundException.of("Action");
		};
		Release changed = this.releases.edit(release, changes, user);
		return new ModelAndView("redirect:" + url(member.project().key(), changed));
	}

	private ModelAndView listPage(Membership member, boolean archived, ReleaseForm form, FormErrors errors,
			HttpStatus status) {
		ModelAndView mav = new ModelAndView("bugs/releases/list", "view", new ReleaseListView(member.capabilities(),
				this.releases.list(member, archived), archived, form, errors));
		mav.setStatus(status);
		return mav;
	}

}
