package dev.fixpoint.support;

import java.util.Map;

import dev.fixpoint.accounts.SsoDomains;
import dev.fixpoint.support.Api.TestUser;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies an organization's claim of an SSO email domain the way its admins do: a
 * confirmation link emailed to an address at the domain, followed.
 */
public final class ClaimedDomains {

	private ClaimedDomains() {
	}

	public static void verify(ApplicationContext context, TestClock clock, Api api, TestUser admin, String org,
			String domain) {
		String address = "it@" + domain;
		Api.Response sent = api.post("/api/orgs/" + org + "/sso/email-domains/" + domain + "/confirmation",
				admin.token(), Map.of("email", address));
		assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
		context.getBean(SsoDomains.class)
			.confirm(EmailedLinks.token(context, clock, address, "Confirm " + domain + " for single sign-on"));
	}

	/** Verifies every claim of the organization that waits for it. */
	public static void verifyAll(ApplicationContext context, TestClock clock, Api api, TestUser admin, String org) {
		Api.Response claims = api.get("/api/orgs/" + org + "/sso/email-domains", admin.token());
		assertThat(claims.status()).as(claims.raw()).isEqualTo(200);
		claims.body()
			.valueStream()
			.filter(claim -> !claim.get("verified").asBoolean())
			.forEach(claim -> verify(context, clock, api, admin, org, claim.get("domain").asString()));
	}

}
