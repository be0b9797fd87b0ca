package dev.fixpoint.platform;

import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"[click](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>", "![x](javascript:alert(1))",
			"<svg onload=alert(1)>", "<iframe src=\"https://evil.example\"></iframe>", "[x](JaVaScRiPt:alert(1))",
			"<div style=\"background:url(javascript:alert(1))\">x</div>", "<a href=\"data:text/html,<script>\">x</a>" })
	void nothingExecutableSurvives(String attack) {
		String html = Markdown.render(attack).html();
		// escaped text like "&lt;script&gt;" is harmless; no element, handler or URL that
		// could run may remain
		assertThat(html).doesNotContainPattern("(?i)<\\s*(script|iframe|svg|object|embed|div)")
			.doesNotContainPattern("(?i)<[^>]*\\son\\w+\\s*=")
			.doesNotContainPattern("(?i)(href|src)\\s*=\\s*\"\\s*(javascript|data|vbscript):")
			.doesNotContainPattern("(?i)<[^>]*\\sstyle\\s*=");
	}

	@Test
	void rendersGfm() {
		String html = Markdown.render("""
				# Title
				**bold** ~~gone~~ https://example.com

				| a | b |
				|---|---|
				| 1 | 2 |

				- [x] done
				- [ ] todo

				```java
				int x = 1;
				```
				""").html();
		assertThat(html).contains("<h1>Title</h1>", "<strong>bold</strong>", "<del>gone</del>", "<table>", "<td>1</td>",
				"type=\"checkbox\"", "<code class=\"language-java\">");
		assertThat(html).contains("<a href=\"https://example.com\" rel=\"noopener nofollow ugc\">");
	}

	@Test
	void linkersLinkPlainTextOnly() {
		Markdown.Linker keys = new Markdown.Linker() {
			@Override
			public Pattern pattern() {
				return Pattern.compile("WEB-\\d+");
			}

			@Override
			public Optional<Markdown.AutoLink> link(MatchResult m) {
				return Optional.of(new Markdown.AutoLink("/bugs/" + m.group(), m.group(), "bug-ref"));
			}
		};
		String html = Markdown.render("See WEB-12 and `WEB-13` and [WEB-14](https://x.example)", List.of(keys)).html();
		assertThat(html).contains("<a href=\"/bugs/WEB-12\" class=\"bug-ref\" rel=\"noopener nofollow ugc\">WEB-12</a>")
			.contains("<code>WEB-13</code>")
			.doesNotContain("/bugs/WEB-14");
	}

	@Test
	void emptyIsEmpty() {
		assertThat(Markdown.render("  ").html()).isEmpty();
		assertThat(Markdown.render(null).html()).isEmpty();
	}

}
