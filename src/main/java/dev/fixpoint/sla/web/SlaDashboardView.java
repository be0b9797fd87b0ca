package dev.fixpoint.sla.web;

import java.time.Instant;

import dev.fixpoint.platform.web.Dates;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.sla.SlaConfigRequest;
import dev.fixpoint.sla.SlaReport;

/** The SLA dashboard page. */
public record SlaDashboardView(Capabilities can, SlaReport report, SlaChart chart, SlaConfigRequest config) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String projectName() {
		return this.can.projectName();
	}

	public String bugUrl(String key) {
		return "/bugs/" + key;
	}

	public String listUrl(String state) {
		return "/p/" + projectKey() + "/bugs?sla=" + state;
	}

	public String settingsUrl() {
		return SlaPages.settings(projectKey());
	}

	public String pct(Double value) {
		return value == null ? "–" : (value % 1 == 0 ? String.valueOf(value.intValue()) : String.valueOf(value)) + "%";
	}

	public String hours(Double value) {
		if (value == null) {
			return "–";
		}
		if (value < 1) {
			long minutes = Math.round(value * 60);
			return minutes < 1 ? "< 1 min" : minutes + " min";
		}
		return value + " h";
	}

	public String exact(Instant time) {
		return time == null ? "" : Dates.exact(time);
	}

	public String target(String value) {
		return value == null ? "none" : value;
	}

	public String hoursText() {
		return this.config.businessHours() == null ? "around the clock"
				: String.join(", ", this.config.businessHours().days()) + " " + this.config.businessHours().start()
						+ "–" + this.config.businessHours().end() + " (" + this.config.timeZone() + ")";
	}

}
