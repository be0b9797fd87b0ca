package dev.fixpoint.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JiraMarkupTest {

	@Test
	void headingsEmphasisAndMonospace() {
		assertThat(JiraMarkup.toMarkdown("h1. Title\nh3. Sub")).isEqualTo("# Title\n### Sub");
		assertThat(JiraMarkup.toMarkdown("a *bold* and _italic_ and -gone- and {{x*y*z}} ??cite??"))
			.isEqualTo("a **bold** and *italic* and ~~gone~~ and `x*y*z` *cite*");
	}

	@Test
	void wordsWithDashesAndStarsStayAsTheyAre() {
		assertThat(JiraMarkup.toMarkdown("a well-known re-run, 2*3*4 and snake_case_name"))
			.isEqualTo("a well-known re-run, 2*3*4 and snake_case_name");
	}

	@Test
	void codeAndNoformatBlocksPassThroughUntouched() {
		assertThat(JiraMarkup.toMarkdown("{code:java}\nint *x* = a_b_c;\n{code}\n{noformat}\nh1. raw\n{noformat}"))
			.isEqualTo("```java\nint *x* = a_b_c;\n```\n```\nh1. raw\n```");
		assertThat(JiraMarkup.toMarkdown("{code:title=Foo.java|borderStyle=solid}\nx\n{code}"))
			.isEqualTo("```\nx\n```");
		assertThat(JiraMarkup.toMarkdown("{code}unclosed")).isEqualTo("```\nunclosed\n```");
	}

	@Test
	void listsNestAndNumber() {
		assertThat(JiraMarkup.toMarkdown("* one\n** one.a\n# first\n## first.a\n- dash"))
			.isEqualTo("- one\n  - one.a\n1. first\n  1. first.a\n- dash");
	}

	@Test
	void linksMentionsImagesAndQuotes() {
		assertThat(
				JiraMarkup.toMarkdown("see [docs|https://x.io/a] or [https://y.io] ask [~jane] !shot.png|thumbnail!"))
			.isEqualTo("see [docs](https://x.io/a) or <https://y.io> ask @jane ![shot.png](shot.png)");
		assertThat(JiraMarkup.toMarkdown("{quote}\nquoted *text*\n{quote}\nbq. short"))
			.isEqualTo("> quoted **text**\n> short");
		assertThat(JiraMarkup.toMarkdown("{color:red}red{color} text")).isEqualTo("red text");
	}

	@Test
	void tablesGetAHeaderSeparator() {
		assertThat(JiraMarkup.toMarkdown("||A||B||\n|1|*2*|")).isEqualTo("| A | B |\n| --- | --- |\n| 1 | **2** |");
	}

}
