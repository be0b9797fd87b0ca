package dev.fixpoint.projects.web;

import java.util.UUID;

/** URLs of the project pages, for controllers and templates alike. */
public final class ProjectRoutes {

	public static final String PROJECTS = "/projects";

	public static final String NEW_PROJECT = "/projects/new";

	public static final String SWITCHER = "/projects/switcher";

	static final String MEMBERS = "/p/{key}/members";

	static final String MEMBER = "/p/{key}/members/{userId}";

	static final String COMPONENTS = "/p/{key}/components";

	static final String MEMBER_SUGGESTIONS = "/p/{key}/members/suggest";

	private ProjectRoutes() {
	}

	/** The bug list, served by the bugs module. */
	public static String bugs(String key) {
		return "/p/" + key + "/bugs";
	}

	public static String members(String key) {
		return "/p/" + key + "/members";
	}

	public static String member(String key, UUID userId) {
		return members(key) + "/" + userId;
	}

	/**
	 * Members matching {@code ?q=}, as JSON: the mention autocomplete of markdown text
	 * areas.
	 */
	public static String memberSuggestions(String key) {
		return members(key) + "/suggest";
	}

	public static String components(String key) {
		return "/p/" + key + "/components";
	}

}
