package dev.fixpoint.portal;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET/PUT /api/projects/{id}/portal}: defaults, validation, who may change them.
 */
class PortalSettingsTest extends IntegrationTest {

	@Test
	void defaultsAreOffWithConfirmationAndEveryField() {
		TestUser admin = this.api.newUser("sadmin");
		String key = this.api.newProject(admin).path("key").asString();
		JsonNode settings = this.api.get("/api/projects/" + key + "/portal", admin.token()).body();
		assertThat(settings.path("enabled").asBoolean()).isFalse();
		assertThat(settings.path("require_email_confirmation").asBoolean()).isTrue();
		assertThat(settings.path("default_severity").asString()).isEqualTo("medium");
		assertThat(settings.path("fields")).hasSize(5);
	}

	@Test
	void badValuesAreNamedAndOnlyAdminsChangeThem() {
		TestUser admin = this.api.newUser("sadmin");
		String key = this.api.newProject(admin).path("key").asString();
		Api.Response bad = this.api.put("/api/projects/" + key + "/portal", admin.token(),
				Map.of("enabled", true, "fields", List.of("title", "environment"), "default_severity", "urgent",
						"default_component", "Nope", "intro", "x".repeat(4001)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.raw()).contains("fields[0]")
			.contains("default_severity")
			.contains("default_component")
			.contains("intro");
		assertThat(this.api.put("/api/projects/" + key + "/portal", admin.token(), Map.of("colour", "red")).status())
			.isEqualTo(400);
		assertThat(this.api.put("/api/projects/" + key + "/portal", admin.token(), Map.of("enabled", "yes")).status())
			.isEqualTo(400);

		TestUser dev = this.api.newUser("sdev");
		this.api.addMember(admin, key, dev, "developer");
		assertThat(this.api.put("/api/projects/" + key + "/portal", dev.token(), Map.of("enabled", true)).status())
			.isEqualTo(403);
		Api.Response ok = this.api.put("/api/projects/" + key + "/portal", admin.token(),
				Map.of("enabled", true, "fields", List.of("environment"), "intro", "Tell us what broke"));
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.body().path("fields").toString()).isEqualTo("[\"environment\"]");
		assertThat(this.api.get("/api/projects/" + key + "/portal", dev.token()).body().path("intro").asString())
			.isEqualTo("Tell us what broke");
	}

}
