package dev.fixpoint.accounts;

import java.util.Map;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an organization requires a second factor of its members: its admins decide;
 * members without one are sent to enrolment when they sign in.
 */
@Service
public class TwoFactorPolicy {

	private final Organizations organizations;

	private final SecondFactorRepository factors;

	private final AuditLog audit;

	TwoFactorPolicy(Organizations organizations, SecondFactorRepository factors, AuditLog audit) {
		this.audit = audit;
		this.organizations = organizations;
		this.factors = factors;
	}

	/** The rule of an organization the caller belongs to (404 for others). */
	@Transactional(readOnly = true)
	public boolean required(String orgRef, CurrentUser caller) {
		return this.factors.organizationRequires(this.organizations.membership(orgRef, caller).id());
	}

	@Transactional
	public void require(String orgRef, CurrentUser caller, boolean required) {
		OrganizationMembership org = this.organizations.membership(orgRef, caller);
		if (!org.isAdmin()) {
			throw ForbiddenException.because("Only organization admins can change this");
		}
		boolean before = this.factors.organizationRequires(org.id());
		this.factors.setOrganizationRequires(org.id(), required);
		if (before != required) {
			this.audit.record(AuditEvent.of("org.two_factor_rule_changed", caller.id())
				.org(org.id())
				.target("organization", org.id(), org.name())
				.change(Map.of("required", before), Map.of("required", required)));
		}
	}

}
