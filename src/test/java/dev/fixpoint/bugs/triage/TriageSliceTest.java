package dev.fixpoint.bugs.triage;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.LimitExceededException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.RateLimitedException;
import dev.fixpoint.platform.RefusedException;
import dev.fixpoint.platform.UnauthorizedException;
import dev.fixpoint.support.PageSliceTest;
import dev.fixpoint.support.ProjectPageSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.ResultActions;

import static dev.fixpoint.support.PageSlice.htmx;
import static dev.fixpoint.support.PageSlice.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The form rule ({@code platform.web.Forms}) through a page that shows both answers: a
 * refusal the user can act on comes back on the triage page with its status (htmx: the
 * row stays, a toast says why); not found and forbidden are error pages. The service is a
 * mock that refuses the way each family would.
 */
@PageSliceTest(TriageController.class)
class TriageSliceTest extends ProjectPageSlice {

	@MockitoBean
	private BugManagement management;

	static List<Object[]> refusalsTheUserCanActOn() {
		return List.of(
				new Object[] { InvalidInputException.of("assignee_id", "must be a member of the project"), 422,
						"Assignee id must be a member of the project." },
				new Object[] { ConflictException.because("WEB-7 was assigned meanwhile"), 409,
						"WEB-7 was assigned meanwhile" },
				new Object[] { refused("The workflow does not allow this"), 422, "The workflow does not allow this" },
				new Object[] { new LimitExceededException("Too many assignments", Map.of()) {
				}, 413, "Too many assignments" },
				new Object[] { new RateLimitedException("Slow down", Duration.ofMinutes(1)), 429, "Slow down" });
	}

	@ParameterizedTest
	@MethodSource("refusalsTheUserCanActOn")
	void aRefusalComesBackOnThePageWithItsStatus(DomainException refusal, int status, String message) throws Exception {
		refuseWith(refusal);

		assign(false).andExpect(status().is(status))
			.andExpect(view().name("bugs/triage/triage"))
			.andExpect(content().string(containsString("role=\"alert\">" + message + "<")));
	}

	@ParameterizedTest
	@MethodSource("refusalsTheUserCanActOn")
	void htmxKeepsTheRowAndToastsWhy(DomainException refusal, int status, String message) throws Exception {
		refuseWith(refusal);

		assign(true).andExpect(status().isOk())
			.andExpect(view().name("bugs/triage/triage-removed"))
			.andExpect(header().string("HX-Reswap", "none"))
			.andExpect(header().string("HX-Trigger", containsString(message)));
	}

	@Test
	void aForbiddenAssignmentIsToldInTheQueueLikeOtherRefusals() throws Exception {
		refuseWith(ForbiddenException.because("Your role in WEB (qa) does not allow this"));
		assign(true).andExpect(status().isOk())
			.andExpect(header().string("HX-Reswap", "none"))
			.andExpect(header().string("HX-Trigger", containsString("does not allow this")));
		assign(false).andExpect(status().isForbidden()).andExpect(view().name("bugs/triage/triage"));
	}

	@Test
	void notFoundAndUnauthorizedAreErrorPages() throws Exception {
		refuseWith(NotFoundException.of("Bug"));
		assign(false).andExpect(status().isNotFound())
			.andExpect(view().name("error"))
			.andExpect(content().string(containsString("Bug was not found")));

		refuseWith(UnauthorizedException.because("Who is this?"));
		assign(false).andExpect(status().isUnauthorized()).andExpect(view().name("error"));
	}

	@Test
	void anAssignmentRedirectsBackToTheQueuePage() throws Exception {
		given(this.management.edit(anyString(), any(), any())).willReturn(mock(Bug.class));

		assign(false).andExpect(redirectedUrl("/p/" + PROJECT + "/triage"));
	}

	private void refuseWith(DomainException refusal) {
		willThrow(refusal).given(this.management).edit(anyString(), any(), any());
	}

	private ResultActions assign(boolean byHtmx) throws Exception {
		var request = post("/p/" + PROJECT + "/triage/assign").param("bug", "WEB-7")
			.param("assignee", "me")
			.param("version", "1")
			.with(signedIn(this.user))
			.with(csrf());
		return this.mvc.perform(byHtmx ? request.with(htmx()) : request);
	}

	private static RefusedException refused(String reason) {
		return new RefusedException(
				new DomainException.Kind(URI.create("https://fixpoint.dev/problems/test"), "Refused"), reason,
				Map.of()) {
		};
	}

}
