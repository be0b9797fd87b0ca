package dev.fixpoint.accounts;

import java.util.UUID;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Organization admins see the seats in use against their plan (with plans on). */
class SeatsTest extends IntegrationTest {

	@Autowired
	OrganizationRepository organizations;

	@Test
	void seatsInUseAgainstThePlanAndOverItWhenThePlanShrank() {
		TestUser ann = this.api.newUser("Seats");
		UUID org = UUID
			.fromString(this.api.get("/api/me", ann.token()).body().get("organizations").get(0).get("id").asString());
		Plans plans = new Plans(this.organizations, "on");
		assertThat(plans.seats(org)).get().extracting(Plans.Seats::text).isEqualTo("Free plan: 1 of 5 seats in use");

		this.organizations.setPlan(org, "team");
		for (int i = 0; i < 5; i++) {
			this.organizations.addMember(org, this.api.newUser("Seat").id(), "member");
		}
		assertThat(plans.seats(org).get().text()).isEqualTo("Team plan: 6 members");
		this.organizations.setPlan(org, "free");
		assertThat(plans.seats(org).get().over()).isTrue();
		assertThat(plans.seats(org).get().text()).startsWith("Free plan: 6 of 5 seats in use (over the limit");
		assertThat(new Plans(this.organizations, "off").seats(org)).as("plans off: nothing to count").isEmpty();
	}

}
