package dev.fixpoint.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceDatesTest {

	private static final ZoneId UTC = ZoneId.of("UTC");

	@Test
	void jirasDefaultFormatInTheImportsZone() {
		assertThat(SourceDates.instant("01/Mar/24 9:15 AM", UTC)).contains(Instant.parse("2024-03-01T09:15:00Z"));
		assertThat(SourceDates.instant("12/feb/24 3:00 PM", UTC)).contains(Instant.parse("2024-02-12T15:00:00Z"));
		assertThat(SourceDates.instant("01/Mar/2024 09:15", ZoneId.of("Europe/Berlin")))
			.contains(Instant.parse("2024-03-01T08:15:00Z"));
	}

	@Test
	void isoWithAndWithoutOffsetAndJavaScriptsForm() {
		assertThat(SourceDates.instant("2024-02-10T12:00:00.000+0100", UTC))
			.contains(Instant.parse("2024-02-10T11:00:00Z"));
		assertThat(SourceDates.instant("2024-03-05T10:03:27.545Z", UTC))
			.contains(Instant.parse("2024-03-05T10:03:27.545Z"));
		assertThat(SourceDates.instant("2024-03-01 09:15:00", UTC)).contains(Instant.parse("2024-03-01T09:15:00Z"));
		assertThat(SourceDates.instant("2024-03-01", UTC)).contains(Instant.parse("2024-03-01T00:00:00Z"));
		assertThat(SourceDates.instant("Fri Mar 01 2024 09:15:00 GMT+0100 (Central European Standard Time)", UTC))
			.contains(Instant.parse("2024-03-01T08:15:00Z"));
	}

	@Test
	void daysAndNonsense() {
		assertThat(SourceDates.day("15/Apr/24")).contains(LocalDate.of(2024, 4, 15));
		assertThat(SourceDates.day("2024-03-20")).contains(LocalDate.of(2024, 3, 20));
		assertThat(SourceDates.instant("sometime last week", UTC)).isEmpty();
		assertThat(SourceDates.day("soon")).isEmpty();
	}

}
