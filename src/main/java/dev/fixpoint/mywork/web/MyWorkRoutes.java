package dev.fixpoint.mywork.web;

import dev.fixpoint.mywork.WorkList;

/** My work's URLs, for the controller and the templates. */
public final class MyWorkRoutes {

	public static final String HOME = "/";

	static final String LIST = "/my/{list}";

	private MyWorkRoutes() {
	}

	public static String list(WorkList list) {
		return "/my/" + list.slug();
	}

}
