package dev.fixpoint.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What people say on a demo bug at each step of its life, with {@code {slot}}s: the
 * reporter, worker and tester ({@code @mentions} by username), the bug's environment and
 * component.
 */
final class Conversation {

	static final List<String> TRIAGE = List.of("@{worker} can you take this one? It is in your area.",
			"Assigning to @{worker}. @{reporter} thanks for the clear steps.",
			"Seen twice this week in support tickets, so it goes to the top of @{worker}'s list.",
			"@{worker} this looks related to what you changed in {component} last sprint.");

	static final List<String> STARTED = List.of("Reproduced on {env}. Looking into it.",
			"I can see it in the logs too: it started after the last deploy.",
			"Taking this. First guess: a race in the {component} code.",
			"Reproduced with the steps above. @{reporter} does it happen every time for you or only sometimes?");

	static final List<String> REPORTER_REPLY = List.of("Every time, on {env} at least.",
			"Only sometimes: maybe one try in three.", "Any news on this? Customers keep asking about it.",
			"Adding: it happens on {env} as well.");

	static final List<String> IN_REVIEW = List.of(
			"Fix is up for review: the {component} change plus a regression test.",
			"PR is ready. @{tester} could you check it on staging once it is merged?",
			"Found it: a missing null check when the cache is cold. Fix in review.");

	static final List<String> FIXED = List.of("Merged; it ships with the next release.",
			"Deployed to staging. @{tester} over to you.", "Fixed and covered by a test now.");

	static final List<String> VERIFIED = List.of("Verified on staging with the original steps: fixed.",
			"Checked on {env}: works as expected now.", "Verified. Closing.");

	static final List<String> REOPENED = List.of("Still happening for me on {env} with the steps above. Reopening.",
			"The fix covers the main case but not after a page reload. Reopening.",
			"Back again on the latest build, see the steps. @{worker}");

	static final Map<String, List<String>> DISMISSED = Map.of("duplicate",
			List.of("Same root cause as the original, closing as a duplicate.",
					"We track this in the original report; closing this one."),
			"cannot_reproduce",
			List.of("Tried on three setups, cannot reproduce. @{reporter} please reopen with a log if you see it again.",
					"Could not reproduce on {env}. Closing for now."),
			"wont_fix",
			List.of("This flow goes away next quarter, so we will not fix it.",
					"Not worth the risk this close to the release; documented as a known issue."),
			"by_design", List.of("This is how it is meant to work: the docs explain why.",
					"Works as designed; I opened a docs ticket to make it clearer."));

	private Conversation() {
	}

	static String say(List<String> lines, Map<String, String> slots, Random random) {
		String line = DemoProject.pick(random, lines);
		for (Map.Entry<String, String> slot : slots.entrySet()) {
			line = line.replace("{" + slot.getKey() + "}", slot.getValue());
		}
		return line;
	}

}
