package dev.fixpoint.comments;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugMarkdown;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRef;
import dev.fixpoint.bugs.UserMentioned;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.SafeHtml;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation on a bug: markdown comments, one level of replies, internal notes that
 * viewers never see, edits and deletes by the author or an admin. Each change is also a
 * history entry of the bug.
 */
@Service
public class Comments {

	static final int MAX_LENGTH = 65_536;

	private final CommentRepository comments;

	private final BugQueries bugs;

	private final BugManagement history;

	private final ProjectAccess access;

	private final BugMarkdown markdown;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Comments(CommentRepository comments, BugQueries bugs, BugManagement history, ProjectAccess access,
			BugMarkdown markdown, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.comments = comments;
		this.bugs = bugs;
		this.history = history;
		this.access = access;
		this.markdown = markdown;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Comment add(String bugRef, NewComment comment, CurrentUser user) {
		BugRef bug = this.bugs.locate(bugRef, user);
		return add(bug, this.access.membership(bug.projectId(), user), comment);
	}

	/**
	 * Adds a comment to a bug the caller located already, as {@code member} (also a named
	 * system actor's membership: the portal adds what a reporter sends).
	 */
	@Transactional
	public Comment add(BugRef bug, Membership member, NewComment comment) {
		if (!bug.projectId().equals(member.projectId())) {
			throw NotFoundException.of("Bug");
		}
		member.require(ProjectAction.COMMENT);
		CurrentUser user = member.user();
		String content = validContent(comment.content());
		boolean internal = Boolean.TRUE.equals(comment.isInternal());
		boolean forReporter = Boolean.TRUE.equals(comment.visibleToReporter());
		if (internal && forReporter) {
			throw InvalidInputException.of("visible_to_reporter", "an internal note is never shown to the reporter");
		}
		if (comment.parentId() != null) {
			CommentRepository.CommentRow parent = this.comments.find(comment.parentId())
				.filter(p -> p.bugId().equals(bug.id()) && p.deletedAt() == null)
				.filter(p -> !p.isInternal() || member.can(ProjectAction.READ_INTERNAL))
				.orElseThrow(() -> InvalidInputException.of("parent_id", "is not a comment of this bug"));
			if (parent.parentId() != null) {
				throw InvalidInputException.of("parent_id", "replies are one level deep: reply to the first comment");
			}
			internal = internal || parent.isInternal(); // a reply to an internal note
														// stays internal
			forReporter = forReporter && !internal;
		}
		BugMarkdown.Rendered rendered = this.markdown.render(member, content);
		Instant now = Times.now(this.clock);
		CommentRepository.CommentRow row = new CommentRepository.CommentRow(Ids.newId(), bug.id(), user.id(),
				comment.parentId(), content, rendered.html().html(), internal, forReporter, now, now, null, null);
		this.comments.insert(row, BugMarkdown.VERSION);
		this.history.recordActivity(bug, user.id(), historyField(internal, "added"), null, row.id().toString(), now);
		this.events.publishEvent(new CommentAdded(row.id(), bug.id(), bug.projectId(), bug.key(), user.id(), internal,
				row.parentId(), rendered.mentioned(), forReporter));
		for (UUID mentioned : rendered.mentioned()) {
			if (!mentioned.equals(user.id()) && (!internal || canReadInternal(bug.projectId(), mentioned))) {
				this.events.publishEvent(new UserMentioned(mentioned, bug.id(), bug.projectId(), bug.key(), user.id(),
						row.id(), internal));
			}
		}
		return view(row, Map.of(user.id(), summary(user)));
	}

	/**
	 * One comment as the API shows it to {@code member} (an integration acting for a
	 * person), or empty when it is deleted, in another project, or an internal note the
	 * member's role does not read. Does not throw: callers run inside other work's
	 * transactions.
	 */
	@Transactional(readOnly = true)
	public Optional<Comment> find(UUID commentId, Membership member) {
		return this.comments.find(commentId)
			.filter(row -> row.deletedAt() == null)
			.filter(row -> !row.isInternal() || member.can(ProjectAction.READ_INTERNAL))
			.filter(row -> this.bugs.find(row.bugId(), member).isPresent())
			.map(row -> view(row,
					this.accounts.findAll(List.of(row.authorId()))
						.stream()
						.collect(java.util.stream.Collectors.toMap(UserSummary::id, u -> u))));
	}

	/** Oldest first; viewers do not get internal notes (hidden, not an error). */
	@Transactional(readOnly = true)
	public Page<Comment> list(String bugRef, String cursor, Integer limit, CurrentUser user) {
		BugRef bug = this.bugs.locate(bugRef, user);
		Membership member = this.access.membership(bug.projectId(), user);
		int size = limit == null ? Page.MAX_LIMIT : Page.limit(limit);
		Cursor.TimeAndId after = Cursor.timeAndId(cursor);
		List<CommentRepository.CommentRow> rows = this.comments.page(bug.id(), member.can(ProjectAction.READ_INTERNAL),
				after.time(), after.id(), size + 1);
		boolean more = rows.size() > size;
		List<CommentRepository.CommentRow> page = more ? rows.subList(0, size) : rows;
		Map<UUID, UserSummary> authors = new HashMap<>();
		this.accounts.findAll(page.stream().map(CommentRepository.CommentRow::authorId).distinct().toList())
			.forEach(u -> authors.put(u.id(), u));
		String next = more
				? Cursor.of(page.get(page.size() - 1).createdAt().toString(), page.get(page.size() - 1).id().toString())
					.encode()
				: null;
		return new Page<>(page.stream().map(r -> view(r, authors)).toList(), next);
	}

	/**
	 * All comments of a bug, oldest first, as {@link #list} shows them (for its page).
	 */
	@Transactional(readOnly = true)
	public List<Comment> all(String bugRef, CurrentUser user) {
		BugRef bug = this.bugs.locate(bugRef, user);
		return all(bug, this.access.membership(bug.projectId(), user));
	}

	/**
	 * The same for a member of the bug's project, who has located the bug already (a page
	 * that read both); another project's bug is not found.
	 */
	@Transactional(readOnly = true)
	public List<Comment> all(BugRef bug, Membership member) {
		if (!bug.projectId().equals(member.projectId())) {
			throw NotFoundException.of("Bug");
		}
		List<CommentRepository.CommentRow> rows = this.comments.page(bug.id(), member.can(ProjectAction.READ_INTERNAL),
				null, null, Integer.MAX_VALUE);
		Map<UUID, UserSummary> authors = new HashMap<>();
		this.accounts.findAll(rows.stream().map(CommentRepository.CommentRow::authorId).distinct().toList())
			.forEach(u -> authors.put(u.id(), u));
		return rows.stream().map(r -> view(r, authors)).toList();
	}

	/**
	 * The comments of a bug its portal reporter sees (flagged visible to reporter, never
	 * internal, not deleted), oldest first, for a member of its project (the portal's
	 * system membership).
	 */
	@Transactional(readOnly = true)
	public List<Comment> visibleToReporter(BugRef bug, Membership member) {
		if (!bug.projectId().equals(member.projectId())) {
			throw NotFoundException.of("Bug");
		}
		List<CommentRepository.CommentRow> rows = this.comments.visibleToReporter(bug.id());
		Map<UUID, UserSummary> authors = new HashMap<>();
		this.accounts.findAll(rows.stream().map(CommentRepository.CommentRow::authorId).distinct().toList())
			.forEach(u -> authors.put(u.id(), u));
		return rows.stream().map(r -> view(r, authors)).toList();
	}

	/**
	 * What {@code content} will look like as a comment on this bug: the same rendering
	 * (bug keys, mentions) and sanitizing as a saved comment. Nothing is stored and
	 * nobody is notified.
	 */
	@Transactional(readOnly = true)
	public SafeHtml preview(String bugRef, String content, CurrentUser user) {
		BugRef bug = this.bugs.locate(bugRef, user);
		Membership member = this.access.membership(bug.projectId(), user).require(ProjectAction.COMMENT);
		if (content == null || content.isBlank()) {
			return SafeHtml.EMPTY;
		}
		return this.markdown.render(member, validContent(content)).html();
	}

	@Transactional
	public Comment edit(UUID commentId, String content, Boolean isInternal, CurrentUser user) {
		return edit(commentId, content, isInternal, null, user);
	}

	/** {@code visibleToReporter} null: unchanged; an internal note never is. */
	@Transactional
	public Comment edit(UUID commentId, String content, Boolean isInternal, Boolean visibleToReporter,
			CurrentUser user) {
		Located located = locate(commentId, user);
		requireAuthorOrAdmin(located, user);
		String text = content == null ? located.row().content() : validContent(content);
		boolean internal = isInternal == null ? located.row().isInternal() : isInternal;
		if (located.row().parentId() != null && !internal
				&& this.comments.find(located.row().parentId())
					.map(CommentRepository.CommentRow::isInternal)
					.orElse(false)) {
			throw InvalidInputException.of("is_internal", "a reply to an internal note stays internal");
		}
		boolean forReporter = visibleToReporter == null ? located.row().visibleToReporter() && !internal
				: visibleToReporter;
		if (internal && forReporter) {
			throw InvalidInputException.of("visible_to_reporter", "an internal note is never shown to the reporter");
		}
		if (text.equals(located.row().content()) && internal == located.row().isInternal()
				&& forReporter == located.row().visibleToReporter()) {
			return view(located.row(), authorOf(located.row()));
		}
		BugMarkdown.Rendered rendered = this.markdown.render(located.member(), text);
		Instant now = Times.now(this.clock);
		this.comments.update(commentId, text, rendered.html().html(), BugMarkdown.VERSION, internal, forReporter, now);
		this.history.recordActivity(located.bug(), user.id(), historyField(internal, "edited"), null,
				commentId.toString(), now);
		this.events.publishEvent(new CommentChanged(commentId, located.bug().id(), located.bug().projectId(),
				located.bug().key(), user.id(), internal && located.row().isInternal(), false));
		return view(this.comments.find(commentId).orElseThrow(), authorOf(located.row()));
	}

	@Transactional
	public void delete(UUID commentId, CurrentUser user) {
		Located located = locate(commentId, user);
		requireAuthorOrAdmin(located, user);
		Instant now = Times.now(this.clock);
		this.comments.markDeleted(commentId, now);
		this.history.recordActivity(located.bug(), user.id(), historyField(located.row().isInternal(), "deleted"),
				commentId.toString(), null, now);
		this.events.publishEvent(new CommentChanged(commentId, located.bug().id(), located.bug().projectId(),
				located.bug().key(), user.id(), located.row().isInternal(), true));
	}

	/**
	 * History fields of internal notes start with {@code internal_note}, so viewers'
	 * history can leave them out.
	 */
	static String historyField(boolean internal, String what) {
		return (internal ? "internal_note_" : "comment_") + what;
	}

	private record Located(CommentRepository.CommentRow row, BugRef bug, Membership member) {
	}

	/**
	 * A comment the caller may see; anything else (other projects, internal for viewers,
	 * deleted) is 404.
	 */
	private Located locate(UUID commentId, CurrentUser user) {
		CommentRepository.CommentRow row = this.comments.find(commentId)
			.filter(c -> c.deletedAt() == null)
			.orElseThrow(() -> NotFoundException.of("Comment"));
		BugRef bug;
		Membership member;
		try {
			bug = this.bugs.locate(row.bugId().toString(), user);
			member = this.access.membership(bug.projectId(), user);
		}
		catch (DomainException ex) {
			throw NotFoundException.of("Comment");
		}
		if (row.isInternal() && !member.can(ProjectAction.READ_INTERNAL)) {
			throw NotFoundException.of("Comment");
		}
		return new Located(row, bug, member);
	}

	private static void requireAuthorOrAdmin(Located located, CurrentUser user) {
		if (!located.row().authorId().equals(user.id()) && located.member().role() != ProjectRole.ADMIN) {
			throw ForbiddenException.because("Only the author or a project admin can change this comment");
		}
		located.member().require(ProjectAction.COMMENT);
	}

	private boolean canReadInternal(UUID projectId, UUID userId) {
		return this.access.roleOf(projectId, userId).map(ProjectAction.READ_INTERNAL::allowedFor).orElse(false);
	}

	private static String validContent(String content) {
		if (content == null || content.isBlank()) {
			throw InvalidInputException.of("content", "is required");
		}
		if (content.length() > MAX_LENGTH) {
			throw InvalidInputException.of("content", "must be at most 65,536 characters");
		}
		return content.strip();
	}

	private Map<UUID, UserSummary> authorOf(CommentRepository.CommentRow row) {
		Map<UUID, UserSummary> map = new HashMap<>();
		this.accounts.find(row.authorId()).ifPresent(u -> map.put(u.id(), u));
		return map;
	}

	private static UserSummary summary(CurrentUser user) {
		return new UserSummary(user.id(), user.email(), user.name(), user.username());
	}

	private static Comment view(CommentRepository.CommentRow r, Map<UUID, UserSummary> authors) {
		boolean deleted = r.deletedAt() != null;
		return new Comment(r.id(), r.bugId(), authors.get(r.authorId()), deleted ? "" : r.content(),
				deleted ? "" : r.contentHtml(), r.isInternal(), r.visibleToReporter(), r.parentId(), r.createdAt(),
				r.updatedAt(), r.editedAt() != null && !Objects.equals(r.editedAt(), r.createdAt()), deleted);
	}

}
