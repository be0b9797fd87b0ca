package dev.fixpoint.accounts;

import java.util.Arrays;

import dev.fixpoint.platform.InvalidInputException;

/**
 * Plans as data (no billing here): what an organization may have when
 * {@code FIXPOINT_PLANS=on}. Free: 5 members and 3 projects; Team and Enterprise
 * unlimited; SSO and the audit log export are Enterprise's. A negative limit is none.
 */
public enum Plan {

	FREE("free", "Free", 5, 3, false), TEAM("team", "Team", -1, -1, false),
	ENTERPRISE("enterprise", "Enterprise", -1, -1, true);

	private final String key;

	private final String label;

	private final int members;

	private final int projects;

	private final boolean enterpriseFeatures;

	Plan(String key, String label, int members, int projects, boolean enterpriseFeatures) {
		this.key = key;
		this.label = label;
		this.members = members;
		this.projects = projects;
		this.enterpriseFeatures = enterpriseFeatures;
	}

	public String key() {
		return this.key;
	}

	public String label() {
		return this.label;
	}

	/** Members an organization may have (negative: no limit). */
	public int members() {
		return this.members;
	}

	/** Projects an organization may have (negative: no limit). */
	public int projects() {
		return this.projects;
	}

	public boolean enterpriseFeatures() {
		return this.enterpriseFeatures;
	}

	public static Plan parse(String key) {
		return Arrays.stream(values())
			.filter(p -> p.key.equals(key))
			.findFirst()
			.orElseThrow(() -> InvalidInputException.of("plan", "must be free, team or enterprise"));
	}

}
