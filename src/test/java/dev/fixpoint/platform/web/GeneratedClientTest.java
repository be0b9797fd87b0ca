package dev.fixpoint.platform.web;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.support.IntegrationTest;
import fixpoint.client.ApiClient;
import fixpoint.client.ApiException;
import fixpoint.client.api.AccountsApi;
import fixpoint.client.api.BugsApi;
import fixpoint.client.api.ProjectsApi;
import fixpoint.client.model.AuthResult;
import fixpoint.client.model.Bug;
import fixpoint.client.model.NewBug;
import fixpoint.client.model.NewProject;
import fixpoint.client.model.PageBug;
import fixpoint.client.model.Problem;
import fixpoint.client.model.Project;
import fixpoint.client.model.Signup;
import fixpoint.client.model.VersionConflictProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client generated at build time from the committed description (docs/api/openapi.json,
 * by openapi-generator's Java "native" generator in generate-test-sources) works against
 * the real server: sign up, file a bug, list, and a stale PATCH comes back as a typed
 * 409.
 */
class GeneratedClientTest extends IntegrationTest {

	@Test
	void aGeneratedClientSignsUpFilesListsAndGetsATypedVersionConflict() throws Exception {
		ApiClient anonymous = new ApiClient();
		anonymous.updateBaseUri(baseUrl());
		String unique = "gen" + UUID.randomUUID().toString().substring(0, 8);
		AuthResult signedUp = new AccountsApi(anonymous).signUp(new Signup().email(unique + "@example.com")
			.password("a-long-enough-password")
			.name("Generated Client")
			.username(unique));
		assertThat(signedUp.getToken()).startsWith("fxp_");

		ApiClient client = new ApiClient();
		client.updateBaseUri(baseUrl());
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + signedUp.getToken()));
		String key = ("G" + UUID.randomUUID().toString().replace("-", "").substring(0, 6)).toUpperCase();
		Project project = new ProjectsApi(client).createProject(new NewProject().name("Generated " + key).key(key));
		assertThat(String.valueOf(project.getMyRole())).isEqualTo("admin");

		BugsApi bugs = new BugsApi(client);
		Bug filed = bugs.reportBug(key,
				new NewBug().title("Filed by a generated client")
					.stepsToReproduce("1. Generate a client\n2. Call the API")
					.severity(NewBug.SeverityEnum.HIGH));
		assertThat(filed.getKey()).isEqualTo(key + "-1");
		assertThat(filed.getVersion()).isEqualTo(1);
		assertThat(filed.getStepsToReproduce()).startsWith("1. Generate a client");

		PageBug listed = bugs.listBugs(key, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null);
		assertThat(listed.getItems()).extracting(Bug::getKey).containsExactly(filed.getKey());

		Bug edited = bugs.editBug(filed.getKey(), Map.of("title", "Edited once"), "\"1\"");
		assertThat(edited.getVersion()).isEqualTo(2);

		ApiException stale = catchThrowableOfType(ApiException.class,
				() -> bugs.editBug(filed.getKey(), Map.of("title", "Edited from a stale copy"), "\"1\""));
		assertThat(stale.getCode()).isEqualTo(409);
		VersionConflictProblem conflict = client.getObjectMapper()
			.readValue(stale.getResponseBody(), VersionConflictProblem.class);
		assertThat(conflict.getType().toString()).isEqualTo("https://fixpoint.dev/problems/version-conflict");
		assertThat(conflict.getCurrent().getVersion()).isEqualTo(2);
		assertThat(conflict.getCurrent().getTitle()).isEqualTo("Edited once");

		ApiException unknown = catchThrowableOfType(ApiException.class, () -> bugs.getBug(key + "-99"));
		Problem notFound = client.getObjectMapper().readValue(unknown.getResponseBody(), Problem.class);
		assertThat(notFound.getStatus()).isEqualTo(404);
	}

}
