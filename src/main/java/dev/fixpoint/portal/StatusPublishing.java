package dev.fixpoint.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.workflow.StatusCategory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Project admins publish bugs on their organization's status page with public wording
 * (title, note, ETA), change it, or take it down. Publishing tells the page's confirmed
 * subscribers; a change of wording tells the entry's (both in their next digest).
 */
@Service
public class StatusPublishing {

	static final int NOTE_MAX = 2000;

	private final StatusRepository status;

	private final BugQueries bugs;

	private final ProjectAccess access;

	private final StatusNews news;

	private final Clock clock;

	StatusPublishing(StatusRepository status, BugQueries bugs, ProjectAccess access, StatusNews news, Clock clock) {
		this.status = status;
		this.bugs = bugs;
		this.access = access;
		this.news = news;
		this.clock = clock;
	}

	@Transactional
	public StatusEntry publish(String bugRef, StatusEntryInput input, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		Membership admin = this.access.membership(bug.projectId(), user).require(ProjectAction.MANAGE_PROJECT);
		List<FieldError> errors = new ArrayList<>();
		String title = input.publicTitle() == null ? "" : input.publicTitle().strip();
		if (title.isEmpty() || title.length() > ReportChecks.TITLE_MAX) {
			errors.add(new FieldError("public_title", "is required, at most 200 characters"));
		}
		String note = input.publicNote() == null ? "" : input.publicNote().strip();
		if (note.length() > NOTE_MAX) {
			errors.add(new FieldError("public_note", "must be at most 2,000 characters"));
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		Instant now = Times.now(this.clock);
		StatusCategory category = admin.project().workflow().categoryOf(bug.status());
		StatusRepository.EntryRow before = this.status.find(bug.id()).orElse(null);
		this.status.upsert(new StatusRepository.EntryRow(bug.id(), admin.project().orgId(), bug.projectId(), title,
				note, input.eta(), bug.severity().key(), category.json(), category == StatusCategory.DONE ? now : null,
				now, now));
		StatusRepository.EntryRow row = this.status.find(bug.id()).orElseThrow();
		if (before == null) {
			this.news.tell(row, true, now);
		}
		else if (!before.publicTitle().equals(row.publicTitle()) || !before.publicNote().equals(row.publicNote())
				|| !java.util.Objects.equals(before.eta(), row.eta())) {
			this.news.tell(row, false, now); // new wording: the entry's own followers
		}
		return StatusPage.entry(row);
	}

	@Transactional
	public void unpublish(String bugRef, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		this.access.membership(bug.projectId(), user).require(ProjectAction.MANAGE_PROJECT);
		if (this.status.delete(bug.id()) == 0) {
			throw NotFoundException.of("Status entry");
		}
	}

	/**
	 * A bug's status page entry for the bug page's panel (project admins: 403 for others,
	 * as publishing is).
	 */
	@Transactional(readOnly = true)
	public BugStatusEntry ofBug(String bugRef, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		Membership admin = this.access.membership(bug.projectId(), user).require(ProjectAction.MANAGE_PROJECT);
		return new BugStatusEntry(admin.capabilities(), bug.key(), bug.title(), admin.project().orgId(),
				this.status.find(bug.id()).map(StatusPage::entry).orElse(null));
	}

	/** The project's published entries, for its settings page (admins). */
	@Transactional(readOnly = true)
	public List<StatusEntry> ofProject(Membership admin) {
		admin.require(ProjectAction.MANAGE_PROJECT);
		return this.status.ofProject(admin.projectId()).stream().map(StatusPage::entry).toList();
	}

}
