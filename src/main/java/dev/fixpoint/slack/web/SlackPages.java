package dev.fixpoint.slack.web;

import java.util.List;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.slack.ChannelSubscription;
import dev.fixpoint.slack.SlackConnection;
import dev.fixpoint.slack.SlackPeople;

/** The Slack pages' parameters. */
public final class SlackPages {

	private SlackPages() {
	}

	/**
	 * The browser session's id, which "Add to Slack" binds its state to (as a hash).
	 */
	static String session(jakarta.servlet.http.HttpServletRequest request) {
		return request.getSession(true).getId();
	}

	/**
	 * An organization's Slack settings.
	 *
	 * @param manifest the app manifest, pretty-printed JSON
	 */
	public record OrgView(OrganizationMembership org, SlackConnection connection, String manifest, String notice,
			FormErrors errors) {

		public String action() {
			return SlackOrgController.url(this.org.slug());
		}

	}

	/** A project's subscribed channels. */
	public record ChannelsView(Capabilities can, boolean connected, List<ChannelSubscription> subscriptions,
			List<String> events, List<String> severities, Typed typed, String notice, FormErrors errors) {

		public String action() {
			return "/p/" + this.can.projectKey() + "/settings/slack";
		}

		public String describe(String event) {
			return switch (event) {
				case "bug.created" -> "New bugs";
				case "bug.resolved" -> "Resolved";
				case "bug.status_changed" -> "Other status changes";
				case "bug.assigned" -> "Assignments";
				case "sla.breached" -> "SLA breaches";
				default -> event;
			};
		}

		/** What the admin typed into the form. */
		public record Typed(String channelId, String channelName, List<String> events, List<String> severities,
				String query) {

			static Typed empty() {
				return new Typed("", "", List.of("bug.created"), List.of("critical", "high"), "");
			}

		}

	}

	/**
	 * A person's Slack: linked users, notifications, the organizations they may connect.
	 */
	public record AccountView(List<SlackPeople.LinkedSlackUser> linked, boolean notifications,
			List<OrganizationMembership> adminOf, String notice, FormErrors errors) {
	}

	/** A one-time link waiting for confirmation. */
	public record LinkView(SlackPeople.LinkOffer offer) {
	}

}
