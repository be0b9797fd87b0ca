package dev.fixpoint.attachments;

import java.util.List;

/**
 * A page of a text or log attachment: {@code lines} start at line {@code from} (1-based);
 * {@code nextFrom} is the first line of the next page, null at the end of the file. Long
 * lines are cut at {@link #MAX_LINE_LENGTH} chars.
 */
public record TextLines(long from, List<String> lines, Long nextFrom, boolean truncatedLines) {

	public static final int MAX_LINE_LENGTH = 2000;

	public static final int MAX_COUNT = 1000;

}
