package dev.fixpoint.slack;

import java.util.Optional;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.stereotype.Component;

/**
 * Who is asking and what they may see: the linked person of a Slack user, and bugs of the
 * workspace's organization that person can see. Anything else (another organization's
 * bug, a bug in a project they are not in, a key that does not exist) is the same "not
 * found".
 */
@Component
class Callers {

	/** A bug found for a person, with their membership of its project. */
	record Found(Bug bug, Membership member) {
	}

	private final SlackPeople people;

	private final BugQueries bugs;

	private final ProjectAccess access;

	private final String baseUrl;

	Callers(SlackPeople people, BugQueries bugs, ProjectAccess access, FixpointProperties properties) {
		this.people = people;
		this.bugs = bugs;
		this.access = access;
		this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/** The linked person; on first use, the person whose email Slack confirmed. */
	Optional<CurrentUser> person(WorkspaceRepository.WorkspaceRow workspace, String slackUserId) {
		if (slackUserId == null || !slackUserId.matches("[A-Z0-9]{2,32}")) {
			return Optional.empty();
		}
		return this.people.linked(workspace, slackUserId).or(() -> this.people.linkByEmail(workspace, slackUserId));
	}

	/** What an unlinked Slack user is told: how to link, nothing else. */
	String invitation(WorkspaceRepository.WorkspaceRow workspace, String slackUserId) {
		if (slackUserId == null || !slackUserId.matches("[A-Z0-9]{2,32}")) {
			return "Link your Slack account to Fixpoint first.";
		}
		return "Your Slack account is not linked to Fixpoint yet. Open " + this.people.linkUrl(workspace, slackUserId)
				+ " while signed in to Fixpoint to link it (the link works once, for 30 minutes).";
	}

	/** A bug by key or id that the person can see in the workspace's organization. */
	Optional<Found> bug(WorkspaceRepository.WorkspaceRow workspace, String ref, CurrentUser user) {
		try {
			Bug bug = this.bugs.find(ref, user);
			Membership member = this.access.membership(bug.projectId(), user);
			return member.project().orgId().equals(workspace.orgId()) ? Optional.of(new Found(bug, member))
					: Optional.empty();
		}
		catch (DomainException ex) {
			return Optional.empty();
		}
	}

}
