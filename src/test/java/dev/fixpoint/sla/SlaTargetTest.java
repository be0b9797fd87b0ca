package dev.fixpoint.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import dev.fixpoint.bugs.Severity;
import dev.fixpoint.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaTargetTest {

	@Test
	void parsesTheUnitsPeopleWrite() {
		assertThat(SlaTarget.of("30m").duration()).isEqualTo(Duration.ofMinutes(30));
		assertThat(SlaTarget.of("4h").duration()).isEqualTo(Duration.ofHours(4));
		assertThat(SlaTarget.of(" 24H ").duration()).isEqualTo(Duration.ofHours(24));
		assertThat(SlaTarget.of("3d").duration()).isEqualTo(Duration.ofDays(3));
		assertThat(SlaTarget.of("1w").duration()).isEqualTo(Duration.ofDays(7));
		assertThat(SlaTarget.of("24H").text()).isEqualTo("24h");
	}

	@Test
	void rejectsEverythingElse() {
		for (String bad : List.of("", "4", "h", "0h", "-1h", "4 h", "1y", "1.5h", "9999999h")) {
			assertThat(SlaTarget.parse(bad)).as(bad).isEmpty();
		}
	}

	@Test
	void defaultsAreTheSeeds() {
		SlaPolicy p = SlaPolicy.defaults();
		assertThat(p.target(Severity.CRITICAL)).contains(SlaTarget.of("4h"));
		assertThat(p.target(Severity.HIGH)).contains(SlaTarget.of("24h"));
		assertThat(p.target(Severity.MEDIUM)).contains(SlaTarget.of("1w"));
		assertThat(p.target(Severity.LOW)).isEmpty();
		assertThat(p.businessHours()).isNull();
	}

	@Test
	void validationReportsEveryBadField() {
		SlaConfigRequest bad = new SlaConfigRequest("4 hours", "24h", null, "", "Mars/Base",
				new SlaConfigRequest.Hours(List.of("mon", "funday"), "17:00", "09:00"));
		assertThatThrownBy(() -> SlaSettings.validate(bad)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.fieldErrors()).extracting(e -> e.field())
					.containsExactlyInAnyOrder("critical", "time_zone", "business_hours.days", "business_hours.end"));
	}

	@Test
	void aValidConfigurationRoundTrips() {
		SlaConfigRequest ok = new SlaConfigRequest("2h", "1d", "1w", null, "Europe/Berlin",
				new SlaConfigRequest.Hours(List.of("monday", "tue", "wed", "thu", "fri"), "09:00", "17:30"));
		SlaPolicy policy = SlaSettings.validate(ok);
		assertThat(policy.businessHours().end()).isEqualTo(LocalTime.of(17, 30));
		SlaConfigRequest back = SlaConfigRequest.of(policy);
		assertThat(back.businessHours().days()).containsExactly("mon", "tue", "wed", "thu", "fri");
		assertThat(back.critical()).isEqualTo("2h");
		assertThat(back.low()).isNull();
		assertThat(SlaSettings.validate(back)).isEqualTo(policy);
	}

}
