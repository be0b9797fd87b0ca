package dev.fixpoint.bugs.board;

import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.bugs.TransitionNotAllowedException;
import dev.fixpoint.bugs.VersionConflictException;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.Flash;
import dev.fixpoint.bugs.web.MoveFields;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The board: columns per status, and moving a card. A move is a plain form post (the
 * card's "Move to…" select, or board.js after a drop) answered with a redirect, or for
 * scripts with the columns fragment. A refused move shows the workflow's reason; one that
 * lacks fields asks for them.
 */
@Controller
class BoardController {

	private final BoardPages pages;

	private final BugManagement management;

	private final BugQueries queries;

	BoardController(BoardPages pages, BugManagement management, BugQueries queries) {
		this.pages = pages;
		this.management = management;
		this.queries = queries;
	}

	@GetMapping("/p/{project}/board")
	ModelAndView board(@PathVariable String project, BoardFilters filters, HtmxRequest htmx,
			@Authenticated CurrentUser user, HttpServletResponse response) {
		BoardView view = this.pages.view(project, filters, user, null, null);
		if (htmx.fragment()) {
			response.setHeader("HX-Push-Url", view.url() + filters.query());
		}
		return render(view, htmx);
	}

	@PostMapping("/p/{project}/board/move")
	ModelAndView move(@PathVariable String project, @RequestParam String bug, @RequestParam String status,
			@RequestParam(required = false) Integer version, @RequestParam MultiValueMap<String, String> form,
			BoardFilters filters, HtmxRequest htmx, @Authenticated CurrentUser user, HttpServletResponse response) {
		Map<String, String> typed = MoveFields.typed(form);
		Map<String, Object> body = MoveFields.patch(typed);
		body.put("status", status);
		body.put("version", version);
		return switch (Forms.alsoInForm(ForbiddenException.class)
			.submit(() -> this.management.edit(bug, BugRules.parsePatch(body, null), user))) {
			case Accepted<Bug> moved when !htmx.request() ->
				new ModelAndView("redirect:" + BugRoutes.board(project) + filters.query());
			case Accepted<Bug>(Bug moved) -> moved(project, filters, moved, htmx, user, response);
			case Rejected<Bug> rejected -> answer(project, filters, notice(rejected),
					pending(rejected, bug, status, typed, user), rejected.status(), htmx, user, response);
		};
	}

	/** The board after a move, and a toast naming where the bug went. */
	private ModelAndView moved(String project, BoardFilters filters, Bug moved, HtmxRequest htmx, CurrentUser user,
			HttpServletResponse response) {
		BoardView view = this.pages.view(project, filters, user, null, null);
		BoardView.Notice notice = new BoardView.Notice(moved.key() + " moved to " + view.statusName(moved.status()),
				false);
		Flash.send(response, notice.message());
		return render(view.with(notice), htmx);
	}

	/**
	 * The board with the notice; board.js reads the answer whatever its status, so a
	 * refusal keeps its own.
	 */
	private ModelAndView answer(String project, BoardFilters filters, BoardView.Notice notice,
			BoardView.PendingMove pending, HttpStatus status, HtmxRequest htmx, CurrentUser user,
			HttpServletResponse response) {
		if (notice.error() || htmx.request()) {
			Flash.send(response, notice.message());
		}
		ModelAndView mav = render(this.pages.view(project, filters, user, notice, pending), htmx);
		mav.setStatus(status);
		return mav;
	}

	private static BoardView.Notice notice(Rejected<Bug> rejected) {
		if (rejected.refusal() instanceof VersionConflictException stale) {
			return new BoardView.Notice("Someone else changed " + stale.current().key()
					+ " in the meantime; the board now shows its current state.", true);
		}
		return new BoardView.Notice(rejected.errors().text(), true);
	}

	/** A move the workflow refused for want of fields: the page asks for them. */
	private BoardView.PendingMove pending(Rejected<Bug> rejected, String bug, String status, Map<String, String> typed,
			CurrentUser user) {
		if (rejected.refusal() instanceof TransitionNotAllowedException ex && !missing(ex).isEmpty()) {
			return new BoardView.PendingMove(this.queries.find(bug, user), status, missing(ex), typed);
		}
		return null;
	}

	private static ModelAndView render(BoardView view, HtmxRequest htmx) {
		return new ModelAndView(htmx.fragment() ? "bugs/board/board-columns" : "bugs/board/board", "view", view);
	}

	@SuppressWarnings("unchecked")
	private static List<String> missing(DomainException ex) {
		Object missing = ex.properties().get("missing_fields");
		return missing instanceof List<?> list ? (List<String>) list : List.of();
	}

}
