package dev.fixpoint.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

	@Test
	void roundTripsValuesIncludingSeparatorsAndUnicode() {
		Cursor cursor = Cursor.of("2026-11-25T16:00:00.123456Z", "Ünïcode, with commas", "");
		assertThat(Cursor.decode(cursor.encode(), 3)).isEqualTo(cursor);
		assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void rejectsForeignOrBrokenCursors() {
		assertThatThrownBy(() -> Cursor.decode("%%%", 2)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> Cursor.decode(Cursor.of("a").encode(), 2)).isInstanceOf(DomainException.class);
	}

	@Test
	void newIdsAreVersion7AndTimeOrdered() throws InterruptedException {
		java.util.UUID first = Ids.newId();
		Thread.sleep(2);
		java.util.UUID second = Ids.newId();
		assertThat(first.version()).isEqualTo(7);
		assertThat(first.variant()).isEqualTo(2);
		assertThat(first.toString().compareTo(second.toString())).isNegative();
		assertThat(Names.slug("Crème brûlée — Web Shop!")).isEqualTo("creme-brulee-web-shop");
		assertThat(Names.snakeCase("stepsToReproduce")).isEqualTo("steps_to_reproduce");
	}

	@Test
	void timeAndIdCursorsRoundTripAndRefuseAnythingElse() {
		java.time.Instant at = java.time.Instant.parse("2026-11-25T16:00:00.123456Z");
		java.util.UUID id = Ids.newId();
		Cursor.TimeAndId after = Cursor.timeAndId(Cursor.of(at.toString(), id.toString()).encode());
		assertThat(after.time()).isEqualTo(at);
		assertThat(after.id()).isEqualTo(id);
		assertThat(Cursor.timeAndId(null)).isEqualTo(new Cursor.TimeAndId(null, null));
		assertThat(Cursor.timeAndId(" ")).isEqualTo(new Cursor.TimeAndId(null, null));
		assertThatThrownBy(() -> Cursor.timeAndId(Cursor.of("yesterday", id.toString()).encode()))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> Cursor.timeAndId(Cursor.of(at.toString(), "not-a-uuid").encode()))
			.isInstanceOf(DomainException.class);
	}

}
