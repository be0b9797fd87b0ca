package dev.fixpoint.portal;

import java.util.Map;

import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.TriageOn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's "Is it one of these?" by meaning (triage's {@code Deflection}): a known
 * problem is suggested for a report in other words, ranked on its public title and note
 * only, so neither a bug's private text nor a bug never published shows or steers what a
 * customer sees.
 */
@TriageOn
class TriagePortalDeflectionTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	@Test
	void knownProblemsAreSuggestedByMeaningAndNothingPrivateLeaks() {
		PortalFixture portal = new PortalFixture(this.api, baseUrl(), this.context, this.clock);
		PortalFixture.Project project = portal.openPortal(false);
		// published: its private title is the team's, the public words are the status
		// page's
		JsonNode known = this.api.newBug(project.admin(), project.key(), "Zorblax importer drops the ledger column",
				"critical");
		assertThat(this.api.put("/api/bugs/" + known.path("id").asString() + "/status-entry", project.admin().token(),
				Map.of("public_title", "Checkout hangs forever", "public_note",
						"After confirming the order the spinner keeps turning."))
			.status()).isEqualTo(200);
		// never published: as like the customer's words as a bug can be
		JsonNode secret = this.api.post("/api/projects/" + project.key() + "/bugs", project.admin().token(),
				Map.of("title", "App freezes when paying with Quuxpay", "description",
						"I press Pay and the whole app stops responding.", "severity", "high"))
			.body();

		String byMeaning = portal.postForm("/portal/" + project.key() + "/similar", Map.of("title",
				"App freezes when paying", "description", "I press Pay and the whole app stops responding"))
			.body();
		assertThat(byMeaning).contains("Is it one of these?").contains("Checkout hangs forever");
		assertThat(byMeaning).doesNotContain("Quuxpay")
			.doesNotContain(secret.path("key").asString())
			.doesNotContain("Zorblax")
			.doesNotContain(known.path("key").asString());

		// the published bug's private words find nothing: only public text is compared
		assertThat(portal
			.postForm("/portal/" + project.key() + "/similar",
					Map.of("title", "Zorblax importer drops the ledger column"))
			.body()).doesNotContain("Is it one of these?");
		// nor do the unpublished bug's
		assertThat(portal.postForm("/portal/" + project.key() + "/similar", Map.of("title", "Quuxpay")).body())
			.doesNotContain("Is it one of these?");
	}

}
