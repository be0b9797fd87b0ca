package dev.fixpoint.imports;

import java.util.UUID;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that import into a fresh project through the API: its admin
 * ("Importer"), a developer Fox Mulder to map people to, and the queued jobs run on the
 * test's thread (the import thread is off in tests).
 */
abstract class ImportProjectTest extends IntegrationTest {

	@Autowired
	ImportRunner runner;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Imports imports;

	ImportFixtures fixtures;

	TestUser admin;

	TestUser fox;

	String key;

	UUID projectId;

	@BeforeEach
	void importProject() {
		// other tests' leftovers first, so that each runNext of the test takes its own
		// job
		runQueue();
		this.fixtures = new ImportFixtures(baseUrl(), this.json);
		this.admin = this.api.newUser("Importer");
		JsonNode project = this.api.newProject(this.admin);
		this.key = project.get("key").asString();
		this.projectId = UUID.fromString(project.get("id").asString());
		this.fox = this.api.newPerson("Fox Mulder");
		this.api.addMember(this.admin, this.key, this.fox, "developer");
	}

	/** Uploads an export as the admin (no dry run) and returns the queued job's id. */
	String start(String source, String filename, byte[] content, String mapping) {
		Api.Response started = this.fixtures.upload(this.admin, this.key, source, filename, content, false, mapping);
		assertThat(started.status()).as(started.raw()).isEqualTo(202);
		return started.body().get("id").asString();
	}

	/** The job as the API shows it to the admin. */
	JsonNode job(String id) {
		return this.api.get("/api/imports/" + id, this.admin.token()).body();
	}

	/** Runs every queued job to its end, then returns the job {@code id}. */
	JsonNode runAll(String id) {
		runQueue();
		return job(id);
	}

	private void runQueue() {
		while (this.runner.runNext()) {
			// the next job
		}
	}

}
