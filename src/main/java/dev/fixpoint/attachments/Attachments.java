package dev.fixpoint.attachments;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.attachments.AttachmentAccess.BugScope;
import dev.fixpoint.attachments.AttachmentAccess.Located;
import dev.fixpoint.attachments.AttachmentRepository.AttachmentRow;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of attachments, shared by the API and the pages: upload (to a bug, a
 * comment, or as an annotated copy of an image), list, read, delete. Reading needs
 * membership of the bug's project (else 404); uploading the {@code attach} right (viewers
 * get 403); deleting is for the uploader or a project admin.
 */
@Service
public class Attachments {

	private final AttachmentAccess access;

	private final UploadPipeline pipeline;

	private final AttachmentRepository attachments;

	private final AttachmentViews views;

	private final Purges purges;

	private final Limits limits;

	private final ProjectSettings settings;

	Attachments(AttachmentAccess access, UploadPipeline pipeline, AttachmentRepository attachments,
			AttachmentViews views, Purges purges, Limits limits, ProjectSettings settings) {
		this.access = access;
		this.pipeline = pipeline;
		this.attachments = attachments;
		this.views = views;
		this.purges = purges;
		this.limits = limits;
		this.settings = settings;
	}

	/**
	 * Stores {@code content} as an attachment of the bug ({@code bugRef}: id or key),
	 * optionally of one of its comments or as an annotated copy of one of its image
	 * attachments. {@code declaredSize} is the length the client announced, or -1; the
	 * stream is counted and cut at the limit anyway. Not transactional: the bytes flow
	 * outside any database transaction.
	 */
	public Attachment upload(CurrentUser user, String bugRef, UUID commentId, UUID annotationOf, String filename,
			InputStream content, long declaredSize) {
		BugScope scope = this.access.bug(bugRef, user);
		scope.member().require(ProjectAction.ATTACH);
		if (commentId != null && !this.access.visibleComments(scope.bug().id(), user).contains(commentId)) {
			throw InvalidInputException.of("comment_id", "is not a comment of this bug");
		}
		return upload(scope, commentId, annotationOf, filename, content, declaredSize);
	}

	/**
	 * Stores {@code content} as an attachment of a bug of {@code member}'s project,
	 * optionally of one of its comments visible to the reporter: for a named system
	 * actor's membership (the portal, for what a customer sends). The same pipeline and
	 * limits as
	 * {@link #upload(CurrentUser, String, UUID, UUID, String, InputStream, long)}.
	 */
	public Attachment upload(Membership member, UUID bugId, UUID commentId, String filename, InputStream content,
			long declaredSize) {
		member.require(ProjectAction.ATTACH);
		BugScope scope = this.access.bug(member, bugId);
		if (commentId != null && !this.access.reporterComments(scope).contains(commentId)) {
			throw InvalidInputException.of("comment_id", "is not a comment of this bug");
		}
		return upload(scope, commentId, null, filename, content, declaredSize);
	}

	private Attachment upload(BugScope scope, UUID commentId, UUID annotationOf, String filename, InputStream content,
			long declaredSize) {
		if (annotationOf != null) {
			AttachmentRow original = this.attachments.find(annotationOf)
				.filter(a -> a.bugId().equals(scope.bug().id()))
				.orElseThrow(() -> InvalidInputException.of("annotation_of", "is not an attachment of this bug"));
			if (PreviewKind.of(original.mimeType()) != PreviewKind.IMAGE) {
				throw InvalidInputException.of("annotation_of", "must be an image attachment");
			}
		}
		if (declaredSize == 0) {
			throw InvalidInputException.of("file", "is empty (0 bytes)");
		}
		this.limits.precheck(scope.member().project().orgId(), declaredSize);
		UploadPipeline.Request request = new UploadPipeline.Request(scope.bug().id(), scope.bug().projectId(),
				scope.member().project().orgId(), commentId, annotationOf, FileNames.clean(filename),
				scope.member().user().id(), scope.bug().key(),
				this.settings.of(scope.bug().projectId()).allowedTypes());
		return this.views.view(this.pipeline.upload(request, content, declaredSize));
	}

	/**
	 * A bug's attachments (those of comments the caller cannot see left out), oldest
	 * first, by keyset pages.
	 */
	@Transactional(readOnly = true)
	public Page<Attachment> list(CurrentUser user, String bugRef, String cursor, Integer limit) {
		BugScope scope = this.access.bug(bugRef, user);
		int size = limit == null ? Page.MAX_LIMIT : Page.limit(limit);
		Cursor.TimeAndId after = Cursor.timeAndId(cursor);
		Set<UUID> comments = this.access.visibleComments(scope.bug().id(), user);
		List<AttachmentRow> rows = this.attachments.page(scope.bug().id(), after.time(), after.id(), size + 1);
		boolean more = rows.size() > size;
		List<AttachmentRow> page = more ? rows.subList(0, size) : rows;
		String next = more
				? Cursor.of(page.get(size - 1).createdAt().toString(), page.get(size - 1).id().toString()).encode()
				: null;
		return new Page<>(
				this.views.views(
						page.stream().filter(r -> r.commentId() == null || comments.contains(r.commentId())).toList()),
				next);
	}

	/** All attachments of a bug the caller can see, oldest first (for the bug page). */
	@Transactional(readOnly = true)
	public List<Attachment> all(CurrentUser user, String bugRef) {
		BugScope scope = this.access.bug(bugRef, user);
		Set<UUID> comments = this.access.visibleComments(scope.bug().id(), user);
		return this.views.views(this.attachments.page(scope.bug().id(), null, null, 10_000)
			.stream()
			.filter(r -> r.commentId() == null || comments.contains(r.commentId()))
			.toList());
	}

	/** The attachments of one comment, oldest first. */
	@Transactional(readOnly = true)
	public List<Attachment> ofComment(CurrentUser user, String bugRef, UUID commentId) {
		return all(user, bugRef).stream().filter(a -> commentId.equals(a.commentId())).toList();
	}

	@Transactional(readOnly = true)
	public Attachment get(CurrentUser user, UUID id) {
		return this.views.view(this.access.attachment(id, user).row());
	}

	/**
	 * May the caller delete it: its uploader (if still allowed to attach) or a project
	 * admin.
	 */
	@Transactional(readOnly = true)
	public boolean canDelete(CurrentUser user, UUID id) {
		Located located = this.access.attachment(id, user);
		return mayDelete(located, user);
	}

	private static boolean mayDelete(Located located, CurrentUser user) {
		ProjectRole role = located.member().role();
		return role == ProjectRole.ADMIN
				|| (located.row().uploadedBy().equals(user.id()) && located.member().can(ProjectAction.ATTACH));
	}

	/**
	 * Deletes the row now and the stored bytes (original and thumbnail) right after
	 * commit.
	 */
	@Transactional
	public void delete(CurrentUser user, UUID id) {
		Located located = this.access.attachment(id, user);
		if (!mayDelete(located, user)) {
			throw ForbiddenException.because("Only the uploader or a project admin can delete this attachment");
		}
		this.attachments.delete(id);
		List<String> keys = located.row().thumbnailKey() == null ? List.of(located.row().objectKey())
				: List.of(located.row().objectKey(), located.row().thumbnailKey());
		this.purges.afterCommit(keys);
	}

	/** A freshly signed URL for an attachment the caller may see. */
	@Transactional(readOnly = true)
	public String signedUrl(CurrentUser user, UUID id, Variant variant) {
		Attachment attachment = get(user, id);
		if (variant == Variant.THUMBNAIL && !attachment.hasThumbnail()) {
			throw NotFoundException.of("Thumbnail");
		}
		return variant == Variant.ORIGINAL ? attachment.downloadUrl() : attachment.thumbnailUrl();
	}

}
