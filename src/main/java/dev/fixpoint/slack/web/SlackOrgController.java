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
import dev.fixpoint.slack.SlackConnection;
import dev.fixpoint.slack.SlackConnectionChange;
import dev.fixpoint.slack.SlackInstall;
import dev.fixpoint.slack.SlackWorkspaces;
import tools.jackson.databind.json.JsonMapper;

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
 * For organization admins: connect the Slack workspace (paste the bot token and signing
 * secret, or "Add to Slack"), copy the app manifest, disconnect.
 */
@Controller
class SlackOrgController {

	static final String PAGE = "/orgs/{org}/settings/slack";

	private final SlackWorkspaces workspaces;

	private final Organizations organizations;

	private final JsonMapper json;

	private final SlackInstall install;

	SlackOrgController(SlackWorkspaces workspaces, Organizations organizations, JsonMapper json, SlackInstall install) {
		this.workspaces = workspaces;
		this.organizations = organizations;
		this.json = json;
		this.install = install;
	}

	static String url(String org) {
		return "/orgs/" + org + "/settings/slack";
	}

	@GetMapping(PAGE)
	ModelAndView show(@PathVariable String org, @Authenticated CurrentUser user, Model model) {
		return page(org, user, (String) model.getAttribute("notice"), FormErrors.none(), HttpStatus.OK);
	}

	@PostMapping(PAGE)
	ModelAndView connect(@PathVariable String org, @RequestParam(name = "bot_token", defaultValue = "") String token,
			@RequestParam(name = "signing_secret", defaultValue = "") String secret, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		return switch (Forms
			.submit(() -> this.workspaces.connect(org, new SlackConnectionChange(token, secret), user))) {
			case Accepted<SlackConnection>(SlackConnection connection) -> {
				redirect.addFlashAttribute("notice", "Connected to " + connection.teamName() + ".");
				yield new ModelAndView("redirect:" + url(org));
			}
			case Rejected<SlackConnection> rejected -> page(org, user, null, rejected.errors(), rejected.status());
		};
	}

	@PostMapping(PAGE + "/disconnect")
	ModelAndView disconnect(@PathVariable String org, @Authenticated CurrentUser user, RedirectAttributes redirect) {
		this.workspaces.disconnect(org, user);
		redirect.addFlashAttribute("notice", "Slack disconnected.");
		return new ModelAndView("redirect:" + url(org));
	}

	/**
	 * "Add to Slack": a link, like Slack's own button (a form's redirect to slack.com
	 * would break the pages' CSP {@code form-action 'self'}). Following it from another
	 * site only shows the admin Slack's consent page: the state it sends is bound to this
	 * admin's own browser session, so nobody else can finish it.
	 */
	@GetMapping(PAGE + "/install")
	ModelAndView install(@PathVariable String org, @Authenticated CurrentUser user, HttpServletRequest request) {
		return new ModelAndView("redirect:" + this.install.start(org, user, SlackPages.session(request)));
	}

	private ModelAndView page(String org, CurrentUser user, String notice, FormErrors errors, HttpStatus status) {
		SlackConnection connection = this.workspaces.connection(org, user);
		OrganizationMembership membership = this.organizations.membership(org, user);
		String manifest = this.json.writerWithDefaultPrettyPrinter().writeValueAsString(connection.manifest());
		ModelAndView mav = new ModelAndView("slack/org", "page",
				new SlackPages.OrgView(membership, connection, manifest, notice, errors));
		mav.setStatus(status);
		return mav;
	}

}
