package dev.fixpoint.accounts;

import java.util.UUID;

import dev.fixpoint.platform.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which plan an organization is on and what it allows. Off by default
 * ({@code FIXPOINT_PLANS=off}: everything unlimited, every feature on). A plan that
 * shrinks loses nothing: members and projects over the limit stay, only new ones are
 * refused.
 */
@Service
public class Plans {

	private final OrganizationRepository organizations;

	private final boolean enabled;

	Plans(OrganizationRepository organizations, @Value("${fixpoint.plans:off}") String plans) {
		this.organizations = organizations;
		this.enabled = "on".equalsIgnoreCase(plans) || "true".equalsIgnoreCase(plans);
	}

	public boolean enabled() {
		return this.enabled;
	}

	/** The organization's plan; with plans off, Enterprise (nothing is limited). */
	@Transactional(readOnly = true)
	public Plan of(UUID orgId) {
		if (!this.enabled) {
			return Plan.ENTERPRISE;
		}
		return Plan.parse(this.organizations.plan(orgId).orElseThrow(() -> NotFoundException.of("Organization")));
	}

	/**
	 * Refuses a new project past the plan's limit (403 {@code plan-limit}); the caller
	 * (projects) counts its projects.
	 */
	@Transactional(readOnly = true)
	public void checkNewProject(UUID orgId, int projectsNow) {
		Plan plan = of(orgId);
		if (plan.projects() >= 0 && projectsNow >= plan.projects()) {
			throw new PlanLimitException("projects", plan, plan.projects(), projectsNow);
		}
	}

	/** Refuses a new member past the plan's limit. */
	@Transactional(readOnly = true)
	public void checkNewMember(UUID orgId) {
		Plan plan = of(orgId);
		if (plan.members() >= 0) {
			int members = this.organizations.memberCount(orgId);
			if (members >= plan.members()) {
				throw new PlanLimitException("members", plan, plan.members(), members);
			}
		}
	}

	/** Refuses an Enterprise feature (SSO, the audit log export) on a smaller plan. */
	@Transactional(readOnly = true)
	public void checkEnterprise(UUID orgId, String feature) {
		Plan plan = of(orgId);
		if (!plan.enterpriseFeatures()) {
			throw new PlanLimitException(feature, plan);
		}
	}

}
