package dev.fixpoint.portal;

import java.util.Locale;

/**
 * An organization's branding of its portal, tracking and status pages and their emails
 * ({@code GET/PUT /api/orgs/{org}/branding}): an accent colour ({@code #rrggbb} or null),
 * the text colour that reads best on it (chosen by WCAG contrast, never by the admin) and
 * the logo's URL (versioned by its content, so it is cached for long; null: no logo).
 */
public record Branding(String accent, String accentText, String logoUrl) {

	static final Branding NONE = new Branding(null, null, null);

	static Branding of(String accent, String logoUrl) {
		return new Branding(accent, accent == null ? null : textOn(accent), logoUrl);
	}

	/**
	 * Whether anything is set (the pages and emails look as without branding otherwise).
	 */
	public boolean any() {
		return this.accent != null || this.logoUrl != null;
	}

	/**
	 * The page's style attribute setting the accent's custom properties (empty without
	 * one); only ever built from a validated {@code #rrggbb}.
	 */
	public String style() {
		return this.accent == null ? "" : "--brand: " + this.accent + "; --brand-text: " + this.accentText + ";";
	}

	/** The colour of a button: the accent, else the product's indigo. */
	public String buttonColor() {
		return this.accent == null ? "#4f46e5" : this.accent;
	}

	public String buttonText() {
		return this.accent == null ? "#ffffff" : this.accentText;
	}

	/**
	 * White or near-black, whichever contrasts more with {@code hex} (WCAG 2 relative
	 * luminance).
	 */
	static String textOn(String hex) {
		double background = luminance(hex.toLowerCase(Locale.ROOT));
		double onWhite = (1.0 + 0.05) / (background + 0.05);
		double onDark = (background + 0.05) / (luminance("#111827") + 0.05);
		return onWhite >= onDark ? "#ffffff" : "#111827";
	}

	private static double luminance(String hex) {
		double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
		double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
		double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}
