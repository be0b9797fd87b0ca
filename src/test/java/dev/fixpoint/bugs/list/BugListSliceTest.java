package dev.fixpoint.bugs.list;

import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.support.PageSliceTest;
import dev.fixpoint.support.ProjectPageSlice;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static dev.fixpoint.support.PageSlice.htmx;
import static dev.fixpoint.support.PageSlice.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The bug list's request rules, without a database: how the query string binds to
 * {@link BugListRequest}, the htmx fragment against the full page, and an invalid filter
 * shown on the page (not an error page).
 */
@PageSliceTest(BugListController.class)
class BugListSliceTest extends ProjectPageSlice {

	@Test
	void theQueryStringBindsWithTheApisNamesRepeatsAndCommas() throws Exception {
		this.mvc
			.perform(get("/p/" + PROJECT + "/bugs").queryParam("status", "new,open")
				.queryParam("status", "in_progress")
				.queryParam("severity", "critical")
				.queryParam("assignee", "me")
				.queryParam("tag", "checkout", "ui")
				.queryParam("created_from", "2026-10-01")
				.queryParam("created_to", "2026-10-31")
				.queryParam("updated_from", "2026-11-01")
				.queryParam("due_before", "2026-12-31")
				.queryParam("sla", "at_risk,breached")
				.queryParam("q", "blank page")
				.queryParam("sort", "-priority")
				.queryParam("limit", "50")
				.with(signedIn(this.user)))
			.andExpect(status().isOk());

		ArgumentCaptor<BugListRequest> bound = ArgumentCaptor.forClass(BugListRequest.class);
		verify(this.queries).list(eq(PROJECT), bound.capture(), eq(this.user));
		BugListRequest request = bound.getValue();
		assertThat(request.status()).containsExactly("new", "open", "in_progress");
		assertThat(request.severity()).containsExactly("critical");
		assertThat(request.assignee()).isEqualTo("me");
		assertThat(request.tag()).containsExactly("checkout", "ui");
		assertThat(request.createdFrom()).isEqualTo("2026-10-01");
		assertThat(request.createdTo()).isEqualTo("2026-10-31");
		assertThat(request.updatedFrom()).isEqualTo("2026-11-01");
		assertThat(request.dueBefore()).isEqualTo("2026-12-31");
		assertThat(request.sla()).containsExactly("at_risk", "breached");
		assertThat(request.q()).isEqualTo("blank page");
		assertThat(request.sort()).isEqualTo("-priority");
		assertThat(request.limit()).isEqualTo(50);
		assertThat(request.cursor()).isNull();
	}

	@Test
	void camelCaseNamesAreNotTheContract() throws Exception {
		this.mvc
			.perform(get("/p/" + PROJECT + "/bugs?createdFrom=2026-10-01&dueBefore=2026-12-31")
				.with(signedIn(this.user)))
			.andExpect(status().isOk());

		ArgumentCaptor<BugListRequest> bound = ArgumentCaptor.forClass(BugListRequest.class);
		verify(this.queries).list(eq(PROJECT), bound.capture(), eq(this.user));
		assertThat(bound.getValue().createdFrom()).isNull();
		assertThat(bound.getValue().dueBefore()).isNull();
	}

	@Test
	void htmxGetsTheResultsFragmentAndTheCanonicalUrlOthersTheWholePage() throws Exception {
		this.mvc.perform(get("/p/" + PROJECT + "/bugs?severity=critical").with(signedIn(this.user)).with(htmx()))
			.andExpect(status().isOk())
			.andExpect(view().name("bugs/list/results"))
			.andExpect(header().string("HX-Push-Url", "/p/" + PROJECT + "/bugs?severity=critical"))
			.andExpect(header().string("Vary", "HX-Request"))
			.andExpect(content().string(not(containsString("<html"))));

		this.mvc.perform(get("/p/" + PROJECT + "/bugs?severity=critical").with(signedIn(this.user)))
			.andExpect(status().isOk())
			.andExpect(view().name("bugs/list/list"))
			.andExpect(header().doesNotExist("HX-Push-Url"))
			.andExpect(content().string(containsString("<html")));

		this.mvc
			.perform(get("/p/" + PROJECT + "/bugs").header("HX-Request", "true")
				.header("HX-History-Restore-Request", "true")
				.with(signedIn(this.user)))
			.andExpect(view().name("bugs/list/list"));
	}

	@Test
	void anInvalidFilterIsShownAboveTheResultsAndThePageIsStillA200() throws Exception {
		willThrow(InvalidInputException.of("due_before", "must be a date like 2026-12-31")).given(this.queries)
			.list(eq(PROJECT), any(BugListRequest.class), any());

		this.mvc.perform(get("/p/" + PROJECT + "/bugs?due_before=soon").with(signedIn(this.user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Due before must be a date like 2026-12-31.")))
			.andExpect(content().string(not(containsString("No bugs here yet"))));
	}

	@Test
	void aForbiddenListIsTheErrorPage() throws Exception {
		willThrow(ForbiddenException.because("Your role in WEB does not allow this")).given(this.queries)
			.list(eq(PROJECT), any(BugListRequest.class), any());

		this.mvc.perform(get("/p/" + PROJECT + "/bugs").with(signedIn(this.user)))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error"));
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/p/" + PROJECT + "/bugs"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/login*"));
	}

}
