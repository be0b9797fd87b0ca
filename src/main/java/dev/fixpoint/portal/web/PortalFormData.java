package dev.fixpoint.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.fixpoint.portal.PortalReport;

import org.springframework.web.bind.annotation.BindParam;

/** The portal's form as posted; the environment comes as three fields. */
public record PortalFormData(String email, String title, String description,
		@BindParam("steps_to_reproduce") String stepsToReproduce,
		@BindParam("expected_behavior") String expectedBehavior, @BindParam("actual_behavior") String actualBehavior,
		@BindParam("env_os") String envOs, @BindParam("env_browser") String envBrowser,
		@BindParam("env_version") String envVersion, String website, String challenge, String nonce, String answer) {

	static PortalFormData empty(Map<String, String> environment) {
		return new PortalFormData("", "", "", "", "", "", environment.getOrDefault("os", ""),
				environment.getOrDefault("browser", ""), environment.getOrDefault("version", ""), "", "", "", "");
	}

	PortalReport toReport() {
		Map<String, String> environment = new LinkedHashMap<>();
		put(environment, "os", this.envOs);
		put(environment, "browser", this.envBrowser);
		put(environment, "version", this.envVersion);
		return new PortalReport(this.email, this.title, this.description, this.stepsToReproduce, this.expectedBehavior,
				this.actualBehavior, environment.isEmpty() ? null : environment, this.website, this.challenge,
				this.nonce, this.answer);
	}

	private static void put(Map<String, String> environment, String key, String value) {
		if (value != null && !value.isBlank()) {
			environment.put(key, value.strip());
		}
	}

	public String value(String field) {
		String v = switch (field) {
			case "email" -> this.email;
			case "title" -> this.title;
			case "description" -> this.description;
			case "steps_to_reproduce" -> this.stepsToReproduce;
			case "expected_behavior" -> this.expectedBehavior;
			case "actual_behavior" -> this.actualBehavior;
			case "env_os" -> this.envOs;
			case "env_browser" -> this.envBrowser;
			case "env_version" -> this.envVersion;
			default -> null;
		};
		return v == null ? "" : v;
	}

}
