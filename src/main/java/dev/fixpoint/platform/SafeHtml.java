package dev.fixpoint.platform;

/**
 * HTML that went through {@link Markdown}'s allow-list sanitizer. The only thing
 * templates may output unescaped.
 */
public record SafeHtml(String html) {

	public static final SafeHtml EMPTY = new SafeHtml("");

	@Override
	public String toString() {
		return this.html;
	}

}
