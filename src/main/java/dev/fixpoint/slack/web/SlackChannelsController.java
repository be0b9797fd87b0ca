package dev.fixpoint.slack.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.slack.ChannelSubscription;
import dev.fixpoint.slack.NewSubscription;
import dev.fixpoint.slack.SlackSubscriptions;
import dev.fixpoint.slack.SlackWorkspaces;

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
 * For project admins: the Slack channels subscribed to the project, and their filters
 * (events, severities, a query of the search language).
 */
@Controller
class SlackChannelsController {

	static final String PAGE = "/p/{project}/settings/slack";

	static final List<String> EVENTS = List.of("bug.created", "bug.resolved", "bug.status_changed", "bug.assigned",
			"sla.breached");

	static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

	private final SlackSubscriptions subscriptions;

	private final SlackWorkspaces workspaces;

	private final ProjectAccess access;

	SlackChannelsController(SlackSubscriptions subscriptions, SlackWorkspaces workspaces, ProjectAccess access) {
		this.subscriptions = subscriptions;
		this.workspaces = workspaces;
		this.access = access;
	}

	@GetMapping(PAGE)
	ModelAndView show(@PathVariable String project, @Authenticated CurrentUser user, Model model) {
		return page(project, user, SlackPages.ChannelsView.Typed.empty(), (String) model.getAttribute("notice"),
				FormErrors.none(), HttpStatus.OK);
	}

	@PostMapping(PAGE)
	ModelAndView subscribe(@PathVariable String project,
			@RequestParam(name = "channel_id", defaultValue = "") String channelId,
			@RequestParam(name = "channel_name", defaultValue = "") String channelName,
			@RequestParam(name = "events", required = false) List<String> events,
			@RequestParam(name = "severities", required = false) List<String> severities,
			@RequestParam(name = "query", defaultValue = "") String query, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		List<String> chosenEvents = events == null ? List.of() : events;
		List<String> chosenSeverities = severities == null ? List.of() : severities;
		NewSubscription subscription = new NewSubscription(channelId, channelName.isBlank() ? null : channelName,
				chosenEvents, chosenSeverities, query.isBlank() ? null : query);
		return switch (Forms.submit(() -> this.subscriptions.subscribe(project, subscription, user))) {
			case Accepted<ChannelSubscription>(ChannelSubscription created) -> {
				redirect.addFlashAttribute("notice", "Channel " + label(created) + " subscribed.");
				yield new ModelAndView("redirect:/p/" + project + "/settings/slack");
			}
			case Rejected<ChannelSubscription> rejected -> page(project, user,
					new SlackPages.ChannelsView.Typed(channelId, channelName, chosenEvents, chosenSeverities, query),
					null, rejected.errors(), rejected.status());
		};
	}

	@PostMapping(PAGE + "/{id}/delete")
	ModelAndView unsubscribe(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		this.subscriptions.unsubscribe(project, id, user);
		redirect.addFlashAttribute("notice", "Channel unsubscribed.");
		return new ModelAndView("redirect:/p/" + project + "/settings/slack");
	}

	private static String label(ChannelSubscription subscription) {
		return subscription.channelName() == null ? subscription.channelId() : "#" + subscription.channelName();
	}

	private ModelAndView page(String project, CurrentUser user, SlackPages.ChannelsView.Typed typed, String notice,
			FormErrors errors, HttpStatus status) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		ModelAndView mav = new ModelAndView("slack/channels", "page",
				new SlackPages.ChannelsView(admin.capabilities(), this.workspaces.connected(admin.project().orgId()),
						this.subscriptions.list(project, user), EVENTS, SEVERITIES, typed, notice, errors));
		mav.setStatus(status);
		return mav;
	}

}
