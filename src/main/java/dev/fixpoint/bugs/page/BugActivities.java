package dev.fixpoint.bugs.page;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRef;
import dev.fixpoint.bugs.HistoryEntry;
import dev.fixpoint.comments.Comment;
import dev.fixpoint.comments.Comments;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.Dates;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.stereotype.Component;

/**
 * Assembles a bug's activity: history lines and comment threads in one timeline, oldest
 * first. Replies sit under their comment; the comment history ("added") is not repeated
 * next to the comment itself.
 */
@Component
class BugActivities {

	private final BugQueries queries;

	private final Comments comments;

	private final ProjectMembers members;

	private final Clock clock;

	BugActivities(BugQueries queries, Comments comments, ProjectMembers members, Clock clock) {
		this.queries = queries;
		this.comments = comments;
		this.members = members;
		this.clock = clock;
	}

	/**
	 * The timeline; the history is read before the comments (each statement sees what
	 * committed before it), so a comment change the comments miss counts in no history
	 * entry the page has ({@link Activity#history}).
	 */
	Activity of(Bug bug, Membership member, CommentDraft draft) {
		Instant now = Times.now(this.clock);
		List<HistoryEntry> history = this.queries.history(bug, member);
		List<TimelineEntry> entries = new ArrayList<>();
		lines(bug, member, history).forEach(l -> entries.add(TimelineEntry.of(l)));
		threads(this.comments.all(new BugRef(bug.id(), bug.projectId(), bug.key()), member), member, now)
			.forEach(t -> entries.add(TimelineEntry.of(t)));
		// stable: a history line and a comment of the same instant keep "history first"
		entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
		String key = bug.key();
		return new Activity(key, key.substring(0, key.lastIndexOf('-')), entries, member.can(ProjectAction.COMMENT),
				member.can(ProjectAction.READ_INTERNAL), draft, history.size());
	}

	List<HistoryLine> history(Bug bug, Membership member) {
		return lines(bug, member, this.queries.history(bug, member));
	}

	private List<HistoryLine> lines(Bug bug, Membership member, List<HistoryEntry> entries) {
		// names only of the people the history names: the bug's own people are at hand,
		// anyone else is looked up among the project's current members (a former member
		// stays unnamed), never the whole member list (hundreds) on a page view
		Set<UUID> named = entries.stream()
			.filter(e -> HistoryLines.PEOPLE.contains(e.field()))
			.flatMap(e -> Stream.of(e.oldValue(), e.newValue()))
			.map(v -> v == null ? null : Ids.parse(v).orElse(null))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<String, String> names = new HashMap<>();
		Stream.of(bug.reporter(), bug.assignee(), bug.verifiedBy())
			.filter(u -> u != null && named.contains(u.id()))
			.forEach(u -> names.put(u.id().toString(), u.name()));
		Set<UUID> others = named.stream().filter(id -> !names.containsKey(id.toString())).collect(Collectors.toSet());
		this.members.among(member.projectId(), others).forEach(u -> names.put(u.id().toString(), u.name()));
		return HistoryLines.of(bug, entries, member.project().workflow(), names, Times.now(this.clock));
	}

	/**
	 * Top-level comments with their replies; a reply whose comment is not shown stands on
	 * its own.
	 */
	private static List<CommentView> threads(List<Comment> all, Membership member, Instant now) {
		Set<UUID> shown = all.stream().map(Comment::id).collect(Collectors.toSet());
		Map<UUID, List<Comment>> replies = new LinkedHashMap<>();
		List<Comment> roots = new ArrayList<>();
		for (Comment c : all) {
			if (c.parentId() != null && shown.contains(c.parentId())) {
				replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
			}
			else {
				roots.add(c);
			}
		}
		return roots.stream()
			.map(c -> view(c, member, now,
					replies.getOrDefault(c.id(), List.of())
						.stream()
						.map(r -> view(r, member, now, List.of()))
						.toList()))
			.toList();
	}

	private static CommentView view(Comment c, Membership member, Instant now, List<CommentView> replies) {
		boolean canComment = member.can(ProjectAction.COMMENT);
		UserSummary author = c.author();
		boolean mine = author != null && author.id().equals(member.user().id());
		boolean canChange = canComment && !c.deleted() && (mine || member.role() == ProjectRole.ADMIN);
		boolean canReply = canComment && !c.deleted() && c.parentId() == null;
		return new CommentView(c, canChange, canReply, Dates.ago(c.createdAt(), now), Dates.exact(c.createdAt()),
				replies);
	}

}
