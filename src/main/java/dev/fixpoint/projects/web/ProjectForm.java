package dev.fixpoint.projects.web;

import java.util.Locale;

import dev.fixpoint.projects.NewProject;

/**
 * The new-project form as submitted; the key is upper-cased for the person, the rules are
 * {@link NewProject}'s.
 */
public record ProjectForm(String name, String key, String description, Boolean isPublic) {

	NewProject toNewProject() {
		return new NewProject(this.name, this.key == null ? null : this.key.trim().toUpperCase(Locale.ROOT),
				this.description, null, Boolean.TRUE.equals(this.isPublic));
	}

	public boolean publicChecked() {
		return Boolean.TRUE.equals(this.isPublic);
	}

}
