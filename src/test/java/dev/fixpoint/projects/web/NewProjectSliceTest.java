package dev.fixpoint.projects.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.projects.NewProject;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.ProjectRole;
import dev.fixpoint.projects.Projects;
import dev.fixpoint.support.PageSliceTest;
import dev.fixpoint.workflow.WorkflowTemplates;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.fixpoint.support.PageSlice.signedIn;
import static dev.fixpoint.support.PageSlice.someone;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * A form of the pages that answer like the API ({@code Forms.apiStatuses()}): what Bean
 * Validation refuses never reaches the service and is a 400, the service's conflict a
 * 409, both with what was typed; not found is the error page.
 */
@PageSliceTest(NewProjectController.class)
class NewProjectSliceTest {

	private final CurrentUser pia = someone("Pia");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Projects projects;

	@Test
	void aValidProjectIsCreatedAndTheBrowserGoesToItsBugs() throws Exception {
		given(this.projects.create(any(NewProject.class), any())).willReturn(project("SHOP"));

		this.mvc.perform(create("Shop", "shop")).andExpect(redirectedUrl("/p/SHOP/bugs"));
	}

	@Test
	void whatBeanValidationRefusesIsA400WithTheTypedValuesAndNeverReachesTheService() throws Exception {
		this.mvc.perform(create("Typed Project", "1X").param("description", "kept"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("projects/new"))
			.andExpect(content().string(containsString("Key must be 2–10 uppercase letters or digits")))
			.andExpect(content().string(containsString("value=\"Typed Project\"")))
			.andExpect(content().string(containsString(">kept</textarea>")));
		verify(this.projects, never()).create(any(), any());
	}

	@Test
	void theServicesRefusalsComeBackNextToTheirFieldWithTheApisStatus() throws Exception {
		willThrow(ConflictException.on("key", "is already used by another project in Acme")).given(this.projects)
			.create(any(NewProject.class), any());
		this.mvc.perform(create("Shop", "SHOP"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Key is already used by another project in Acme")))
			.andExpect(content().string(containsString("value=\"SHOP\"")));

		willThrow(InvalidInputException.of("name", "must not be blank")).given(this.projects)
			.create(any(NewProject.class), any());
		this.mvc.perform(create("Shop", "SHOP")).andExpect(status().isBadRequest());
	}

	@Test
	void notFoundIsTheErrorPage() throws Exception {
		willThrow(NotFoundException.of("Organization")).given(this.projects).create(any(NewProject.class), any());

		this.mvc.perform(create("Shop", "SHOP"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error"))
			.andExpect(content().string(containsString("Organization was not found")));
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefusedBeforeTheController() throws Exception {
		this.mvc.perform(post("/projects").param("name", "Shop").param("key", "SHOP").with(signedIn(this.pia)))
			.andExpect(status().isForbidden());
		verify(this.projects, never()).create(any(), any());
	}

	private MockHttpServletRequestBuilder create(String name, String key) {
		return post("/projects").param("name", name).param("key", key).with(signedIn(this.pia)).with(csrf());
	}

	private static Project project(String key) {
		return new Project(UUID.randomUUID(), UUID.randomUUID(), key, "Shop", "shop", "", false,
				WorkflowTemplates.standard(), Map.of(), null, false, null, false, Instant.now(), ProjectRole.ADMIN);
	}

}
