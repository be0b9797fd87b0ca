package dev.fixpoint.portal;

import java.util.List;

/**
 * A project's portal settings, {@code GET/PUT /api/projects/{id}/portal}:
 * {@code {enabled, require_email_confirmation, intro, fields, default_component,
 * default_severity}}. {@code fields}: which optional parts the form asks for (of
 * {@link PortalField}); new reports go to the default component's owner. In a PUT an
 * absent or null value takes its default (off, confirmation required, no intro, every
 * field, no component, medium).
 */
public record PortalSettings(Boolean enabled, Boolean requireEmailConfirmation, String intro, List<String> fields,
		String defaultComponent, String defaultSeverity) {

	static final int INTRO_MAX = 4000;

	static PortalSettings defaults() {
		return new PortalSettings(false, true, "", PortalField.keys(), null, "medium");
	}

	/** Whether the form asks for {@code field}. */
	public boolean asks(PortalField field) {
		return this.fields != null && this.fields.contains(field.key());
	}

	public boolean on() {
		return Boolean.TRUE.equals(this.enabled);
	}

	public boolean confirmationRequired() {
		return !Boolean.FALSE.equals(this.requireEmailConfirmation);
	}

}
