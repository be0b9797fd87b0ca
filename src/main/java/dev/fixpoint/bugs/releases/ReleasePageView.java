package dev.fixpoint.bugs.releases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.Release;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.platform.web.Dates;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.workflow.Workflow;

/**
 * What {@code bugs/releases/release.jte} shows: a release, its progress and the bugs
 * fixed in it (the first {@link ReleasesController#SHOWN}; the bug list has them all).
 */
public record ReleasePageView(Capabilities can, Workflow workflow, Release release, List<Bug> bugs, boolean more,
		Instant now) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public boolean manage() {
		return this.can.admin();
	}

	public String url() {
		return ReleasesController.url(projectKey(), this.release);
	}

	public String listUrl() {
		return ReleasesController.url(projectKey());
	}

	/** The bug list filtered to this release ({@code field}: fixed_in or affects). */
	public String bugsUrl(String field) {
		return BugRoutes.list(projectKey()) + "?" + field + "="
				+ URLEncoder.encode(this.release.name(), StandardCharsets.UTF_8);
	}

	public String statusName(String key) {
		return this.workflow.status(key).map(Workflow.Status::name).orElse(key);
	}

	public String statusCategory(String key) {
		return this.workflow.categoryOf(key).json();
	}

	public String ago(Instant time) {
		return Dates.ago(time, this.now);
	}

}
