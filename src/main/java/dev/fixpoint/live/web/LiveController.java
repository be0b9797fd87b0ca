package dev.fixpoint.live.web;

import java.util.regex.Pattern;

import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRef;
import dev.fixpoint.live.LiveStreams;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams of the pages: a bug's
 * ({@code /bugs/{KEY}/live?tab=&version=&history=}, for its viewers: changes and
 * presence; {@code version} and {@code history} are the page's, so a change or comment it
 * missed before the stream opened is told at once) and a project's
 * ({@code /p/{KEY}/live?<the list's or board's query string>}, for its list and board:
 * changes, and new bugs that pass its filters). Only for someone who may see the bug or
 * project (404 otherwise, as its page).
 */
@Controller
class LiveController {

	/**
	 * A tab names itself with a random id (live.js), so its beacon ends its own stream.
	 */
	private static final Pattern TAB = Pattern.compile("[A-Za-z0-9-]{1,40}");

	private final LiveStreams streams;

	private final BugQueries bugs;

	private final ProjectAccess access;

	LiveController(LiveStreams streams, BugQueries bugs, ProjectAccess access) {
		this.streams = streams;
		this.bugs = bugs;
		this.access = access;
	}

	@GetMapping(path = "/bugs/{bug}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter bug(@PathVariable String bug, @RequestParam(required = false) String tab,
			@RequestParam(required = false) Long version, @RequestParam(required = false) Integer history,
			@Authenticated CurrentUser user) {
		BugRef ref = this.bugs.locate(bug, user);
		return this.streams.followBug(ref, user, tab(tab),
				() -> (version != null || history != null) && this.bugs.changedSince(ref, version, history, user));
	}

	/** The page went away ({@code navigator.sendBeacon} on {@code pagehide}). */
	@PostMapping("/bugs/{bug}/live/leave")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void leave(@PathVariable String bug, @RequestParam String tab, @Authenticated CurrentUser user) {
		String valid = tab(tab);
		if (valid != null) {
			this.streams.leave(this.bugs.locate(bug, user).id(), user, valid);
		}
	}

	@GetMapping(path = "/p/{project}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter project(@PathVariable String project, BugListRequest filters, @Authenticated CurrentUser user) {
		return this.streams.followProject(this.access.membership(project, user), filters);
	}

	private static String tab(String tab) {
		return tab != null && TAB.matcher(tab).matches() ? tab : null;
	}

}
