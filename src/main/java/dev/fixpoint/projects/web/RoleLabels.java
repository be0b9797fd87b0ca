package dev.fixpoint.projects.web;

import dev.fixpoint.projects.ProjectRole;

/** Role names as people read them ("QA", not "qa" or "Qa"). */
public final class RoleLabels {

	private RoleLabels() {
	}

	public static String of(ProjectRole role) {
		return switch (role) {
			case ADMIN -> "Admin";
			case DEVELOPER -> "Developer";
			case QA -> "QA";
			case VIEWER -> "Viewer";
		};
	}

}
