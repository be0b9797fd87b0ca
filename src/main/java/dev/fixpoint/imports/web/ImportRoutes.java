package dev.fixpoint.imports.web;

import java.util.UUID;

/** The URLs of imports, for controllers and templates alike. */
public final class ImportRoutes {

	static final String API_PROJECT_IMPORTS = "/api/projects/{project}/imports";

	static final String API_IMPORT = "/api/imports/{id}";

	static final String API_IMPORT_CANCEL = "/api/imports/{id}/cancel";

	static final String API_IMPORT_UNDO = "/api/imports/{id}/undo";

	static final String PAGE_IMPORT_REMAP = "/p/{project}/imports/{id}/remap";

	static final String PAGE_IMPORT_UNDO = "/p/{project}/imports/{id}/undo";

	static final String API_IMPORT_WARNINGS = "/api/imports/{id}/warnings";

	static final String PAGE_IMPORTS = "/p/{project}/imports";

	static final String PAGE_IMPORT = "/p/{project}/imports/{id}";

	static final String PAGE_IMPORTS_CONNECT = "/p/{project}/imports/connect";

	static final String PAGE_IMPORT_PROGRESS = "/p/{project}/imports/{id}/progress";

	static final String PAGE_IMPORT_CANCEL = "/p/{project}/imports/{id}/cancel";

	static final String PAGE_IMPORT_RUN = "/p/{project}/imports/{id}/run";

	static final String PAGE_IMPORT_WARNINGS = "/p/{project}/imports/{id}/warnings.csv";

	private ImportRoutes() {
	}

	public static String imports(String projectKey) {
		return "/p/" + projectKey + "/imports";
	}

	public static String connect(String projectKey) {
		return imports(projectKey) + "/connect";
	}

	public static String job(String projectKey, UUID id) {
		return imports(projectKey) + "/" + id;
	}

	public static String progress(String projectKey, UUID id) {
		return job(projectKey, id) + "/progress";
	}

	public static String cancel(String projectKey, UUID id) {
		return job(projectKey, id) + "/cancel";
	}

	public static String run(String projectKey, UUID id) {
		return job(projectKey, id) + "/run";
	}

	public static String remap(String projectKey, UUID id) {
		return job(projectKey, id) + "/remap";
	}

	public static String undo(String projectKey, UUID id) {
		return job(projectKey, id) + "/undo";
	}

	public static String warnings(String projectKey, UUID id) {
		return job(projectKey, id) + "/warnings.csv";
	}

}
