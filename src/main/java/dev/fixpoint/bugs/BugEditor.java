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
import dev.fixpoint.projects.ProjectAction;
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
 * Decides what an edit does to a bug: who may change which field (the role table), the workflow's say on status
 * changes, version checks, and the resulting row and history entries. Pure decisions plus lookups; no writes.
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

	BugEditor(BugRepository bugs, ProjectAccess access, ProjectComponents components, BugViews views, JsonMapper json) {
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

	/** @param now when the edit happens: the new {@code updated_at} and, for a status change, its timestamps */
	Edit apply(Membership member, BugRow current, BugChanges changes, Instant now) {
		if (changes.expectedVersion() != null && changes.expectedVersion() != current.version()) {
			throw new VersionConflictException(view(current), changes.expectedVersion());
		}
		checkFieldPermissions(member, current, changes);
		BugRow next = changed(member, current, changes);
		Map<String, BugChanged.Change> history = new LinkedHashMap<>();
		if (!Objects.equals(next.status(), current.status())) {
			next = transition(member, current, next, now);
		}
		else if (changes.progress().verifiedBy() instanceof FieldChange.SetTo<UUID>
				&& member.project().workflow().categoryOf(current.status()) != StatusCategory.DONE) {
			throw InvalidInputException.of("verified_by", "can only be set on a resolved bug");
		}
		boolean resolving = !Objects.equals(current.resolution(), next.resolution())
				|| !Objects.equals(current.status(), next.status()) || changes.progress().duplicateOf().present();
		if (resolving && "duplicate".equals(next.resolution()) && next.duplicateOf() == null) {
			throw InvalidInputException.of("duplicate_of", "is required when the resolution is duplicate: the key of the "
					+ "original bug, e.g. " + current.projectKey() + "-1");
		}
		record(history, "title", current.title(), next.title());
		record(history, "description", current.description(), next.description());
		record(history, "steps_to_reproduce", current.stepsToReproduce(), next.stepsToReproduce());
		record(history, "expected_behavior", current.expectedBehavior(), next.expectedBehavior());
		record(history, "actual_behavior", current.actualBehavior(), next.actualBehavior());
		record(history, "environment", envText(current.environment()), envText(next.environment()));
		record(history, "severity", current.severity().key(), next.severity().key());
		record(history, "priority", current.priority().key(), next.priority().key());
		record(history, "status", current.status(), next.status());
		record(history, "resolution", current.resolution(), next.resolution());
		record(history, "assignee", str(current.assigneeId()), str(next.assigneeId()));
		if (!Objects.equals(current.componentId(), next.componentId())) {
			record(history, "component", componentName(member, current.componentId()),
					componentName(member, next.componentId()));
		}
		record(history, "tags", String.join(", ", current.tags()), String.join(", ", next.tags()));
		record(history, "due_date", str(current.dueDate()), str(next.dueDate()));
		record(history, "verified_by", str(current.verifiedBy()), str(next.verifiedBy()));
		record(history, "duplicate_of", str(current.duplicateOf()), str(next.duplicateOf()));
		return new Edit(history.isEmpty() ? current : withUpdatedAt(next, now), history);
	}

	/** The role table: viewers nothing; QA only report fields of their own bugs, and status/verification. */
	private void checkFieldPermissions(Membership member, BugRow current, BugChanges changes) {
		ProjectRole role = member.role();
		for (BugField field : changes.fields()) {
			switch (field) {
				case STATUS, RESOLUTION, DUPLICATE_OF -> member.require(ProjectAction.CHANGE_STATUS);
				case VERIFIED_BY -> member.require(ProjectAction.VERIFY_FIX);
				case ASSIGNEE -> member.require(ProjectAction.ASSIGN);
				default -> {
					member.require(ProjectAction.EDIT_BUG);
					if (role == ProjectRole.QA) {
						if (!current.reporterId().equals(member.user().id())) {
							throw ForbiddenException.because("QA engineers can only edit bugs they reported");
						}
						if (!BugField.REPORT_FIELDS.contains(field)) {
							throw ForbiddenException.because("QA engineers can only edit the report itself "
									+ "(title, description, reproduction steps, environment), not " + field.api());
						}
					}
				}
			}
		}
	}

	/**
	 * The bug with every field the edit names set or cleared, before the workflow's say. In {@link BugField} order:
	 * an assignee must be able to work on bugs, a component must exist, a verifier must be a member, an original
	 * must be another bug of the project.
	 */
	private BugRow changed(Membership member, BugRow b, BugChanges changes) {
		BugChanges.Report report = changes.report();
		BugChanges.Triage triage = changes.triage();
		BugChanges.Progress progress = changes.progress();
		UUID assignee = triage.assigneeId().map(id -> assignable(member, id)).applyTo(b.assigneeId());
		UUID component = triage.component().map(name -> component(member, name).id()).applyTo(b.componentId());
		UUID verifiedBy = progress.verifiedBy().map(id -> verifier(member, id)).applyTo(b.verifiedBy());
		UUID duplicateOf = progress.duplicateOf().map(key -> original(member, b, key)).applyTo(b.duplicateOf());
		return copy(b).title(report.title().applyTo(b.title()))
			.description(report.description().applyTo(b.description()))
			.steps(report.stepsToReproduce().applyTo(b.stepsToReproduce()))
			.expected(report.expectedBehavior().applyTo(b.expectedBehavior()))
			.actual(report.actualBehavior().applyTo(b.actualBehavior()))
			.environment(report.environment().applyTo(b.environment()))
			.severity(triage.severity().applyTo(b.severity()))
			.priority(triage.priority().applyTo(b.priority()))
			.status(progress.status().applyTo(b.status()))
			.resolution(progress.resolution().applyTo(b.resolution()))
			.assignee(assignee)
			.component(component)
			.tags(triage.tags().applyTo(b.tags()))
			.due(triage.dueDate().applyTo(b.dueDate()))
			.verifiedBy(verifiedBy)
			.duplicateOf(duplicateOf)
			.build();
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

	/** Status change: the workflow decides; timestamps and resolution follow the status category. */
	private BugRow transition(Membership member, BugRow current, BugRow next, Instant now) {
		Workflow workflow = member.project().workflow();
		boolean worksOnBug = current.assigneeId() == null || current.assigneeId().equals(member.user().id());
		boolean isAssignee = member.user().id().equals(next.assigneeId());
		TransitionDecision decision = TransitionPolicy.decide(workflow, new TransitionRequest(current.status(),
				next.status(), member.role().key(), worksOnBug, isAssignee, filledFields(next)));
		if (!decision.allowed()) {
			throw new TransitionNotAllowedException(decision);
		}
		StatusCategory to = workflow.categoryOf(next.status());
		if (to != StatusCategory.DONE && workflow.categoryOf(current.status()) == StatusCategory.DONE) {
			// reopened: the fix is no longer claimed
			return copy(next).resolution(null).verifiedBy(null).resolvedAt(null).closedAt(null).duplicateOf(null).build();
		}
		if (to != StatusCategory.DONE) {
			// moving between open statuses keeps what the transition asked for (e.g. a resolution before QA)
			return copy(next).resolvedAt(null).closedAt(null).build();
		}
		return copy(next).resolvedAt(current.resolvedAt() != null ? current.resolvedAt() : now)
			.closedAt("closed".equals(next.status()) ? now : null)
			.build();
	}

	/** The fields a transition may require that have a value in {@code bug}. */
	private static Set<String> filledFields(BugRow bug) {
		Set<String> filled = new HashSet<>();
		java.util.function.BiConsumer<String, Object> add = (field, value) -> {
			if (value != null && !(value instanceof String s && s.isBlank())) {
				filled.add(field);
			}
		};
		add.accept("resolution", bug.resolution());
		add.accept("verified_by", bug.verifiedBy());
		add.accept("assignee", bug.assigneeId());
		add.accept("steps_to_reproduce", bug.stepsToReproduce());
		add.accept("expected_behavior", bug.expectedBehavior());
		add.accept("actual_behavior", bug.actualBehavior());
		add.accept("description", bug.description());
		add.accept("due_date", bug.dueDate());
		add.accept("component", bug.componentId());
		return filled;
	}

	void requireAssignable(Membership member, UUID userId, String field) {
		ProjectRole role = this.access.roleOf(member.projectId(), userId)
			.orElseThrow(() -> InvalidInputException.of(field, "must be a member of the project"));
		if (!BugManagement.canWorkBugs(role)) {
			throw InvalidInputException.of(field, "must be a project admin or developer (this member is " + role.key() + ")");
		}
	}

	ProjectComponent component(Membership member, String name) {
		if (name == null) {
			return null;
		}
		return this.components.findByName(member.projectId(), name)
			.orElseThrow(() -> InvalidInputException.of("component", "'" + name + "' is not a component of this project"));
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

	private static BugRow withUpdatedAt(BugRow b, Instant at) {
		return copy(b).updatedAt(at).build();
	}

	private static BugRowBuilder copy(BugRow b) {
		return new BugRowBuilder(b);
	}

}
