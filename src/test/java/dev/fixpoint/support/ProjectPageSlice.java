package dev.fixpoint.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.projects.ProjectRole;
import dev.fixpoint.workflow.WorkflowTemplates;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * Base of a {@link PageSliceTest} of a project's pages: project {@value #PROJECT} (the
 * standard workflow) in which {@link #user} is a member with {@link #role()}.
 * {@link ProjectAccess} lets them in as the role table says, {@link ProjectMembers} lists
 * nobody else and {@link BugQueries} finds no bug; a test stubs more as it needs.
 */
public abstract class ProjectPageSlice {

	protected static final String PROJECT = "WEB";

	protected final CurrentUser user = PageSlice.someone("Ann");

	@Autowired
	protected MockMvc mvc;

	@MockitoBean
	protected ProjectAccess access;

	@MockitoBean
	protected ProjectMembers members;

	@MockitoBean
	protected BugQueries queries;

	/** The caller's role in the project. */
	protected ProjectRole role() {
		return ProjectRole.DEVELOPER;
	}

	@BeforeEach
	void aProjectWithoutBugs() {
		Project project = new Project(UUID.randomUUID(), UUID.randomUUID(), PROJECT, "Web shop", "web-shop", "", false,
				WorkflowTemplates.standard(), Map.of(), null, false, null, false, Instant.now(), role());
		Membership membership = new Membership(project, this.user, role());
		given(this.access.membership(eq(PROJECT), any())).willReturn(membership);
		given(this.access.require(eq(PROJECT), any(), any()))
			.willAnswer(call -> membership.require(call.getArgument(2, ProjectAction.class)));
		given(this.members.list(any(UUID.class))).willReturn(List.of());
		given(this.queries.list(eq(PROJECT), any(BugListRequest.class), any())).willReturn(new Page<>(List.of(), null));
	}

}
