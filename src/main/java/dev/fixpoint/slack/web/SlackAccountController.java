package dev.fixpoint.slack.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.slack.SlackInstall;
import dev.fixpoint.slack.SlackPeople;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's Slack: the linked Slack users, Slack as a notification channel, the
 * organizations they may connect; the one-time link page an unlinked Slack user is sent
 * to; the return from "Add to Slack".
 */
@Controller
class SlackAccountController {

	static final String PAGE = "/settings/slack";

	private final SlackPeople people;

	private final SlackInstall install;

	private final Organizations organizations;

	SlackAccountController(SlackPeople people, SlackInstall install, Organizations organizations) {
		this.people = people;
		this.install = install;
		this.organizations = organizations;
	}

	@GetMapping(PAGE)
	ModelAndView show(@Authenticated CurrentUser user, Model model) {
		return page(user, (String) model.getAttribute("notice"), FormErrors.none(), HttpStatus.OK);
	}

	@PostMapping(PAGE)
	ModelAndView notifications(@RequestParam(defaultValue = "false") boolean notifications,
			@Authenticated CurrentUser user, RedirectAttributes redirect) {
		return switch (Forms.submit(() -> {
			this.people.sendNotifications(user, notifications);
			return notifications;
		})) {
			case Accepted<Boolean>(Boolean on) -> {
				redirect.addFlashAttribute("notice",
						on ? "Your notifications now also arrive in Slack." : "Slack notifications are off.");
				yield new ModelAndView("redirect:" + PAGE);
			}
			case Rejected<Boolean> rejected -> page(user, null, rejected.errors(), rejected.status());
		};
	}

	/** The Slack card of the notification preferences page (loaded by URL from there). */
	@GetMapping(PAGE + "/notifications")
	ModelAndView card(@Authenticated CurrentUser user) {
		return new ModelAndView("slack/notifications-card", "page", new SlackPages.AccountView(this.people.mine(user),
				this.people.notifies(user), java.util.List.of(), null, FormErrors.none()));
	}

	@PostMapping(PAGE + "/unlink")
	ModelAndView unlink(@Authenticated CurrentUser user, RedirectAttributes redirect) {
		this.people.unlink(user);
		redirect.addFlashAttribute("notice", "Slack unlinked.");
		return new ModelAndView("redirect:" + PAGE);
	}

	@GetMapping("/integrations/slack/link/{code}")
	ModelAndView offer(@PathVariable String code, @Authenticated CurrentUser user) {
		return new ModelAndView("slack/link", "page", new SlackPages.LinkView(this.people.offer(code, user)));
	}

	@PostMapping("/integrations/slack/link/{code}")
	ModelAndView confirm(@PathVariable String code, @Authenticated CurrentUser user, RedirectAttributes redirect) {
		SlackPeople.LinkedSlackUser linked = this.people.confirm(code, user);
		redirect.addFlashAttribute("notice", "Linked to your Slack user in " + linked.teamName() + ".");
		return new ModelAndView("redirect:" + PAGE);
	}

	/**
	 * Slack's redirect after "Add to Slack": the code (or {@code error}) and the state; a
	 * refused state is the error page with what to do.
	 */
	@GetMapping("/integrations/slack/oauth")
	ModelAndView installed(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String error, @Authenticated CurrentUser user, HttpServletRequest request,
			RedirectAttributes redirect) {
		SlackInstall.Outcome outcome = this.install.finish(code, state, error, user, SlackPages.session(request));
		redirect.addFlashAttribute("notice",
				outcome.slackError() != null ? "Slack did not install the app (" + outcome.slackError() + ")."
						: "Connected to " + outcome.teamName() + " with “Add to Slack”.");
		return new ModelAndView("redirect:" + SlackOrgController.url(outcome.orgSlug()));
	}

	private ModelAndView page(CurrentUser user, String notice, FormErrors errors, HttpStatus status) {
		ModelAndView mav = new ModelAndView("slack/account", "page",
				new SlackPages.AccountView(this.people.mine(user), this.people.notifies(user),
						this.organizations.of(user.id()).stream().filter(OrganizationMembership::isAdmin).toList(),
						notice, errors));
		mav.setStatus(status);
		return mav;
	}

}
