package dev.fixpoint.attachments.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.fixpoint.attachments.Attachment;
import dev.fixpoint.attachments.AttachmentProperties;
import dev.fixpoint.attachments.Attachments;
import dev.fixpoint.attachments.PreviewKind;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.Dates;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.stereotype.Component;

/**
 * Assembles what the attachment pages show from the attachments facade, the bug and the
 * caller's role.
 */
@Component
class AttachmentPages {

	private final Attachments attachments;

	private final BugQueries bugs;

	private final ProjectAccess access;

	private final AttachmentProperties properties;

	private final Clock clock;

	AttachmentPages(Attachments attachments, BugQueries bugs, ProjectAccess access, AttachmentProperties properties,
			Clock clock) {
		this.attachments = attachments;
		this.bugs = bugs;
		this.access = access;
		this.properties = properties;
		this.clock = clock;
	}

	/** The bug's panel: images, other files, and files of comments grouped by comment. */
	AttachmentPanel panel(String bugRef, CurrentUser user) {
		Context context = context(bugRef, user);
		List<Attachment> all = this.attachments.all(user, context.bug().id().toString());
		Map<UUID, String> names = all.stream().collect(Collectors.toMap(Attachment::id, Attachment::filename));
		Function<Attachment, AttachmentView> view = a -> view(a, context, names.get(a.annotationOf()));
		List<AttachmentView> own = all.stream().filter(a -> a.commentId() == null).map(view).toList();
		Map<UUID, List<AttachmentView>> byComment = new LinkedHashMap<>();
		all.stream()
			.filter(a -> a.commentId() != null)
			.forEach(a -> byComment.computeIfAbsent(a.commentId(), c -> new ArrayList<>()).add(view.apply(a)));
		List<AttachmentPanel.CommentGroup> groups = byComment.entrySet()
			.stream()
			.map(e -> new AttachmentPanel.CommentGroup(e.getKey(), images(e.getValue(), true),
					images(e.getValue(), false)))
			.toList();
		Bug bug = context.bug();
		return new AttachmentPanel(bug.key(), bug.title(), context.member().capabilities(),
				context.member().can(ProjectAction.ATTACH), maxSize(), images(own, true), images(own, false), groups);
	}

	/** One attachment as the panel shows it (the fragment answering an upload). */
	AttachmentView item(Attachment attachment, CurrentUser user) {
		Context context = context(attachment.bugId().toString(), user);
		String original = attachment.annotationOf() == null ? null
				: this.attachments.get(user, attachment.annotationOf()).filename();
		return view(attachment, context, original);
	}

	Bug bug(String bugRef, CurrentUser user) {
		return this.bugs.find(bugRef, user);
	}

	Membership membership(Bug bug, CurrentUser user) {
		return this.access.membership(bug.projectId(), user);
	}

	long maxSize() {
		return this.properties.maxSize().toBytes();
	}

	private Context context(String bugRef, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		return new Context(bug, this.access.membership(bug.projectId(), user), Times.now(this.clock));
	}

	private static List<AttachmentView> images(List<AttachmentView> views, boolean images) {
		return views.stream().filter(v -> v.isImage() == images).toList();
	}

	private static AttachmentView view(Attachment a, Context context, String originalName) {
		Membership member = context.member();
		boolean mine = a.uploadedBy() != null && a.uploadedBy().id().equals(member.user().id());
		boolean canDelete = member.role() == ProjectRole.ADMIN || (mine && member.can(ProjectAction.ATTACH));
		boolean image = a.preview() == PreviewKind.IMAGE;
		return new AttachmentView(a.id(), context.bug().key(), a.commentId(), a.filename(), a.fileSize(), a.mimeType(),
				a.preview().key(), a.downloadUrl(), a.thumbnailUrl() != null ? a.thumbnailUrl() : a.downloadUrl(),
				a.width(), a.height(), a.uploadedBy() == null ? "A former user" : a.uploadedBy().name(),
				Dates.ago(a.createdAt(), context.now()), Dates.exact(a.createdAt()), a.annotationOf(), originalName,
				canDelete, image && member.can(ProjectAction.ATTACH));
	}

	private record Context(Bug bug, Membership member, Instant now) {
	}

}
