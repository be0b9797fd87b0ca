package dev.fixpoint.portal.web;

/** The portal's and status page's addresses, for controllers and templates alike. */
public final class PortalRoutes {

	private PortalRoutes() {
	}

	public static String form(String projectKey) {
		return "/portal/" + projectKey;
	}

	public static String similar(String projectKey) {
		return "/portal/" + projectKey + "/similar";
	}

	public static String ticket(String ticket) {
		return "/portal/tickets/" + ticket;
	}

	public static String messages(String ticket) {
		return "/portal/tickets/" + ticket + "/messages";
	}

	public static String unsubscribe(String ticket) {
		return "/portal/tickets/" + ticket + "/unsubscribe";
	}

	public static final String CONFIRM = "/portal/confirm";

	/** Stops the emails of all of an address's tickets (a digest's link). */
	public static final String UNSUBSCRIBE_ALL = "/portal/emails/unsubscribe";

	public static String status(String org) {
		return "/status/" + org;
	}

	public static String feed(String org) {
		return "/status/" + org + "/feed.atom";
	}

	public static String rss(String org) {
		return "/status/" + org + "/feed.rss";
	}

	public static String subscribe(String org) {
		return "/status/" + org + "/subscribe";
	}

	/** Following one entry of a status page (its updates only). */
	public static String follow(String org, java.util.UUID entry) {
		return "/status/" + org + "/entries/" + entry + "/subscribe";
	}

	public static String subscription(String org) {
		return "/status/" + org + "/subscription";
	}

	public static String statusUnsubscribe(String org) {
		return "/status/" + org + "/unsubscribe";
	}

	public static String settings(String projectKey) {
		return "/p/" + projectKey + "/settings/portal";
	}

	public static String bugPanel(String bugKey) {
		return "/bugs/" + bugKey + "/portal";
	}

}
