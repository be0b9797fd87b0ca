package dev.fixpoint.search;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved filter presets: everyone keeps personal ones; members who work on bugs may share
 * one with the project.
 */
@Service
public class SavedFilters {

	private final SavedFilterRepository filters;

	private final ProjectAccess access;

	private final Accounts accounts;

	private final Clock clock;

	SavedFilters(SavedFilterRepository filters, ProjectAccess access, Accounts accounts, Clock clock) {
		this.filters = filters;
		this.access = access;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<SavedFilter> list(String projectRef, CurrentUser user) {
		Membership member = this.access.membership(projectRef, user);
		List<SavedFilterRepository.Row> rows = this.filters.visibleTo(member.projectId(), user.id());
		Map<UUID, UserSummary> owners = new HashMap<>();
		this.accounts.findAll(rows.stream().map(SavedFilterRepository.Row::ownerId).distinct().toList())
			.forEach(u -> owners.put(u.id(), u));
		return rows.stream().map(r -> view(r, owners.get(r.ownerId()))).toList();
	}

	@Transactional
	public SavedFilter save(String projectRef, String name, String query, boolean shared, CurrentUser user) {
		Membership member = this.access.membership(projectRef, user);
		if (shared) {
			member.require(ProjectAction.CREATE_BUG);
		}
		String cleanName = name == null ? "" : name.trim();
		if (cleanName.isEmpty() || cleanName.length() > 80) {
			throw InvalidInputException.of("name", "must be 1–80 characters");
		}
		String cleanQuery = query == null ? "" : query.trim();
		if (cleanQuery.length() > 1000) {
			throw InvalidInputException.of("query", "must be at most 1,000 characters");
		}
		SearchQueries.validate(member, cleanQuery, this.clock);
		SavedFilterRepository.Row row = new SavedFilterRepository.Row(Ids.newId(), member.projectId(), user.id(),
				cleanName, cleanQuery, shared, Times.now(this.clock));
		this.filters.insert(row);
		return view(row, new UserSummary(user.id(), user.email(), user.name(), user.username()));
	}

	@Transactional
	public void delete(UUID id, CurrentUser user) {
		SavedFilterRepository.Row row = this.filters.find(id).orElseThrow(() -> NotFoundException.of("Filter"));
		Membership member;
		try {
			member = this.access.membership(row.projectId(), user);
		}
		catch (DomainException ex) {
			throw NotFoundException.of("Filter");
		}
		if (!row.ownerId().equals(user.id()) && !row.shared()) {
			throw NotFoundException.of("Filter");
		}
		if (!mayDelete(row.ownerId(), row.shared(), user.id(), member.capabilities())) {
			throw ForbiddenException.because("Only the owner or a project admin can delete a shared filter");
		}
		this.filters.delete(id);
	}

	/**
	 * Who may delete a filter: its owner, or a project admin when it is shared (what the
	 * filter panel offers, and what {@link #delete} accepts).
	 */
	public static boolean mayDelete(SavedFilter filter, UUID userId, Capabilities can) {
		return mayDelete(filter.owner() == null ? null : filter.owner().id(), filter.shared(), userId, can);
	}

	private static boolean mayDelete(UUID ownerId, boolean shared, UUID userId, Capabilities can) {
		return userId.equals(ownerId) || (shared && can.admin());
	}

	private static SavedFilter view(SavedFilterRepository.Row r, UserSummary owner) {
		return new SavedFilter(r.id(), r.projectId(), r.name(), r.query(), r.shared(), owner, r.createdAt());
	}

}
