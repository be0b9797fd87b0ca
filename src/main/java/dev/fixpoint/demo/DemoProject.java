package dev.fixpoint.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One demo project: who is in it with which role, its components and their owners, and
 * what its bugs are like.
 *
 * @param members usernames and their roles ({@code admin}, {@code developer}, {@code qa},
 * {@code viewer}); Alice creates every project and so is its admin without being listed
 * @param components component names and the usernames of their owners (null for nobody)
 * @param banks phrase banks for the scenarios' slots
 * @param environment draws a plausible {@code environment} for a report of the given
 * scenario
 * @param bugs how many bugs to file
 */
record DemoProject(String key, String name, String description, Map<String, String> members,
		Map<String, String> components, List<Scenario> scenarios, Map<String, List<String>> banks,
		Environment environment, int bugs) {

	/**
	 * Draws environments: e.g. browser and OS for the web shop, device and app build for
	 * the mobile app.
	 */
	@FunctionalInterface
	interface Environment {

		Map<String, String> draw(Scenario scenario, Random random);

	}

	/**
	 * An ordered map from key-value pairs, so that iteration (and with it the seeded
	 * demo) is reproducible.
	 */
	static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
