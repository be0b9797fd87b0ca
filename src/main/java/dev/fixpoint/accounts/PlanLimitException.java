package dev.fixpoint.accounts;

import java.net.URI;
import java.util.Map;

import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.Problems;

/**
 * 403 {@code plan-limit}: the organization's plan allows no more of something; the
 * problem says which limit, how much is used and where to upgrade.
 */
public class PlanLimitException extends ForbiddenException {

	static final URI TYPE = URI.create(Problems.BASE + "plan-limit");

	PlanLimitException(String what, Plan plan, int limit, int used) {
		super(new Kind(TYPE, "Plan limit reached"),
				"The " + plan.label() + " plan allows " + limit + " " + what + " per organization; upgrade to add more",
				Map.of("plan", plan.key(), "limit", limit, "used", used, "upgrade",
						"Ask a site admin to move the organization to the Team plan"));
	}

	PlanLimitException(String feature, Plan plan) {
		super(new Kind(TYPE, "Plan limit reached"),
				feature + " is part of the Enterprise plan (this organization is on " + plan.label() + ")",
				Map.of("plan", plan.key(), "upgrade",
						"Ask a site admin to move the organization to the Enterprise plan"));
	}

}
