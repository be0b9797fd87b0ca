package dev.fixpoint.attachments;

import java.util.UUID;

import org.springframework.stereotype.Component;

/** A project's attachment rules, or the defaults while it has none. */
@Component
class ProjectSettings {

	private final AttachmentRepository attachments;

	ProjectSettings(AttachmentRepository attachments) {
		this.attachments = attachments;
	}

	AttachmentSettings of(UUID projectId) {
		return this.attachments.settings(projectId).orElseGet(AttachmentSettings::defaults);
	}

}
