package dev.fixpoint.demo;

import java.util.List;

/**
 * The people of the demo organization. All share one documented password, so anyone can
 * try every role.
 */
final class DemoPeople {

	static final String PASSWORD = "demo-password-123";

	static final String ORGANIZATION = "Acme";

	static final Person ALICE = new Person("Alice Admin", "alice", "admin@demo.fixpoint.dev", "admin of every project");

	static final Person DAN = new Person("Dan Developer", "dan", "dan@demo.fixpoint.dev",
			"developer on WEB and API, viewer on MOB");

	static final Person DORA = new Person("Dora Developer", "dora", "dora@demo.fixpoint.dev",
			"developer on every project");

	static final Person MAYA = new Person("Maya Mobile", "maya", "maya@demo.fixpoint.dev",
			"admin of MOB (the mobile lead)");

	static final Person QUINN = new Person("Quinn QA", "quinn", "quinn@demo.fixpoint.dev", "qa on every project");

	static final Person VIC = new Person("Vic Viewer", "vic", "vic@demo.fixpoint.dev", "viewer on every project");

	/** Alice first: she registers the organization and invites the others. */
	static final List<Person> ALL = List.of(ALICE, DAN, DORA, MAYA, QUINN, VIC);

	private DemoPeople() {
	}

	/** A demo user; {@code about} is what the log line tells people about their role. */
	record Person(String name, String username, String email, String about) {
	}

}
