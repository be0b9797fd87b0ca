package dev.fixpoint.platform;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * User-written markdown to safe HTML: CommonMark with GFM tables, task lists,
 * strikethrough and autolinks; raw HTML escaped; then an allow-list sanitizer (no script,
 * no event handlers, no javascript: URLs; links get {@code rel="noopener nofollow ugc"}).
 * Modules add their own auto-links (bug keys, mentions) as {@link Linker}s.
 */
public final class Markdown {

	/**
	 * Turns matches of {@code pattern} in plain text (never inside code or links) into
	 * links.
	 */
	public interface Linker {

		Pattern pattern();

		/** The link for a match, or empty to leave the text as it is. */
		Optional<AutoLink> link(MatchResult match);

	}

	/** An auto-link: {@code <a href="href" class="cssClass">text</a>}. */
	public record AutoLink(String href, String text, String cssClass) {
	}

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
			TaskListItemsExtension.create(), AutolinkExtension.create());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong",
				"del", "s", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "span", "input")
		.allowAttributes("href", "title")
		.onElements("a")
		.allowAttributes("class")
		.matching(Pattern.compile("bug-ref|mention|language-[A-Za-z0-9_+-]{1,30}"))
		.onElements("a", "span", "code")
		.allowAttributes("src", "alt", "title")
		.onElements("img")
		.allowAttributes("align")
		.matching(Pattern.compile("left|right|center"))
		.onElements("th", "td")
		.allowAttributes("start")
		.matching(Pattern.compile("[0-9]{1,6}"))
		.onElements("ol")
		.allowAttributes("type")
		.matching(Pattern.compile("checkbox"))
		.onElements("input")
		.allowAttributes("checked", "disabled")
		.onElements("input")
		.allowStandardUrlProtocols()
		.requireRelsOnLinks("noopener", "nofollow", "ugc")
		.toFactory();

	private Markdown() {
	}

	public static SafeHtml render(String markdown) {
		return render(markdown, List.of());
	}

	public static SafeHtml render(String markdown, List<Linker> linkers) {
		if (markdown == null || markdown.isBlank()) {
			return SafeHtml.EMPTY;
		}
		Node document = PARSER.parse(markdown);
		Map<Node, String> classes = new IdentityHashMap<>();
		if (!linkers.isEmpty()) {
			document.accept(new AutoLinker(linkers, classes));
		}
		HtmlRenderer renderer = HtmlRenderer.builder()
			.extensions(EXTENSIONS)
			.escapeHtml(true)
			.sanitizeUrls(true)
			.softbreak("<br>")
			.attributeProviderFactory(context -> (node, tag, attributes) -> {
				String css = classes.get(node);
				if (css != null) {
					attributes.put("class", css);
				}
			})
			.build();
		return new SafeHtml(POLICY.sanitize(renderer.render(document)));
	}

	/** Sanitizes HTML from elsewhere with the same allow-list. */
	public static SafeHtml sanitize(String html) {
		return new SafeHtml(POLICY.sanitize(html == null ? "" : html));
	}

	/** Splits text nodes around linker matches; skips text inside links and code. */
	private static final class AutoLinker extends AbstractVisitor {

		private final List<Linker> linkers;

		private final Map<Node, String> classes;

		AutoLinker(List<Linker> linkers, Map<Node, String> classes) {
			this.linkers = linkers;
			this.classes = classes;
		}

		@Override
		public void visit(Link link) {
			// never link inside a link
		}

		@Override
		public void visit(Code code) {
			// nor inside inline code (code blocks are not Text nodes)
		}

		@Override
		public void visit(Text text) {
			String literal = text.getLiteral();
			List<Node> replacement = new ArrayList<>();
			int last = 0;
			for (Match m : matches(literal)) {
				if (m.start() < last) {
					continue;
				}
				replacement.add(new Text(literal.substring(last, m.start())));
				Link link = new Link(m.link().href(), null);
				link.appendChild(new Text(m.link().text()));
				if (m.link().cssClass() != null) {
					this.classes.put(link, m.link().cssClass());
				}
				replacement.add(link);
				last = m.end();
			}
			if (replacement.isEmpty()) {
				return;
			}
			replacement.add(new Text(literal.substring(last)));
			for (Node node : replacement) {
				text.insertBefore(node);
			}
			text.unlink();
		}

		private List<Match> matches(String literal) {
			List<Match> found = new ArrayList<>();
			for (Linker linker : this.linkers) {
				Matcher matcher = linker.pattern().matcher(literal);
				while (matcher.find()) {
					MatchResult result = matcher.toMatchResult();
					linker.link(result).ifPresent(l -> found.add(new Match(result.start(), result.end(), l)));
				}
			}
			found.sort(java.util.Comparator.comparingInt(Match::start));
			return found;
		}

		private record Match(int start, int end, AutoLink link) {
		}

	}

}
