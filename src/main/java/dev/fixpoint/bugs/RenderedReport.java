package dev.fixpoint.bugs;

import dev.fixpoint.platform.SafeHtml;

/**
 * A bug's long texts as sanitized HTML, rendered like comments (bug keys and mentions
 * become links).
 */
public record RenderedReport(SafeHtml description, SafeHtml stepsToReproduce, SafeHtml expectedBehavior,
		SafeHtml actualBehavior) {
}
