package dev.fixpoint.bugs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

	@Test
	void theLastWordIsAPrefixTheOthersAreWholeWords() {
		assertThat(SearchText.prefixQuery("pay")).isEqualTo("pay:*");
		assertThat(SearchText.prefixQuery("Checkout TIME")).isEqualTo("checkout & time:*");
		assertThat(SearchText.prefixQuery("  ")).isEmpty();
		assertThat(SearchText.prefixQuery(null)).isEmpty();
	}

	@Test
	void onlyLettersAndDigitsReachTheQuery() {
		assertThat(SearchText.prefixQuery("'; drop table bugs; --")).isEqualTo("drop & table & bugs:*");
		assertThat(SearchText.prefixQuery("a:* | !b & (c)")).isEqualTo("a & b & c:*");
		assertThat(SearchText.prefixQuery("crème brûlée 42")).isEqualTo("crème & brûlée & 42:*");
	}

	@Test
	void snippetsAreEscapedAndOnlyOurMarksBecomeTags() {
		assertThat(SearchText.snippetHtml("<b>x</b> \u0001pay\u0002ment\u0003more"))
			.isEqualTo("&lt;b&gt;x&lt;/b&gt; <mark>pay</mark>ment … more");
		assertThat(SearchText.snippetHtml(null)).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void negationPhrasesAndOrAreKeptLikeWebsearch() {
		assertThat(SearchText.prefixQuery("login -flaky")).isEqualTo("login & !flaky");
		assertThat(SearchText.prefixQuery("-flaky login")).isEqualTo("!flaky & login:*");
		assertThat(SearchText.prefixQuery("\"reset link\" -\"dark mode\" covid-19"))
			.isEqualTo("(reset <-> link) & !(dark <-> mode) & (covid <-> 19)");
		assertThat(SearchText.prefixQuery("login OR signup or pay")).isEqualTo("login | signup | pay:*");
		assertThat(SearchText.prefixQuery("OR login")).isEqualTo("login:*");
		assertThat(SearchText.hasWordToFind("-flaky -\"dark mode\" OR")).isFalse();
		assertThat(SearchText.hasWordToFind("-flaky pay")).isTrue();
	}

}
