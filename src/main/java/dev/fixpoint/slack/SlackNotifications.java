package dev.fixpoint.slack;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.notifications.NotificationChannel;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.stereotype.Component;

/**
 * Slack as a delivery channel of personal notifications: a direct message from the app to
 * each linked Slack user who chose it, in the workspace of the bug's organization only.
 * Written to the outbox with the in-app notification ({@code slack-calls}).
 */
@Component
class SlackNotifications implements NotificationChannel {

	private final PeopleRepository people;

	private final WorkspaceRepository workspaces;

	private final ProjectAccess access;

	private final SlackOutbox.Later later;

	SlackNotifications(PeopleRepository people, WorkspaceRepository workspaces, ProjectAccess access,
			SlackOutbox.Later later) {
		this.people = people;
		this.workspaces = workspaces;
		this.access = access;
		this.later = later;
	}

	@Override
	public void deliver(PersonalNotification notification) {
		var targets = this.people.notified(notification.userId());
		if (targets.isEmpty()) {
			return;
		}
		UUID orgId = this.access
			.asSystem(notification.projectId(),
					new CurrentUser(SystemActor.SLACK.id(), SystemActor.SLACK.username() + "@fixpoint.invalid",
							SystemActor.SLACK.username(), SystemActor.SLACK.displayName()),
					dev.fixpoint.projects.ProjectRole.VIEWER)
			.project()
			.orgId();
		for (PeopleRepository.SlackUser target : targets) {
			boolean sameOrg = this.workspaces.findByTeam(target.teamId())
				.map(w -> w.orgId().equals(orgId))
				.orElse(false);
			if (sameOrg) {
				this.later.call(target.teamId(), "chat.postMessage",
						Map.of("channel", target.slackUserId(), "text",
								"<" + this.later.bugUrl(notification.bugKey()) + "|" + notification.bugKey() + "> "
										+ BugMessages.escape(notification.bugTitle()) + ": "
										+ BugMessages.escape(notification.text())));
			}
		}
	}

}
