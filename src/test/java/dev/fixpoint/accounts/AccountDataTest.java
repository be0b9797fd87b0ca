package dev.fixpoint.accounts;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's data protection rights: the export holds their data, deletion leaves no
 * personal data anywhere (every table searched for their email, username and name) while
 * the bugs and comments they wrote stay, and deletion is refused while it would leave an
 * organization or a project without an admin.
 */
class AccountDataTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theExportIsAZipOfEverythingAboutThePerson() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		JsonNode bug = this.api.newBug(ann, key, "Export me please", "high");
		this.api.post("/api/bugs/" + bug.get("key").asString() + "/comments", ann.token(),
				Map.of("content", "A comment worth keeping"));
		this.api.post("/api/projects/" + key + "/filters", ann.token(), Map.of("name", "mine", "query", "is:open"));
		String upload = "Steps noted by Ann: " + UUID.randomUUID();
		assertThat(new dev.fixpoint.support.Multipart(baseUrl(), this.json)
			.upload("/api/bugs/" + bug.get("key").asString() + "/attachments", ann.token(), "steps.txt",
					upload.getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(201);

		HttpResponse<byte[]> zip = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/me/export"))
				.header("Authorization", "Bearer " + ann.token())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("content-type")).hasValue("application/zip");
		assertThat(zip.headers().firstValue("content-disposition").orElse("")).contains(ann.username() + ".zip");
		Map<String, String> files = unzip(zip.body());
		assertThat(files.keySet()).contains("profile.json", "audit.json", "bugs-reported.json", "comments.json",
				"notifications.json", "project-memberships.json", "saved-filters.json");
		assertThat(files.get("profile.json")).contains(ann.email()).contains("\"time_zone\"");
		assertThat(this.json.readTree(files.get("bugs-reported.json"))).singleElement()
			.satisfies(b -> assertThat(b.get("title").asString()).isEqualTo("Export me please"));
		assertThat(files.get("comments.json")).contains("A comment worth keeping");
		assertThat(files.get("project-memberships.json")).contains(key).contains("admin");
		assertThat(files.get("saved-filters.json")).contains("is:open");
		assertThat(files.get("audit.json")).contains("account.signed_up");
		assertThat(this.json.readTree(files.get("notifications.json")).isArray()).isTrue();
		String path = "files/" + bug.get("key").asString() + "/";
		assertThat(files).hasEntrySatisfying("attachments.json",
				json -> assertThat(json).contains("steps.txt").contains(path));
		assertThat(files.entrySet()).as("the uploaded file itself, streamed into the zip").anySatisfy(entry -> {
			assertThat(entry.getKey()).startsWith(path).endsWith("-steps.txt");
			assertThat(entry.getValue()).isEqualTo(upload);
		});
		assertThat(count("select count(*) from audit_events where actor_id = :u and action = 'account.data_exported'",
				ann.id()))
			.isEqualTo(1);
	}

	@Test
	void deletionLeavesNoPersonalDataButKeepsWhatTheTeamNeeds() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		TestUser bob = this.api.newPerson("Quentin Zyx" + letters);
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, bob, "developer");
		JsonNode bug = this.api.newBug(bob, key, "Crash when saving", "critical");
		String bugKey = bug.get("key").asString();
		this.api.patch("/api/bugs/" + bugKey, ann.token(), Map.of("assignee_id", bob.id().toString()));
		this.api.post("/api/bugs/" + bugKey + "/comments", bob.token(), Map.of("content", "I can reproduce it"));
		this.api.post("/api/bugs/" + bugKey + "/comments", ann.token(),
				Map.of("content", "Thanks @" + bob.username() + ", looking"));
		this.api.post("/api/me/tokens", bob.token(), Map.of("name", "ci"));
		this.api.post("/api/auth/password-reset", null, Map.of("email", bob.email()));
		login(bob.email(), "wrong-password-here");
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, bob);
		assertThat(browser.get("/projects").status()).isEqualTo(200);
		// second factors: a TOTP enrolment, and the WebAuthn identity a passkey
		// registration
		// starts with (it holds the email and the name)
		assertThat(this.api.post("/api/me/2fa/totp", bob.token(), null).status()).isEqualTo(200);
		assertThat(browser.get("/settings/security").status()).isEqualTo(200);
		assertThat(browser.post("/settings/security/passkeys/options", Map.of(), Map.of("Accept", "application/json"))
			.status()).isEqualTo(200);
		assertThat(tablesContaining(bob.email())).anyMatch(table -> table.startsWith("passkey_users"));

		Api.Response wrong = deleteAccount(bob.token(), Map.of("password", "not-my-password"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(deleteAccount(bob.token(), Map.of("password", Api.PASSWORD)).status()).isEqualTo(204);

		for (String value : List.of(bob.email(), bob.username(), bob.name())) {
			assertThat(tablesContaining(value)).as("personal data left: " + value).isEmpty();
		}
		assertThat(this.api.get("/api/me", bob.token()).status()).as("tokens revoked").isEqualTo(401);
		assertThat(browser.get("/projects").status()).as("sessions revoked").isEqualTo(302);
		assertThat(login(bob.email(), Api.PASSWORD).status()).isEqualTo(401);

		JsonNode kept = this.api.get("/api/bugs/" + bugKey, ann.token()).body();
		assertThat(kept.get("title").asString()).isEqualTo("Crash when saving");
		assertThat(kept.get("reporter").get("name").asString()).startsWith("Deleted user ");
		String comments = this.api.get("/api/bugs/" + bugKey + "/comments", ann.token()).raw();
		assertThat(comments).contains("I can reproduce it").contains("Deleted user ").contains("@deleted-user-");
		assertThat(count(
				"select count(*) from audit_events where target_id = cast(:u as text) and action = 'account.deleted'",
				bob.id()))
			.isEqualTo(1);
		assertThat(this.api.get("/api/projects/" + key + "/members", ann.token()).raw()).doesNotContain("Deleted user");
	}

	@Test
	void theLastAdminCannotLeaveAnOrganizationOrProjectOrphaned() {
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, bob, "developer");

		Api.Response refused = deleteAccount(ann.token(), Map.of("password", Api.PASSWORD));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("detail").asString()).contains("last admin of the organization")
			.contains("make another member admin first");

		String org = this.api.get("/api/me", ann.token()).body().get("organizations").get(0).get("slug").asString();
		this.api.post("/api/orgs/" + org + "/members", ann.token(),
				Map.of("username", bob.username(), "role", "admin"));
		Api.Response project = deleteAccount(ann.token(), Map.of("password", Api.PASSWORD));
		assertThat(project.status()).isEqualTo(409);
		assertThat(project.body().get("detail").asString()).contains("last admin of the project " + key);

		this.api.patch("/api/projects/" + key + "/members/" + bob.id(), ann.token(), Map.of("role", "admin"));
		assertThat(deleteAccount(ann.token(), Map.of("password", Api.PASSWORD)).status()).isEqualTo(204);
		assertThat(this.api.get("/api/projects/" + key, bob.token()).status()).isEqualTo(200);
	}

	@Test
	void theOnlyMemberOfAProjectDeletesItFirst() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		Api.Response refused = deleteAccount(ann.token(), Map.of("password", Api.PASSWORD));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("detail").asString()).contains("only member of the project " + key);
	}

	@Test
	void aSiteAdminDeletesAnAccountOnRequest() {
		TestUser admin = this.api.newUser("Admin");
		this.jdbc.sql("update users set is_site_admin = true where id = :id").param("id", admin.id()).update();
		TestUser bob = this.api.newUser("Bob");
		TestUser eve = this.api.newUser("Eve");
		assertThat(this.api.delete("/api/admin/users/" + bob.id(), eve.token()).status()).isEqualTo(403);
		Api.Response deleted = this.api.delete("/api/admin/users/" + bob.id(), admin.token());
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body().get("name").asString()).startsWith("Deleted user ");
		assertThat(this.api.get("/api/me", bob.token()).status()).isEqualTo(401);
		assertThat(this.api.delete("/api/admin/users/" + bob.id(), admin.token()).status()).as("once").isEqualTo(404);
		assertThat(this.api.delete("/api/admin/users/" + admin.id(), admin.token()).status()).isEqualTo(409);
		assertThat(
				this.jdbc.sql("select actor_id from audit_events where target_id = :t and action = 'account.deleted'")
					.param("t", bob.id().toString())
					.query(UUID.class)
					.single())
			.isEqualTo(admin.id());
	}

	/**
	 * Failed passwords count against the client address: this test's own (forwarded)
	 * address keeps them from throttling the rest of the run's sign-ins from localhost.
	 */
	private static final Map<String, String> OWN_ADDRESS = Map.of("X-Forwarded-For",
			"10.19." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250));

	private Api.Response deleteAccount(String token, Map<String, String> body) {
		return this.api.send("POST", "/api/me/delete", token, body, OWN_ADDRESS);
	}

	private Api.Response login(String email, String password) {
		return this.api.send("POST", "/api/auth/login", null, Map.of("email", email, "password", password),
				OWN_ADDRESS);
	}

	/** Tables (and columns) whose rows mention the value anywhere. */
	private List<String> tablesContaining(String value) {
		List<String> found = new ArrayList<>();
		for (String table : this.jdbc.sql(
				"select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
			.query(String.class)
			.list()) {
			int rows = this.jdbc
				.sql("select count(*) from \"" + table + "\" t where strpos(lower(t::text), lower(:v)) > 0")
				.param("v", value)
				.query(Integer.class)
				.single();
			if (rows > 0) {
				found.add(table + " (" + rows + ")");
			}
		}
		return found;
	}

	private int count(String sql, UUID user) {
		return this.jdbc.sql(sql).param("u", user).query(Integer.class).single();
	}

	private static Map<String, String> unzip(byte[] bytes) throws Exception {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

}
