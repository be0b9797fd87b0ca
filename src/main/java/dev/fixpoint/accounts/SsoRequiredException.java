package dev.fixpoint.accounts;

import java.util.List;

import dev.fixpoint.platform.UnauthorizedException;

/**
 * A right password that does not sign this person in: their organization (or their email
 * domain's) requires single sign-on. Carries the providers to offer instead, which the
 * sign-in page shows as buttons (told only once the password was right).
 */
public class SsoRequiredException extends UnauthorizedException {

	private final transient List<SingleSignOn.Button> providers;

	SsoRequiredException(String detail, List<SingleSignOn.Button> providers) {
		super(detail);
		this.providers = List.copyOf(providers);
	}

	public List<SingleSignOn.Button> providers() {
		return this.providers;
	}

}
