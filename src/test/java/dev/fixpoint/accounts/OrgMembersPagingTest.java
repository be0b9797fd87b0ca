package dev.fixpoint.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fixpoint.support.Api.Response;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization's members a page at a time, by name, with a filter by name, username or
 * email: on the members page (50 a page) and in the API, whose answer stays the array it
 * always was (every member without {@code limit} or {@code cursor}; the next page in the
 * {@code Link} header with them).
 */
class OrgMembersPagingTest extends IntegrationTest {

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

	/** Made once for the class's tests (none of them changes it). */
	private static TestUser admin;

	private static String org;

	@BeforeEach
	void anOrganizationOfFiftyFivePeople() {
		if (admin != null) {
			return;
		}
		admin = this.api.newPerson("Ada Admin");
		org = this.api.firstOrganization(admin);
		for (int i = 1; i <= 54; i++) {
			this.api.addOrganizationMember(admin, org, this.api.newPerson(String.format("Member %02d", i)), "member");
		}
	}

	@Test
	void theApiAnswersEveryoneWithoutPagingAndPagesByNameWithALinkToTheNext() {
		Response all = this.api.get(members(""), admin.token());
		assertThat(all.body().size()).isEqualTo(55);
		assertThat(all.header("Link")).isNull();

		List<String> names = new ArrayList<>();
		String next = members("?limit=20");
		int pages = 0;
		while (next != null) {
			Response page = this.api.get(next, admin.token());
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body().size()).isLessThanOrEqualTo(20);
			page.body().values().forEach(m -> names.add(m.get("user").get("name").asString()));
			next = nextLink(page);
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(names).hasSize(55).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void theApiFiltersByNameUsernameOrEmail() {
		Response page = this.api.get(members("?q=member+0&limit=5"), admin.token());
		assertThat(page.body().values()).extracting(m -> m.get("user").get("name").asString())
			.containsExactly("Member 01", "Member 02", "Member 03", "Member 04", "Member 05");
		Response rest = this.api.get(nextLink(page), admin.token());
		assertThat(rest.body().values()).extracting(m -> m.get("user").get("name").asString())
			.containsExactly("Member 06", "Member 07", "Member 08", "Member 09");
		assertThat(nextLink(rest)).isNull();

		JsonNode byEmail = this.api.get(members("?q=" + admin.email()), admin.token()).body();
		assertThat(byEmail.size()).isEqualTo(1);
		assertThat(byEmail.get(0).get("user").get("name").asString()).isEqualTo("Ada Admin");

		assertThat(this.api.get(members("?cursor=nonsense"), admin.token()).status()).isEqualTo(400);
		assertThat(this.api.get(members("?limit=101"), admin.token()).status()).isEqualTo(400);
	}

	@Test
	void aFilterOfUnderscoreOrPercentMatchesOnlyThatCharacter() {
		// no member's name, username or email has either: before, each matched everyone
		assertThat(this.api.get(members("?q=_"), admin.token()).body().size()).isZero();
		assertThat(this.api.get(members("?q=%25"), admin.token()).body().size()).isZero();
		assertThat(this.api.get(members("?q=member+_1"), admin.token()).body().size()).isZero();
	}

	@Test
	void theMembersPageShowsFiftyAtATimeAndFilters() {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, admin);
		String first = browser.get("/orgs/" + org + "/members").body();
		assertThat(rows(first)).isEqualTo(50);
		assertThat(first).contains("Ada Admin").contains("Member 49").doesNotContain("Member 50");
		Matcher next = Pattern.compile("href=\"([^\"]+)\" id=\"members-next\"").matcher(first);
		assertThat(next.find()).isTrue();

		String second = browser.get(next.group(1).replace("&amp;", "&").replaceAll("#.*", "")).body();
		assertThat(rows(second)).isEqualTo(5);
		assertThat(second).contains("Member 50").contains("Member 54").doesNotContain("Member 49");
		assertThat(second).contains("id=\"members-first\"").doesNotContain("id=\"members-next\"");

		String filtered = browser.get("/orgs/" + org + "/members?q=Member+1").body();
		assertThat(rows(filtered)).isEqualTo(10);
		assertThat(filtered).contains("Member 10").contains("Member 19").doesNotContain("Member 20");
		assertThat(browser.get("/orgs/" + org + "/members?q=nobody+like+this").body()).contains("No member matches");
	}

	private String members(String query) {
		return "/api/orgs/" + org + "/members" + query;
	}

	private static String nextLink(Response page) {
		String link = page.header("Link");
		if (link == null) {
			return null;
		}
		Matcher next = NEXT.matcher(link);
		assertThat(next.find()).isTrue();
		return next.group(1);
	}

	/** Member rows: one Remove button each but the admin's own row. */
	private static int rows(String html) {
		String members = html.substring(html.indexOf("id=\"members\""));
		return members.split("<tr>", -1).length - 2;
	}

}
