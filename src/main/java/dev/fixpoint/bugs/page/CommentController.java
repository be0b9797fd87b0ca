package dev.fixpoint.bugs.page;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.Notice;
import dev.fixpoint.comments.Comment;
import dev.fixpoint.comments.Comments;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.SafeHtml;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Comments on a bug page. htmx gets fragments (the activity after a new comment or a
 * delete, one comment after an edit); plain forms are redirected to the comment (PRG). A
 * comment that fails validation comes back in its form with the message and the text;
 * rules (who may edit, internal notes) are {@link Comments}' alone.
 */
@Controller
class CommentController {

	private final Comments comments;

	private final BugPages pages;

	CommentController(Comments comments, BugPages pages) {
		this.comments = comments;
		this.pages = pages;
	}

	@GetMapping("/bugs/{bug}/activity")
	ModelAndView activity(@PathVariable String bug, HtmxRequest htmx, @Authenticated CurrentUser user) {
		if (!htmx.fragment()) {
			return new ModelAndView("redirect:" + BugRoutes.bug(bug));
		}
		return activityFragment(this.pages.activity(bug, user, null));
	}

	@PostMapping("/bugs/{bug}/comments")
	ModelAndView add(@PathVariable String bug, CommentForm form, HtmxRequest htmx, @Authenticated CurrentUser user,
			jakarta.servlet.http.HttpServletResponse response) {
		return switch (Forms.submit(() -> this.comments.add(bug, form.toNewComment(), user))) {
			case Accepted<Comment>(Comment added) when !htmx.request() ->
				redirectTo(bug, BugRoutes.commentAnchor(added.id()));
			case Accepted<Comment>(Comment added) -> {
				// tells the page which comment files queued in the form belong to
				// (js/attachments/comment-files.js uploads them)
				response.setHeader("HX-Trigger", "{\"commentAdded\": {\"id\": \"" + added.id() + "\"}}");
				yield activityFragment(this.pages.activity(bug, user, null));
			}
			case Rejected<Comment> rejected ->
				refused(bug, new CommentDraft(form, null, message(rejected.errors())), rejected, htmx, user, null);
		};
	}

	@PostMapping("/bugs/{bug}/comments/preview")
	ModelAndView preview(@PathVariable String bug, @RequestParam(required = false) String content,
			@Authenticated CurrentUser user) {
		ModelAndView mav = new ModelAndView("bugs/page/comment-preview");
		switch (Forms.submit(() -> this.comments.preview(bug, content, user))) {
			case Accepted<SafeHtml>(SafeHtml html) -> {
				mav.addObject("html", html);
				mav.addObject("error", null);
			}
			case Rejected<SafeHtml> rejected -> {
				mav.addObject("html", SafeHtml.EMPTY);
				mav.addObject("error", message(rejected.errors()));
			}
		}
		return mav;
	}

	@GetMapping("/bugs/{bug}/comments/{id}")
	ModelAndView comment(@PathVariable String bug, @PathVariable UUID id, HtmxRequest htmx,
			@Authenticated CurrentUser user) {
		if (!htmx.fragment()) {
			return redirectTo(bug, BugRoutes.commentAnchor(id));
		}
		return commentFragment(this.pages.activity(bug, user, null), id);
	}

	@GetMapping("/bugs/{bug}/comments/{id}/edit")
	ModelAndView editForm(@PathVariable String bug, @PathVariable UUID id, HtmxRequest htmx,
			@Authenticated CurrentUser user) {
		Activity activity = this.pages.activity(bug, user, null);
		CommentView comment = changeable(activity, id);
		CommentDraft draft = new CommentDraft(activity.edit(comment), id, null);
		if (htmx.fragment()) {
			return commentFragment(activity.withDraft(draft), id);
		}
		return BugPageController.render(this.pages.view(this.pages.bug(bug, user), user, null, Notice.NONE, draft),
				htmx);
	}

	@PostMapping("/bugs/{bug}/comments/{id}")
	ModelAndView edit(@PathVariable String bug, @PathVariable UUID id, CommentForm form, HtmxRequest htmx,
			@Authenticated CurrentUser user) {
		Activity before = this.pages.activity(bug, user, null);
		Boolean internal = before.internalBox(before.find(id).orElse(null)) ? form.isInternal() : null;
		Boolean reporter = internal == null ? null : form.isVisibleToReporter();
		return switch (Forms.submit(() -> this.comments.edit(id, form.text(), internal, reporter, user))) {
			case Accepted<Comment> edited when !htmx.request() -> redirectTo(bug, BugRoutes.commentAnchor(id));
			case Accepted<Comment> edited -> commentFragment(this.pages.activity(bug, user, null), id);
			case Rejected<Comment> rejected ->
				refused(bug, new CommentDraft(form, id, message(rejected.errors())), rejected, htmx, user, id);
		};
	}

	@PostMapping("/bugs/{bug}/comments/{id}/delete")
	ModelAndView delete(@PathVariable String bug, @PathVariable UUID id, HtmxRequest htmx,
			@Authenticated CurrentUser user) {
		this.comments.delete(id, user);
		if (!htmx.request()) {
			return redirectTo(bug, BugRoutes.ACTIVITY_ID);
		}
		return activityFragment(this.pages.activity(bug, user, null));
	}

	/**
	 * The comment's form again, with the message and the text: in its fragment for htmx,
	 * else on the bug page.
	 */
	private ModelAndView refused(String bug, CommentDraft draft, Rejected<Comment> rejected, HtmxRequest htmx,
			CurrentUser user, UUID editing) {
		ModelAndView mav;
		if (htmx.request()) {
			Activity activity = this.pages.activity(bug, user, draft);
			mav = editing == null ? activityFragment(activity) : commentFragment(activity, editing);
		}
		else {
			mav = BugPageController.render(this.pages.view(this.pages.bug(bug, user), user, null, Notice.NONE, draft),
					htmx);
		}
		mav.setStatus(rejected.status(htmx));
		return mav;
	}

	private static CommentView changeable(Activity activity, UUID id) {
		CommentView comment = activity.find(id).orElseThrow(() -> NotFoundException.of("Comment"));
		if (!comment.canChange()) {
			throw ForbiddenException.because("Only the author or a project admin can change this comment");
		}
		return comment;
	}

	/** The API's field names as the comment form calls them. */
	private static final Map<String, String> LABELS = Map.of("content", "Comment", "parent_id", "Reply:");

	private static String message(FormErrors errors) {
		return String.join(" ", errors.sentences(field -> LABELS.getOrDefault(field, FormErrors.label(field))));
	}

	private static ModelAndView activityFragment(Activity activity) {
		return new ModelAndView("bugs/page/activity", "activity", activity);
	}

	private static ModelAndView commentFragment(Activity activity, UUID id) {
		ModelAndView mav = new ModelAndView("bugs/page/comment", "activity", activity);
		mav.addObject("comment", activity.find(id).orElseThrow(() -> NotFoundException.of("Comment")));
		return mav;
	}

	private static ModelAndView redirectTo(String bug, String anchor) {
		return new ModelAndView("redirect:" + BugRoutes.bug(bug) + "#" + anchor);
	}

}
