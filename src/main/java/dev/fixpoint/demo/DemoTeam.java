package dev.fixpoint.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.accounts.Signup;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.demo.DemoPeople.Person;
import dev.fixpoint.platform.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Signs the demo people up and gathers them in the Acme organization, which Alice
 * registers and administers.
 */
@Component
class DemoTeam {

	private final Accounts accounts;

	private final Organizations organizations;

	DemoTeam(Accounts accounts, Organizations organizations) {
		this.accounts = accounts;
		this.organizations = organizations;
	}

	boolean exists() {
		return this.accounts.findByReference(DemoPeople.ALICE.email()).isPresent();
	}

	Team assemble() {
		Map<String, CurrentUser> people = new LinkedHashMap<>();
		for (Person person : DemoPeople.ALL) {
			String organization = person == DemoPeople.ALICE ? DemoPeople.ORGANIZATION : null;
			UserSummary user = this.accounts.register(
					new Signup(person.email(), DemoPeople.PASSWORD, person.name(), person.username(), organization));
			people.put(person.username(), Accounts.asCurrentUser(user));
		}
		CurrentUser alice = people.get(DemoPeople.ALICE.username());
		var acme = this.organizations.of(alice.id())
			.stream()
			.filter(org -> org.name().equals(DemoPeople.ORGANIZATION))
			.findFirst()
			.orElseThrow();
		people.values()
			.stream()
			.filter(user -> user != alice)
			.forEach(user -> this.organizations.addMember(acme.id().toString(), alice, user.email(), null, "member"));
		return new Team(acme.id(), people);
	}

}
