package dev.fixpoint.portal.web;

import java.util.List;

import dev.fixpoint.portal.PortalSettings;

import org.springframework.web.bind.annotation.BindParam;

/** The portal settings form as posted (checkboxes absent when off). */
public record PortalSettingsForm(String enabled, @BindParam("require_email_confirmation") String confirmation,
		String intro, List<String> fields, @BindParam("default_component") String defaultComponent,
		@BindParam("default_severity") String defaultSeverity) {

	static PortalSettingsForm of(PortalSettings s) {
		return new PortalSettingsForm(s.on() ? "on" : null, s.confirmationRequired() ? "on" : null, s.intro(),
				s.fields(), s.defaultComponent(), s.defaultSeverity());
	}

	PortalSettings toSettings() {
		return new PortalSettings(this.enabled != null, this.confirmation != null, this.intro,
				this.fields == null ? List.of() : this.fields,
				this.defaultComponent == null || this.defaultComponent.isBlank() ? null : this.defaultComponent,
				this.defaultSeverity);
	}

	public boolean isEnabled() {
		return this.enabled != null;
	}

	public boolean isConfirmation() {
		return this.confirmation != null;
	}

	public boolean asks(String field) {
		return this.fields != null && this.fields.contains(field);
	}

	public String introText() {
		return this.intro == null ? "" : this.intro;
	}

}
