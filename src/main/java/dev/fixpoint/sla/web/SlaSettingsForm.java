package dev.fixpoint.sla.web;

import java.util.List;

import dev.fixpoint.sla.SlaConfigRequest;

import org.springframework.web.bind.annotation.BindParam;

/** The SLA settings form as posted (and as re-shown with its errors). */
public record SlaSettingsForm(String critical, String high, String medium, String low,
		@BindParam("time_zone") String timeZone, @BindParam("business_hours") String businessHours, List<String> days,
		String start, String end) {

	static SlaSettingsForm of(SlaConfigRequest c) {
		SlaConfigRequest.Hours h = c.businessHours();
		return new SlaSettingsForm(c.critical(), c.high(), c.medium(), c.low(), c.timeZone(), h == null ? null : "on",
				h == null ? List.of("mon", "tue", "wed", "thu", "fri") : h.days(), h == null ? "09:00" : h.start(),
				h == null ? "17:00" : h.end());
	}

	SlaConfigRequest toRequest() {
		return new SlaConfigRequest(this.critical, this.high, this.medium, this.low, this.timeZone, hoursOn()
				? new SlaConfigRequest.Hours(this.days == null ? List.of() : this.days, this.start, this.end) : null);
	}

	public boolean hoursOn() {
		return this.businessHours != null && !this.businessHours.isBlank();
	}

	public boolean day(String key) {
		return this.days != null && this.days.contains(key);
	}

}
