package dev.fixpoint.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** What a handler needs to know about htmx: is this request an htmx swap (answer with a fragment)? */
public final class Htmx {

	private Htmx() {
	}

	public static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

}
