package dev.fixpoint.bugs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.stereotype.Service;

/**
 * Bulk changes: each bug is checked and saved exactly like a single PATCH (own
 * transaction, own history entries, own events), so one refused bug does not stop the
 * others; the caller gets a result per bug.
 */
@Service
public class BugBulk {

	static final int MAX_BUGS = 500;

	private static final Set<String> SETTABLE = Set.of("status", "resolution", "verified_by", "assignee_id", "severity",
			"priority", "tags_add", "tags_remove", "fixed_in");

	/**
	 * The bulk change this thread is applying, for listeners that summarize it
	 * (notifications).
	 */
	private static final ThreadLocal<java.util.UUID> CURRENT = new ThreadLocal<>();

	private final BugManagement management;

	private final BugQueries queries;

	private final ProjectAccess access;

	BugBulk(BugManagement management, BugQueries queries, ProjectAccess access) {
		this.management = management;
		this.queries = queries;
		this.access = access;
	}

	/** Deliberately not transactional: every bug commits (or fails) on its own. */
	public List<BulkOutcome> apply(String projectRef, BulkEdit edit, CurrentUser user) {
		Membership member = this.access.membership(projectRef, user);
		validate(edit);
		List<BulkOutcome> results = new ArrayList<>();
		CURRENT.set(dev.fixpoint.platform.Ids.newId());
		try {
			for (String ref : new LinkedHashSet<>(edit.ids())) {
				results.add(applyOne(member, ref, edit.set(), user));
			}
		}
		finally {
			CURRENT.remove();
		}
		return results;
	}

	/**
	 * The id of the bulk change whose events are being published on this thread
	 * (listeners run in the publishing transaction), or empty for a single change: lets
	 * notifications send one summary instead of one email per bug.
	 */
	public static java.util.Optional<java.util.UUID> currentBulkId() {
		return java.util.Optional.ofNullable(CURRENT.get());
	}

	/**
	 * Runs {@code work} as one bulk change (its events share a bulk id), unless one is
	 * already running on this thread.
	 */
	static void asOneBulk(Runnable work) {
		if (CURRENT.get() != null) {
			work.run();
			return;
		}
		CURRENT.set(dev.fixpoint.platform.Ids.newId());
		try {
			work.run();
		}
		finally {
			CURRENT.remove();
		}
	}

	private BulkOutcome applyOne(Membership member, String ref, Map<String, Object> set, CurrentUser user) {
		try {
			Bug bug = this.queries.find(ref, user);
			if (!bug.projectId().equals(member.projectId())) {
				throw NotFoundException.of("Bug");
			}
			Bug updated = this.management.edit(bug.id().toString(), BugRules.parsePatch(patchFor(bug, set), null),
					user);
			return new BulkOutcome(bug.id().toString(), bug.key(), updated, null);
		}
		catch (DomainException ex) {
			return new BulkOutcome(ref, null, null, ex);
		}
	}

	private static Map<String, Object> patchFor(Bug bug, Map<String, Object> set) {
		Map<String, Object> patch = new LinkedHashMap<>(set);
		Object add = patch.remove("tags_add");
		Object remove = patch.remove("tags_remove");
		if (add != null || remove != null) {
			LinkedHashSet<String> tags = new LinkedHashSet<>(bug.tags());
			strings(add).forEach(t -> tags.add(t.trim().toLowerCase(java.util.Locale.ROOT)));
			strings(remove).forEach(t -> tags.remove(t.trim().toLowerCase(java.util.Locale.ROOT)));
			patch.put("tags", new ArrayList<>(tags));
		}
		return patch;
	}

	private static List<String> strings(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			return list.stream().map(String.class::cast).toList();
		}
		throw InvalidInputException.of("set", "tags_add and tags_remove must be lists of strings");
	}

	private static void validate(BulkEdit edit) {
		if (edit.ids() == null || edit.ids().isEmpty()) {
			throw InvalidInputException.of("ids", "must name at least one bug");
		}
		if (edit.ids().size() > MAX_BUGS) {
			throw InvalidInputException.of("ids", "at most " + MAX_BUGS + " bugs at once");
		}
		if (edit.set() == null || edit.set().isEmpty()) {
			throw InvalidInputException.of("set", "must name at least one change");
		}
		for (String key : edit.set().keySet()) {
			if (!SETTABLE.contains(key)) {
				throw InvalidInputException.of("set." + key, "cannot be changed in bulk (allowed: "
						+ String.join(", ", new java.util.TreeSet<>(SETTABLE)) + ")");
			}
		}
		strings(edit.set().get("tags_add"));
		strings(edit.set().get("tags_remove"));
		// shape errors (unknown severity, bad ids) surface once, not per bug
		Map<String, Object> sample = new LinkedHashMap<>(edit.set());
		sample.remove("tags_add");
		sample.remove("tags_remove");
		if (!sample.isEmpty()) {
			BugRules.parsePatch(sample, null);
		}
	}

}
