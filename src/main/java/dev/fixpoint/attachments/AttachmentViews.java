package dev.fixpoint.attachments;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.attachments.AttachmentRepository.AttachmentRow;

import org.springframework.stereotype.Component;

/** Rows become {@link Attachment}s with freshly signed URLs. */
@Component
class AttachmentViews {

	private final Accounts accounts;

	private final SignedUrls urls;

	AttachmentViews(Accounts accounts, SignedUrls urls) {
		this.accounts = accounts;
		this.urls = urls;
	}

	Attachment view(AttachmentRow row) {
		return views(List.of(row)).get(0);
	}

	List<Attachment> views(List<AttachmentRow> rows) {
		Map<UUID, UserSummary> users = this.accounts
			.findAll(rows.stream().map(AttachmentRow::uploadedBy).distinct().toList())
			.stream()
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
		return rows.stream().map(r -> view(r, users.get(r.uploadedBy()))).toList();
	}

	private Attachment view(AttachmentRow r, UserSummary uploader) {
		boolean thumbnail = r.thumbnailKey() != null;
		return new Attachment(r.id(), r.bugId(), r.commentId(), r.annotationOf(), r.filename(), r.fileSize(),
				r.mimeType(), PreviewKind.of(r.mimeType()), r.width(), r.height(), thumbnail, uploader, r.createdAt(),
				this.urls.url(r.id(), Variant.ORIGINAL), thumbnail ? this.urls.url(r.id(), Variant.THUMBNAIL) : null);
	}

}
