package dev.fixpoint.notifications;

import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a bug through the bugs module's public queries, as a member who may see it (the
 * actor, or for system events such as SLA escalations the assignee or a project admin),
 * so the project's access rules stay in one place. Runs after the change committed (in an
 * outbox delivery): the bug as it is now.
 */
@Component
class BugFactsReader {

	private final BugQueries bugs;

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final Accounts accounts;

	private final TransactionTemplate savepoint;

	BugFactsReader(BugQueries bugs, ProjectAccess access, ProjectMembers members, Accounts accounts,
			PlatformTransactionManager transactions) {
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.bugs = bugs;
		this.access = access;
		this.members = members;
		this.accounts = accounts;
	}

	Optional<BugFacts> read(UUID bugId, UUID projectId, UUID viewerId) {
		Optional<CurrentUser> viewer = (viewerId == null ? Optional.<UUID>empty() : Optional.of(viewerId))
			.filter(id -> this.access.roleOf(projectId, id).isPresent())
			.or(() -> anAdmin(projectId))
			.flatMap(this.accounts::find)
			.map(Accounts::asCurrentUser);
		return viewer.flatMap(user -> find(bugId, user).map(bug -> new BugFacts(bug.id(), bug.projectId(), bug.key(),
				bug.title(), bug.status(), bug.reporter().id(), bug.assignee() == null ? null : bug.assignee().id(),
				this.access.membership(projectId, user).project().workflow())));
	}

	/**
	 * Read after commit: the bug may have been deleted since (nobody to tell then). In a
	 * savepoint of its own: the refused read marks only it for rollback, not the outbox
	 * delivery around it.
	 */
	private Optional<Bug> find(UUID bugId, CurrentUser user) {
		try {
			return Optional.ofNullable(this.savepoint.execute(status -> this.bugs.find(bugId.toString(), user)));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	Optional<UUID> anAdmin(UUID projectId) {
		return admins(projectId).stream().findFirst();
	}

	java.util.List<UUID> admins(UUID projectId) {
		return this.members.list(projectId)
			.stream()
			.filter(m -> m.role() == ProjectRole.ADMIN)
			.map(m -> m.user().id())
			.toList();
	}

}
