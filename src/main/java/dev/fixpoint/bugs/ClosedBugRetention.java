package dev.fixpoint.bugs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectRetention;
import dev.fixpoint.projects.RetentionPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's retention policy for closed bugs as its admins see and change it, with how
 * many bugs it reaches right now (a dry run, also of a policy not saved yet). The policy
 * is kept by {@link ProjectRetention}; {@code RetentionJob} applies it.
 */
@Service
public class ClosedBugRetention {

	/** The policy and the closed bugs it would delete or anonymise if the job ran now. */
	public record RetentionSettings(@Schema(nullable = true) Integer retentionDays, String retentionAction,
			@Schema(description = "Closed bugs this policy would delete or anonymise if it ran now") long dueNow,
			@Schema(description = "true when the policy was only previewed (dry_run), not saved") boolean dryRun) {

		public RetentionPolicy policy() {
			return new RetentionPolicy(this.retentionDays, this.retentionAction);
		}

	}

	private final ProjectAccess access;

	private final ProjectRetention policies;

	private final RetentionRepository bugs;

	private final Clock clock;

	ClosedBugRetention(ProjectAccess access, ProjectRetention policies, RetentionRepository bugs, Clock clock) {
		this.access = access;
		this.policies = policies;
		this.bugs = bugs;
		this.clock = clock;
	}

	/** The project's policy (project admins). */
	@Transactional(readOnly = true)
	public RetentionSettings settings(String projectRef, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		RetentionPolicy policy = this.policies.policy(admin.projectId());
		return new RetentionSettings(policy.retentionDays(), policy.retentionAction(), due(admin, policy), false);
	}

	/**
	 * Saves the policy (project admins), or with {@code dryRun} only counts what it would
	 * reach now.
	 */
	@Transactional
	public RetentionSettings change(String projectRef, RetentionPolicy policy, boolean dryRun, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		RetentionPolicy valid = dryRun ? policy.validated() : this.policies.change(admin, policy);
		return new RetentionSettings(valid.retentionDays(), valid.retentionAction(), due(admin, valid), dryRun);
	}

	private long due(Membership admin, RetentionPolicy policy) {
		if (!policy.active()) {
			return 0;
		}
		return this.bugs.countDue(admin.projectId(), cutoff(Times.now(this.clock), policy), !policy.deletes());
	}

	static Instant cutoff(Instant now, RetentionPolicy policy) {
		return now.minus(Duration.ofDays(policy.retentionDays()));
	}

}
