package dev.fixpoint.portal;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.platform.CurrentUser;

/**
 * The portal's system actor: the reporter of every portal bug and the author of what a
 * customer adds on their tracking page (the customer's email is kept apart, in
 * {@code portal_reports}).
 */
final class PortalActor {

	private PortalActor() {
	}

	static CurrentUser user() {
		return new CurrentUser(SystemActor.PORTAL.id(), null, SystemActor.PORTAL.username(),
				SystemActor.PORTAL.displayName());
	}

}
