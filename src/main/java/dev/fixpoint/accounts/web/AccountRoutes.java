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

	static final String NEW_PROJECT = "/projects/new";

	private AccountRoutes() {
	}

}
