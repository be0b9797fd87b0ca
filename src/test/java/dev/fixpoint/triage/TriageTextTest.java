package dev.fixpoint.triage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the model reads of a report, and when there is nothing to read. */
class TriageTextTest {

	@Test
	void markupCodeHtmlAndLinksAreTakenOut() {
		TriageText text = TriageText
			.of("**Checkout** hangs", "See <b>logs</b> at https://x.test/a?b=1\n```\nstack trace\n```\n# Steps", null)
			.text()
			.orElseThrow();
		assertThat(text.text()).isEqualTo("Checkout hangs. See logs at Steps");
	}

	@Test
	void otherScriptsAndEmojiAreKept() {
		assertThat(TriageText.of("支付时应用卡住 🙁", "التطبيق يتجمد", null).text().orElseThrow().text())
			.isEqualTo("支付时应用卡住 🙁. التطبيق يتجمد");
	}

	@Test
	void textWithoutWordsIsSkippedWithAReason() {
		TriageText.Outcome outcome = TriageText.of("!!!", "<div></div> ``` code ```", "");
		assertThat(outcome.text()).isEmpty();
		assertThat(outcome.skipped()).isEqualTo("no words left to embed after removing markup");
		assertThat(TriageText.of(null, null, null).text()).isEmpty();
	}

	@Test
	void hugeTextIsCutWithoutSplittingASurrogatePair() {
		String huge = "a".repeat(TriageText.MAX_CHARS - 1) + "😀".repeat(1000);
		String cut = TriageText.of(huge, huge, huge).text().orElseThrow().text();
		assertThat(cut.length()).isLessThanOrEqualTo(TriageText.MAX_CHARS);
		assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
	}

	@Test
	void vectorsKeepTheirCosineWhenQuantized() {
		float[] a = Vectors.normalized(new float[] { 3, 4, 0 });
		float[] b = Vectors.normalized(new float[] { 4, 3, 0 });
		byte[] qa = Vectors.quantized(a);
		assertThat(Vectors.cosine(qa, Vectors.quantized(b), 0)).isBetween(0.95f, 0.97f);
		assertThat(Vectors.cosine(qa, qa, 0)).isCloseTo(1.0f, within(0.01f));
	}

}
