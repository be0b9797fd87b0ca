package dev.fixpoint.portal;

import java.util.Map;

/** A report's text while it waits for its email confirmation (stored as JSON). */
record Draft(String title, String description, String stepsToReproduce, String expectedBehavior, String actualBehavior,
		Map<String, String> environment) {
}
