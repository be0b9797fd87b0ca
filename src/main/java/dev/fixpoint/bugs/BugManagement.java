package dev.fixpoint.bugs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.FilingSlot;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectRole;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of bugs: file, edit (fields and status), delete. Every rule is checked
 * here, for API and UI.
 */
@Service
public class BugManagement {

	private final BugRepository bugs;

	private final ProjectAccess access;

	private final BugEditor editor;

	private final ApplicationEventPublisher events;

	private final BugMarkdown markdown;

	private final ObjectProvider<SlaOnFiling> sla;

	private final Clock clock;

	private final BugTexts texts;

	private final BugTemplates templates;

	private final ObjectProvider<FiledBugRows> filedRows;

	BugManagement(BugRepository bugs, ProjectAccess access, BugEditor editor, ApplicationEventPublisher events,
			BugMarkdown markdown, ObjectProvider<SlaOnFiling> sla, Clock clock, BugTexts texts, BugTemplates templates,
			ObjectProvider<FiledBugRows> filedRows) {
		this.templates = templates;
		this.filedRows = filedRows;
		this.bugs = bugs;
		this.access = access;
		this.editor = editor;
		this.events = events;
		this.markdown = markdown;
		this.sla = sla;
		this.clock = clock;
		this.texts = texts;
	}

	/**
	 * Writes a history entry on a bug for something another module did to it (a comment
	 * added, edited, deleted), in the caller's transaction. Fields starting with
	 * {@code internal_note} are hidden from roles that do not read internal notes.
	 */
	@Transactional
	public void recordActivity(BugRef bug, UUID userId, String field, String oldValue, String newValue, Instant at) {
		this.bugs.insertHistory(bug.id(), userId, field, oldValue, newValue, at);
	}

	/**
	 * Moves every bug of the project in status {@code from} (of its current workflow) to
	 * {@code to} of the workflow replacing it ({@code target}), one history entry each; a
	 * workflow replaced by a project admin removes {@code from}. Every moved bug is a
	 * status change like an edit's: {@link BugChanged} without an actor (the SLA clock
	 * stops or resumes, no first response) and {@link BugStatusChanged} by the admin
	 * (analytics rollups, notifications summed up as one bulk change).
	 * @return how many bugs moved
	 */
	@Transactional
	public int moveAllInStatus(Membership admin, String from, String to, Workflow target, CurrentUser user) {
		admin.require(ProjectAction.MANAGE_PROJECT);
		StatusCategory was = admin.project().workflow().categoryOf(from);
		StatusCategory is = target.categoryOf(to);
		List<BugRepository.Moved> moved = this.bugs.moveAllInStatus(admin.projectId(), from, to,
				was == StatusCategory.DONE, is == StatusCategory.DONE, user.id(), Times.now(this.clock));
		BugBulk.asOneBulk(() -> {
			for (BugRepository.Moved bug : moved) {
				String key = admin.project().key() + "-" + bug.number();
				UUID id = bug.id();
				this.events.publishEvent(new BugChanged(id, admin.projectId(), key, null,
						Map.of("status", new BugChanged.Change(from, to))));
				this.events.publishEvent(
						new BugStatusChanged(id, admin.projectId(), key, user.id(), from, to, was.json(), is.json()));
			}
		});
		return moved.size();
	}

	@Transactional
	public Bug report(String projectRef, NewBug report, CurrentUser user) {
		return report(this.access.require(projectRef, user, ProjectAction.CREATE_BUG), report, null);
	}

	/**
	 * Files a bug as {@code user}, who did it elsewhere ({@code via}: from Slack): the
	 * history gets a {@code reported} entry saying where.
	 */
	@Transactional
	public Bug report(String projectRef, NewBug report, CurrentUser user, Via via) {
		return report(this.access.require(projectRef, user, ProjectAction.CREATE_BUG), report, via);
	}

	/**
	 * Files a bug as {@code member} (also a named system actor's membership from
	 * {@code ProjectAccess.asSystem}: the portal files customers' reports so).
	 */
	@Transactional
	public Bug report(Membership member, NewBug report) {
		return report(member, report, null);
	}

	private Bug report(Membership member, NewBug report, Via via) {
		member.require(ProjectAction.CREATE_BUG);
		CurrentUser user = member.user();
		ValidNewBug bug = BugRules.valid(report);
		if (report.template() != null && !report.template().isBlank()) {
			BugTemplates.requireFilled(this.templates.named(member, report.template()), bug);
		}
		ProjectComponent component = this.editor.component(member, bug.component());
		UUID affects = this.editor.release(member, "affects", bug.affects());
		UUID assigneeId = assignee(member, bug.assigneeId(), component);
		Instant now = Times.now(this.clock);
		String status = member.project().workflow().initialStatus().key();
		UUID id = Ids.newId();
		SlaOnFiling sla = this.sla.getIfAvailable();
		SlaOnFiling.Started clock = sla == null ? SlaOnFiling.Started.NONE
				: sla.start(id, member.project(), bug.severity());
		BugRow.Triage triage = new BugRow.Triage(bug.severity(), bug.priority(), assigneeId,
				component == null ? null : component.id(), bug.tags(), bug.dueDate(), null, affects);
		BugRow row = new BugRow(id, member.projectId(), member.project().key(), 0, user.id(), bug.report(), triage,
				BugRow.Progress.filed(status), new BugRow.Tracking(clock.dueAt(), clock.state(), null, List.of()),
				new BugRow.Stamps(1, now, now));
		FiledBugRows.FiledBug filed = new FiledBugRows.FiledBug(id, row.projectId(), user.id(), assigneeId,
				bug.severity(), now);
		// the SLA clock's rows, then every other module's (FiledBugRows)
		List<FiledBugRows.Rows> others = Stream
			.concat(Stream.of(clock.clock()), this.filedRows.orderedStream().map(r -> r.rows(filed)))
			.filter(r -> !r.none())
			.toList();
		BugTexts.Rendering rendering = this.texts.filing(row.report(), member);
		Optional<Integer> number = this.bugs.insert(row, rendering, via,
				slot(this.access.numberWithBug(member.projectId(), status)), others);
		if (number.isEmpty()) {
			// the workflow changed since the membership read it: its initial status now
			FilingSlot slot = this.access.nextBug(member.projectId());
			row = row.filedIn(slot.workflow().initialStatus().key());
			number = this.bugs.insert(row, rendering, via, BugRepository.drawn(slot.number()), others);
		}
		row = row.numbered(number.orElseThrow());
		this.events.publishEvent(new BugCreated(row.id(), row.projectId(), row.key(), user.id(), assigneeId,
				row.triage().severity().key()));
		mentions(member, row, user, java.util.Set.of());
		return this.editor.view(row);
	}

	private static FiledBugRows.Rows slot(dev.fixpoint.projects.FilingNumber number) {
		return new FiledBugRows.Rows(number.cte(), number.params());
	}

	/**
	 * Who a new bug is assigned to: whom the reporter picked (if they may assign), else
	 * the component's owner.
	 */
	private UUID assignee(Membership member, UUID picked, ProjectComponent component) {
		if (picked != null) {
			member.require(ProjectAction.ASSIGN);
			this.editor.requireAssignable(member, picked, "assignee_id");
			return picked;
		}
		return component == null ? null : component.ownerId();
	}

	/** Applies a partial edit; see {@link BugEditor} for the rules. */
	@Transactional
	public Bug edit(String bugRef, BugChanges changes, CurrentUser user) {
		return edit(bugRef, changes, user, null);
	}

	/**
	 * Applies a partial edit {@code user} made elsewhere ({@code via}: from Slack), the
	 * same rules applying; its history entries say where.
	 */
	@Transactional
	public Bug edit(String bugRef, BugChanges changes, CurrentUser user, Via via) {
		BugRow current = this.editor.locate(bugRef, user, true);
		Membership member = this.access.membership(current.projectId(), user);
		return write(member, current, changes, user, via);
	}

	/**
	 * Moves a bug to another status on behalf of an integration (a merged pull request),
	 * through the workflow exactly as a developer's edit: a move the workflow refuses is
	 * reported, never forced, and nothing changes.
	 * @param resolution set when {@code status} is a done status, else ignored
	 */
	@Transactional
	public Automated automate(SystemActor actor, UUID bugId, String status, String resolution) {
		BugRow current = this.bugs.lockById(bugId).orElse(null);
		if (current == null) {
			return new Automated(null, false, "the bug no longer exists");
		}
		if (status.equals(current.progress().status())) {
			return new Automated(current.key(), false, null);
		}
		CurrentUser user = new CurrentUser(actor.id(), actor.username() + "@fixpoint.invalid", actor.username(),
				actor.displayName());
		Membership member = this.access.asSystem(current.projectId(), user, ProjectRole.DEVELOPER);
		Map<String, Object> patch = new java.util.LinkedHashMap<>();
		patch.put("status", status);
		if (resolution != null && member.project().workflow().categoryOf(status) == StatusCategory.DONE) {
			patch.put("resolution", resolution);
		}
		try {
			// parsing and deciding write nothing: a refusal leaves the transaction clean
			BugEditor.Edit edit = this.editor.apply(member, current, BugRules.parsePatch(patch, null),
					Times.now(this.clock));
			writeEdit(member, current, edit, user, null);
			return new Automated(current.key(), true, null);
		}
		catch (DomainException ex) {
			return new Automated(current.key(), false, ex.getMessage());
		}
	}

	/**
	 * What an integration's move did.
	 *
	 * @param moved whether the status changed
	 * @param refusal why the workflow refused it (null when it moved or was there)
	 */
	public record Automated(String key, boolean moved, String refusal) {
	}

	private Bug write(Membership member, BugRow current, BugChanges changes, CurrentUser user, Via via) {
		BugEditor.Edit edit = this.editor.apply(member, current, changes, Times.now(this.clock));
		if (edit.changes().isEmpty()) {
			return this.editor.view(current);
		}
		writeEdit(member, current, edit, user, via);
		return this.editor.view(this.bugs.findById(current.id()).orElseThrow());
	}

	private void writeEdit(Membership member, BugRow current, BugEditor.Edit edit, CurrentUser user, Via via) {
		if (edit.changes().isEmpty()) {
			return;
		}
		if (!this.bugs.update(edit.updated(), current.stamps().version())) {
			throw new IllegalStateException("Row lock held, yet the version moved for bug " + current.id());
		}
		this.texts.edited(current.id(), edit.updated().report(), edit.changes().keySet(), member);
		edit.changes()
			.forEach((field, change) -> this.bugs.insertHistory(current.id(), user.id(), field, change.oldValue(),
					change.newValue(), edit.updated().stamps().updatedAt(), via));
		publish(member, current, edit, user);
	}

	/**
	 * Facts for other modules, published inside this transaction: their listeners (sla,
	 * notifications) run synchronously before it commits and roll back with it.
	 */
	private void publish(Membership member, BugRow before, BugEditor.Edit edit, CurrentUser user) {
		BugRow after = edit.updated();
		this.events
			.publishEvent(new BugChanged(before.id(), before.projectId(), before.key(), user.id(), edit.changes()));
		if (edit.changes().containsKey("status")) {
			this.events.publishEvent(new BugStatusChanged(before.id(), before.projectId(), before.key(), user.id(),
					before.progress().status(), after.progress().status(),
					member.project().workflow().categoryOf(before.progress().status()).json(),
					member.project().workflow().categoryOf(after.progress().status()).json()));
		}
		if (edit.changes().containsKey("assignee")) {
			this.events.publishEvent(new BugAssigned(before.id(), before.projectId(), before.key(), user.id(),
					before.triage().assigneeId(), after.triage().assigneeId()));
		}
		if (edit.changes().containsKey("description") || edit.changes().containsKey("steps_to_reproduce")) {
			java.util.Set<UUID> already = reportText(before).contains("@")
					? this.markdown.render(member, reportText(before)).mentioned() : java.util.Set.of();
			mentions(member, after, user, already);
		}
	}

	private void mentions(Membership member, BugRow bug, CurrentUser user, java.util.Set<UUID> already) {
		if (!reportText(bug).contains("@")) {
			return;
		}
		for (UUID mentioned : this.markdown.render(member, reportText(bug)).mentioned()) {
			if (!mentioned.equals(user.id()) && !already.contains(mentioned)) {
				this.events.publishEvent(
						new UserMentioned(mentioned, bug.id(), bug.projectId(), bug.key(), user.id(), null, false));
			}
		}
	}

	private static String reportText(BugRow bug) {
		return bug.report().description() + "\n\n" + bug.report().stepsToReproduce();
	}

	/**
	 * Raises a bug's priority on behalf of the system (an SLA breach), recorded in
	 * history without a user. Does nothing when the bug is gone or already at least that
	 * urgent.
	 * @return whether the priority changed
	 */
	@Transactional
	public boolean raisePriority(UUID bugId, Priority to) {
		BugRow current = this.bugs.lockById(bugId).orElse(null);
		if (current == null || current.triage().priority().compareTo(to) <= 0) {
			return false;
		}
		Priority from = current.triage().priority();
		BugRow raised = current.with(current.triage().withPriority(to)).withUpdatedAt(Times.now(this.clock));
		this.bugs.update(raised, current.stamps().version());
		this.bugs.insertHistory(bugId, null, "priority", from.key(), to.key(), raised.stamps().updatedAt());
		this.events.publishEvent(new BugChanged(bugId, current.projectId(), current.key(), null,
				Map.of("priority", new BugChanged.Change(from.key(), to.key()))));
		return true;
	}

	@Transactional
	public void delete(String bugRef, CurrentUser user) {
		BugRow bug = this.editor.locate(bugRef, user, true);
		this.access.membership(bug.projectId(), user).require(ProjectAction.DELETE_BUG);
		this.bugs.delete(bug.id());
	}

	/** For pages: which roles may be picked as assignee. */
	public static boolean canWorkBugs(ProjectRole role) {
		return role == ProjectRole.ADMIN || role == ProjectRole.DEVELOPER;
	}

}
