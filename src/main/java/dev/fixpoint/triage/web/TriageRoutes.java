package dev.fixpoint.triage.web;

/** Triage's page URLs and element ids, shared by controllers and templates. */
public final class TriageRoutes {

	/** The bug page's suggestions panel; deciding replaces the page. */
	public static final String PANEL_ID = "triage-panel";

	private TriageRoutes() {
	}

	public static String panel(String bugKey) {
		return "/bugs/" + bugKey + "/triage";
	}

	/**
	 * A triage queue row's hints (GET), and one decision about them (POST, htmx: the
	 * hints again).
	 */
	public static String hints(String bugKey) {
		return panel(bugKey) + "/hints";
	}

	public static String settings(String projectKey) {
		return "/p/" + projectKey + "/settings/triage";
	}

	public static String similar(String projectKey) {
		return "/p/" + projectKey + "/bugs/similar-fragment";
	}

}
