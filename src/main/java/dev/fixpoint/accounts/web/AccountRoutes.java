package dev.fixpoint.accounts.web;

/**
 * The account pages' URLs, and where the projects module's pages are (composed through
 * URLs, not imports).
 */
final class AccountRoutes {

	static final String SETUP = "/setup";

	static final String LOGIN = "/login";

	static final String SIGNUP = "/signup";

	static final String TOKENS = "/settings/tokens";

	static final String PROJECTS = "/projects";

	/** Where a person lands after signing in: My work (module mywork). */
	static final String HOME = "/";

	static final String NEW_PROJECT = "/projects/new";

	private AccountRoutes() {
	}

}
