package dev.fixpoint.bugs.page;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.web.EnvironmentText;
import dev.fixpoint.bugs.web.FormValues;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The "Edit report" form: all long text fields at once, plus the bug version it was
 * edited from.
 */
public record ReportForm(String description, @BindParam("steps_to_reproduce") String stepsToReproduce,
		@BindParam("expected_behavior") String expectedBehavior, @BindParam("actual_behavior") String actualBehavior,
		@BindParam("env_os") String envOs, @BindParam("env_browser") String envBrowser,
		@BindParam("env_version") String envVersion, @BindParam("env_extra") String envExtra, String tags,
		Integer version) {

	static ReportForm of(Bug bug) {
		Map<String, String> env = bug.environment();
		return new ReportForm(bug.description(), bug.stepsToReproduce(), bug.expectedBehavior(), bug.actualBehavior(),
				env.get("os"), env.get("browser"), env.get("version"), EnvironmentText.extraLines(env),
				String.join(", ", bug.tags()), bug.version());
	}

	ReportForm withVersion(int current) {
		return new ReportForm(this.description, this.stepsToReproduce, this.expectedBehavior, this.actualBehavior,
				this.envOs, this.envBrowser, this.envVersion, this.envExtra, this.tags, current);
	}

	/**
	 * A PATCH body for {@code BugRules.parsePatch}; tags only when the caller may change
	 * them.
	 */
	Map<String, Object> toPatch(boolean withTags) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("description", text(this.description));
		body.put("steps_to_reproduce", text(this.stepsToReproduce));
		body.put("expected_behavior", text(this.expectedBehavior));
		body.put("actual_behavior", text(this.actualBehavior));
		body.put("environment", EnvironmentText.parse(this.envOs, this.envBrowser, this.envVersion, this.envExtra));
		if (withTags) {
			body.put("tags", FormValues.tags(this.tags));
		}
		body.put("version", this.version);
		return body;
	}

	public String value(String text) {
		return text == null ? "" : text;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
