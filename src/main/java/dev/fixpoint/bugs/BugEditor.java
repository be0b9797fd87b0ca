package dev.fixpoint.bugs;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectRole;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.TransitionDecision;
import dev.fixpoint.workflow.TransitionPolicy;
import dev.fixpoint.workflow.TransitionRequest;
import dev.fixpoint.workflow.Workflow;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Decides what an edit does to a bug: who may change which field (the role table), the
 * workflow's say on status changes, version checks, and the resulting row and history
 * entries. Pure decisions plus lookups; no writes.
 */
@Component
class BugEditor {

	record Edit(BugRow updated, Map<String, BugChanged.Change> changes) {
	}

	private final BugRepository bugs;

	private final ProjectAccess access;

	private final ProjectComponents components;

	private final BugViews views;

	private final JsonMapper json;

	private final ReleaseRepository releases;

	BugEditor(BugRepository bugs, ProjectAccess access, ProjectComponents components, BugViews views, JsonMapper json,
			ReleaseRepository releases) {
		this.releases = releases;
		this.bugs = bugs;
		this.access = access;
		this.components = components;
		this.views = views;
		this.json = json;
	}

	Bug view(BugRow row) {
		return this.views.view(row);
	}

	/** Finds a bug by UUID or key for a member of its project; anyone else gets 404. */
	BugRow locate(String bugRef, CurrentUser user, boolean lock) {
		Optional<UUID> id = Ids.parse(bugRef);
		if (id.isPresent()) {
			BugRow row = (lock ? this.bugs.lockById(id.get()) : this.bugs.findById(id.get()))
				.orElseThrow(() -> NotFoundException.of("Bug"));
			if (this.access.roleOf(row.projectId(), user.id()).isEmpty()) {
				throw NotFoundException.of("Bug");
			}
			return row;
		}
		// the lookup by key only searches the user's projects
		BugRow row = BugKey.parse(bugRef)
			.flatMap(key -> this.bugs.findByKey(key, user.id()))
			.orElseThrow(() -> NotFoundException.of("Bug"));
		return lock ? this.bugs.lockById(row.id()).orElseThrow() : row;
	}

	/**
	 * @param now when the edit happens: the new {@code updated_at} and, for a status
	 * change, its timestamps
	 */
	Edit apply(Membership member, BugRow current, BugChanges changes, Instant now) {
		if (changes.expectedVersion() != null && changes.expectedVersion() != current.stamps().version()) {
			throw new VersionConflictException(view(current), changes.expectedVersion());
		}
		checkFieldPermissions(member, current, changes);
		BugRow next = current.with(changes.report().applyTo(current.report()),
				triage(member, current.triage(), changes.triage()), progress(member, current, changes.progress()));
		if (!Objects.equals(next.progress().status(), current.progress().status())) {
			next = transition(member, current, next, now);
		}
		else if (changes.progress().verifiedBy() instanceof FieldChange.SetTo<UUID>
				&& member.project().workflow().categoryOf(current.progress().status()) != StatusCategory.DONE) {
			throw InvalidInputException.of("verified_by", "can only be set on a resolved bug");
		}
		requireOriginalOfDuplicate(current, next, changes.progress().duplicateOf().present());
		Map<String, BugChanged.Change> history = history(member, current, next);
		return new Edit(history.isEmpty() ? current : next.withUpdatedAt(now), history);
	}

	/** A bug being resolved as a duplicate must name its original. */
	private static void requireOriginalOfDuplicate(BugRow current, BugRow next, boolean originalNamed) {
		BugRow.Progress was = current.progress(), is = next.progress();
		boolean resolving = !Objects.equals(was.resolution(), is.resolution())
				|| !Objects.equals(was.status(), is.status()) || originalNamed;
		if (resolving && "duplicate".equals(is.resolution()) && is.duplicateOf() == null) {
			throw InvalidInputException.of("duplicate_of",
					"is required when the resolution is duplicate: the key of the " + "original bug, e.g. "
							+ current.projectKey() + "-1");
		}
	}

	/**
	 * Field by field in {@link BugField} order, as the history and {@link BugChanged}
	 * list them.
	 */
	private Map<String, BugChanged.Change> history(Membership member, BugRow current, BugRow next) {
		Map<String, BugChanged.Change> history = new LinkedHashMap<>();
		ReportText r0 = current.report(), r1 = next.report();
		BugRow.Triage t0 = current.triage(), t1 = next.triage();
		BugRow.Progress p0 = current.progress(), p1 = next.progress();
		record(history, "title", r0.title(), r1.title());
		record(history, "description", r0.description(), r1.description());
		record(history, "steps_to_reproduce", r0.stepsToReproduce(), r1.stepsToReproduce());
		record(history, "expected_behavior", r0.expectedBehavior(), r1.expectedBehavior());
		record(history, "actual_behavior", r0.actualBehavior(), r1.actualBehavior());
		record(history, "environment", envText(r0.environment()), envText(r1.environment()));
		record(history, "severity", t0.severity().key(), t1.severity().key());
		record(history, "priority", t0.priority().key(), t1.priority().key());
		record(history, "status", p0.status(), p1.status());
		record(history, "resolution", p0.resolution(), p1.resolution());
		record(history, "assignee", str(t0.assigneeId()), str(t1.assigneeId()));
		if (!Objects.equals(t0.componentId(), t1.componentId())) {
			record(history, "component", componentName(member, t0.componentId()),
					componentName(member, t1.componentId()));
		}
		record(history, "tags", String.join(", ", t0.tags()), String.join(", ", t1.tags()));
		record(history, "due_date", str(t0.dueDate()), str(t1.dueDate()));
		record(history, "verified_by", str(p0.verifiedBy()), str(p1.verifiedBy()));
		record(history, "duplicate_of", str(p0.duplicateOf()), str(p1.duplicateOf()));
		if (!Objects.equals(t0.fixedIn(), t1.fixedIn()) || !Objects.equals(t0.affects(), t1.affects())) {
			Map<UUID, String> names = this.releases
				.names(java.util.stream.Stream.of(t0.fixedIn(), t1.fixedIn(), t0.affects(), t1.affects())
					.filter(Objects::nonNull)
					.toList());
			record(history, "fixed_in", names.get(t0.fixedIn()), names.get(t1.fixedIn()));
			record(history, "affects", names.get(t0.affects()), names.get(t1.affects()));
		}
		return history;
	}

	/** The role table, as {@link EditRules} words it: the pages offer what it allows. */
	private void checkFieldPermissions(Membership member, BugRow current, BugChanges changes) {
		for (BugField field : changes.fields()) {
			EditRules.refusal(member, current.reporterId(), field).ifPresent(reason -> {
				throw ForbiddenException.because(reason);
			});
		}
	}

	/**
	 * The triage fields after the change; an assignee must be able to work on bugs, a
	 * component must exist.
	 */
	private BugRow.Triage triage(Membership member, BugRow.Triage t, BugChanges.Triage change) {
		UUID assignee = change.assigneeId().map(id -> assignable(member, id)).applyTo(t.assigneeId());
		UUID component = change.component().map(name -> component(member, name).id()).applyTo(t.componentId());
		UUID fixedIn = change.fixedIn().map(name -> release(member, "fixed_in", name)).applyTo(t.fixedIn());
		UUID affects = change.affects().map(name -> release(member, "affects", name)).applyTo(t.affects());
		return new BugRow.Triage(change.severity().applyTo(t.severity()), change.priority().applyTo(t.priority()),
				assignee, component, change.tags().applyTo(t.tags()), change.dueDate().applyTo(t.dueDate()), fixedIn,
				affects);
	}

	/** A release of the member's project by name (any case); null for none. */
	UUID release(Membership member, String field, String name) {
		if (name == null) {
			return null;
		}
		return this.releases.idByName(member.projectId(), name)
			.orElseThrow(() -> InvalidInputException.of(field, "'" + name + "' is not a release of this project"));
	}

	/**
	 * The progress fields after the change, before the workflow's say: a verifier is a
	 * member, an original exists.
	 */
	private BugRow.Progress progress(Membership member, BugRow b, BugChanges.Progress change) {
		BugRow.Progress p = b.progress();
		UUID verifiedBy = change.verifiedBy().map(id -> verifier(member, id)).applyTo(p.verifiedBy());
		UUID duplicateOf = change.duplicateOf().map(key -> original(member, b, key)).applyTo(p.duplicateOf());
		return new BugRow.Progress(change.status().applyTo(p.status()), change.resolution().applyTo(p.resolution()),
				verifiedBy, duplicateOf, p.resolvedAt(), p.closedAt());
	}

	private UUID assignable(Membership member, UUID id) {
		requireAssignable(member, id, "assignee_id");
		return id;
	}

	private UUID verifier(Membership member, UUID id) {
		if (this.access.roleOf(member.projectId(), id).isEmpty()) {
			throw InvalidInputException.of("verified_by", "must be a member of the project");
		}
		return id;
	}

	/** The bug that {@code bug} duplicates: another bug of its project. */
	private UUID original(Membership member, BugRow bug, BugKey key) {
		BugRow original = this.bugs.findByKey(key, member.user().id())
			.filter(o -> o.projectId().equals(bug.projectId()) && !o.id().equals(bug.id()))
			.orElseThrow(() -> InvalidInputException.of("duplicate_of", "must be another bug of this project"));
		return original.id();
	}

	/**
	 * Status change: the workflow decides; timestamps and resolution follow the status
	 * category.
	 */
	private BugRow transition(Membership member, BugRow current, BugRow next, Instant now) {
		Workflow workflow = member.project().workflow();
		UUID assignee = current.triage().assigneeId();
		boolean worksOnBug = assignee == null || assignee.equals(member.user().id());
		boolean isAssignee = member.user().id().equals(next.triage().assigneeId());
		String from = current.progress().status(), to = next.progress().status();
		TransitionDecision decision = TransitionPolicy.decide(workflow,
				new TransitionRequest(from, to, member.role().key(), worksOnBug, isAssignee, filledFields(next)));
		if (!decision.allowed()) {
			throw new TransitionNotAllowedException(decision);
		}
		boolean done = workflow.categoryOf(to) == StatusCategory.DONE;
		if (!done && workflow.categoryOf(from) == StatusCategory.DONE) {
			return next.with(next.progress().reopened());
		}
		if (!done) {
			// moving between open statuses keeps what the transition asked for (e.g. a
			// resolution before QA)
			return next.with(next.progress().at(null, null));
		}
		Instant resolvedAt = current.progress().resolvedAt();
		return next.with(next.progress().at(resolvedAt != null ? resolvedAt : now, "closed".equals(to) ? now : null));
	}

	/** The fields a transition may require that have a value in {@code bug}. */
	private static Set<String> filledFields(BugRow bug) {
		Set<String> filled = new HashSet<>();
		java.util.function.BiConsumer<String, Object> add = (field, value) -> {
			if (value != null && !(value instanceof String s && s.isBlank())) {
				filled.add(field);
			}
		};
		add.accept("resolution", bug.progress().resolution());
		add.accept("verified_by", bug.progress().verifiedBy());
		add.accept("assignee", bug.triage().assigneeId());
		add.accept("steps_to_reproduce", bug.report().stepsToReproduce());
		add.accept("expected_behavior", bug.report().expectedBehavior());
		add.accept("actual_behavior", bug.report().actualBehavior());
		add.accept("description", bug.report().description());
		add.accept("due_date", bug.triage().dueDate());
		add.accept("component", bug.triage().componentId());
		return filled;
	}

	void requireAssignable(Membership member, UUID userId, String field) {
		ProjectRole role = this.access.roleOf(member.projectId(), userId)
			.orElseThrow(() -> InvalidInputException.of(field, "must be a member of the project"));
		if (!BugManagement.canWorkBugs(role)) {
			throw InvalidInputException.of(field,
					"must be a project admin or developer (this member is " + role.key() + ")");
		}
	}

	ProjectComponent component(Membership member, String name) {
		if (name == null) {
			return null;
		}
		return this.components.findByName(member.projectId(), name)
			.orElseThrow(
					() -> InvalidInputException.of("component", "'" + name + "' is not a component of this project"));
	}

	private String componentName(Membership member, UUID id) {
		return id == null ? null : BugViews.componentName(this.components.list(member.projectId()), id);
	}

	private String envText(Map<String, String> env) {
		return env.isEmpty() ? null : this.json.writeValueAsString(env);
	}

	private static void record(Map<String, BugChanged.Change> history, String field, String oldValue, String newValue) {
		String o = oldValue == null || oldValue.isEmpty() ? null : oldValue;
		String n = newValue == null || newValue.isEmpty() ? null : newValue;
		if (!Objects.equals(o, n)) {
			history.put(field, new BugChanged.Change(o, n));
		}
	}

	private static String str(Object value) {
		return value == null ? null : value.toString();
	}

}
