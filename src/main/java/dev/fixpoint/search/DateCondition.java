package dev.fixpoint.search;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A date comparison as a half-open interval of days,
 * {@code fromInclusive <= date < toExclusive}, either end possibly open. Every operator
 * of the query language maps onto it: {@code >2026-10-01} is from 2026-10-02,
 * {@code <=2026-10-01} is to (exclusive) 2026-10-02, {@code 2026-10-01} is that one day,
 * and {@code 2026-10-01..2026-10-31} is from 2026-10-01 to (exclusive) 2026-11-01.
 */
public record DateCondition(DateField field, Optional<LocalDate> fromInclusive, Optional<LocalDate> toExclusive) {

	public DateCondition {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(fromInclusive, "fromInclusive");
		Objects.requireNonNull(toExclusive, "toExclusive");
		if (fromInclusive.isEmpty() && toExclusive.isEmpty()) {
			throw new IllegalArgumentException("a date condition needs at least one end");
		}
		if (fromInclusive.isPresent() && toExclusive.isPresent() && !fromInclusive.get().isBefore(toExclusive.get())) {
			throw new IllegalArgumentException("a date condition must end after it starts");
		}
	}

	/** {@code field >= day}. */
	public static DateCondition onOrAfter(DateField field, LocalDate day) {
		return new DateCondition(field, Optional.of(day), Optional.empty());
	}

	/** {@code field < day}. */
	public static DateCondition before(DateField field, LocalDate day) {
		return new DateCondition(field, Optional.empty(), Optional.of(day));
	}

	/** {@code first <= field <= last}, whole days. */
	public static DateCondition between(DateField field, LocalDate first, LocalDate last) {
		return new DateCondition(field, Optional.of(first), Optional.of(last.plusDays(1)));
	}

	/** Whether a day satisfies the condition. */
	public boolean includes(LocalDate day) {
		return this.fromInclusive.map(from -> !day.isBefore(from)).orElse(true)
				&& this.toExclusive.map(day::isBefore).orElse(true);
	}

	/**
	 * The canonical term: {@code created:>=2026-10-02}, {@code created:<2026-10-01}, a
	 * day or a range.
	 */
	String toQueryTerm() {
		String prefix = this.field.key() + ":";
		if (this.fromInclusive.isEmpty()) {
			return prefix + "<" + this.toExclusive.get();
		}
		LocalDate from = this.fromInclusive.get();
		if (this.toExclusive.isEmpty()) {
			return prefix + ">=" + from;
		}
		LocalDate last = this.toExclusive.get().minusDays(1);
		return prefix + (last.equals(from) ? from.toString() : from + ".." + last);
	}

}
