package dev.fixpoint.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlaCalendarTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final SlaCalendar OFFICE = SlaCalendar.of(BERLIN,
			BusinessHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)));

	static Instant berlin(String localDateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
	}

	@Test
	void aroundTheClockIsPlainArithmetic() {
		Instant start = Instant.parse("2026-11-27T22:00:00Z");
		SlaCalendar always = SlaCalendar.aroundTheClock();
		assertThat(always.plus(start, Duration.ofHours(4))).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
		assertThat(always.between(start, Instant.parse("2026-11-29T22:00:00Z"))).isEqualTo(Duration.ofHours(48));
	}

	@Test
	void insideOneWorkingDay() {
		assertThat(OFFICE.plus(berlin("2026-11-25T10:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-25T14:00"));
	}

	@Test
	void theNightDoesNotCount() {
		// Wednesday 15:00 + 4 working hours: 2 today, 2 tomorrow from 09:00
		assertThat(OFFICE.plus(berlin("2026-11-25T15:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-26T11:00"));
	}

	@Test
	void aBugFiledAtNightStartsCountingAtNine() {
		assertThat(OFFICE.plus(berlin("2026-11-25T23:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-26T10:00"));
		assertThat(OFFICE.plus(berlin("2026-11-26T06:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-26T10:00"));
	}

	@Test
	void theWeekendDoesNotCount() {
		// Friday 16:00 + 4h: 1 h on Friday, 3 h on Monday
		assertThat(OFFICE.plus(berlin("2026-11-27T16:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-30T12:00"));
		// filed on Saturday: Monday 09:00 + 4h
		assertThat(OFFICE.plus(berlin("2026-11-28T12:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-30T13:00"));
	}

	@Test
	void aTargetEndingExactlyAtClosingTimeEndsThere() {
		assertThat(OFFICE.plus(berlin("2026-11-25T09:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-11-25T17:00"));
	}

	@Test
	void aWeekOfWorkingTimeSpansSeveralWeeks() {
		// 1w = 168 working hours = 21 working days of 8 hours
		Instant due = OFFICE.plus(berlin("2026-11-23T09:00"), Duration.ofDays(7));
		assertThat(due).isEqualTo(berlin("2026-12-21T17:00"));
		assertThat(OFFICE.between(berlin("2026-11-23T09:00"), due)).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void betweenCountsOnlyWorkingTime() {
		assertThat(OFFICE.between(berlin("2026-11-27T16:00"), berlin("2026-11-30T12:00")))
			.isEqualTo(Duration.ofHours(4));
		assertThat(OFFICE.between(berlin("2026-11-28T08:00"), berlin("2026-11-29T20:00"))).isZero();
		assertThat(OFFICE.between(berlin("2026-11-26T12:00"), berlin("2026-11-25T12:00"))).isZero();
	}

	@Test
	void theTimeZoneDecidesWhereTheDayBegins() {
		SlaCalendar tokyo = SlaCalendar.of(ZoneId.of("Asia/Tokyo"),
				BusinessHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)));
		// 2026-11-25T23:00Z is Thursday 08:00 in Tokyo: the day starts an hour later, at
		// 00:00Z
		assertThat(tokyo.plus(Instant.parse("2026-11-25T23:00:00Z"), Duration.ofHours(2)))
			.isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));
	}

	@Test
	void aroundTheSpringDaylightSavingSwitchWorkingHoursStayWallClockHours() {
		// Berlin moves 02:00 -> 03:00 on Sunday 2026-03-29; office hours on Friday and
		// Monday are in different offsets
		Instant friday = berlin("2026-03-27T15:00");
		Instant due = OFFICE.plus(friday, Duration.ofHours(4));
		assertThat(due).isEqualTo(berlin("2026-03-30T11:00"));
		assertThat(due).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
	}

	@Test
	void aroundTheClockAcrossTheAutumnSwitchCountsRealHours() {
		// Berlin repeats 02:00-03:00 on 2026-10-25: 24 real hours end at 23:00 local time
		SlaCalendar always = SlaCalendar.aroundTheClock();
		Instant start = berlin("2026-10-25T00:00");
		assertThat(always.plus(start, Duration.ofHours(24)).atZone(BERLIN).toLocalTime())
			.isEqualTo(LocalTime.of(23, 0));
	}

	@Test
	void aWorkingDayOnTheSwitchWithNightHours() {
		// a night shift 00:00-06:00 on the day Berlin skips 02:00-03:00 is only 5 real
		// hours long
		SlaCalendar night = SlaCalendar.of(BERLIN,
				new BusinessHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0), LocalTime.of(6, 0)));
		assertThat(night.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T06:00")))
			.isEqualTo(Duration.ofHours(5));
	}

}
