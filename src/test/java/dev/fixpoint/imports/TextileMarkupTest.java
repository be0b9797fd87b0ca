package dev.fixpoint.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextileMarkupTest {

	@Test
	void headingsEmphasisCodeAndStrikes() {
		assertThat(TextileMarkup.toMarkdown("h1. Title\nh3. Sub")).isEqualTo("# Title\n### Sub");
		assertThat(TextileMarkup.toMarkdown("a *bold* and _italic_ and -gone- and @x*y@"))
			.isEqualTo("a **bold** and _italic_ and ~~gone~~ and `x*y`");
	}

	@Test
	void wordsWithDashesAndStarsStayAsTheyAre() {
		assertThat(TextileMarkup.toMarkdown("a well-known re-run, 2*3*4")).isEqualTo("a well-known re-run, 2*3*4");
	}

	@Test
	void preformattedBlocksPassThroughUntouched() {
		assertThat(TextileMarkup.toMarkdown("<pre><code class=\"java\">\nint *x* = 1;\n</code></pre>"))
			.isEqualTo("```\nint *x* = 1;\n```");
		assertThat(TextileMarkup.toMarkdown("<pre>one line</pre>")).isEqualTo("```\none line\n```");
		assertThat(TextileMarkup.toMarkdown("bc. x = *y*")).isEqualTo("```\nx = *y*\n```");
		assertThat(TextileMarkup.toMarkdown("<pre>\nunclosed")).isEqualTo("```\nunclosed\n```");
	}

	@Test
	void listsQuotesLinksAndImages() {
		assertThat(TextileMarkup.toMarkdown("* one\n** one.a\n# first\nbq. said"))
			.isEqualTo("- one\n  - one.a\n1. first\n> said");
		assertThat(TextileMarkup.toMarkdown("see \"the docs\":https://x.io/a. and !https://x.io/s.png!"))
			.isEqualTo("see [the docs](https://x.io/a). and ![](https://x.io/s.png)");
	}

}
