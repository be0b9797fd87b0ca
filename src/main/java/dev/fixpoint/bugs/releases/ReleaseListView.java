package dev.fixpoint.bugs.releases;

import java.util.List;

import dev.fixpoint.bugs.Release;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;

/**
 * What {@code bugs/releases/list.jte} shows: the releases with their progress, and for
 * project admins the form to add one.
 */
public record ReleaseListView(Capabilities can, List<Release> releases, boolean archived, ReleaseForm form,
		FormErrors errors) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String url() {
		return ReleasesController.url(projectKey());
	}

	public String url(Release release) {
		return ReleasesController.url(projectKey(), release);
	}

	public boolean manage() {
		return this.can.admin();
	}

}
