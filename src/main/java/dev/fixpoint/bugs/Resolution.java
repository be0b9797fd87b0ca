package dev.fixpoint.bugs;

import java.util.List;

/** Why a bug was resolved. */
public final class Resolution {

	public static final List<String> VALUES = List.of("fixed", "duplicate", "wont_fix", "cannot_reproduce",
			"by_design");

	private Resolution() {
	}

	public static String label(String value) {
		return switch (value == null ? "" : value) {
			case "fixed" -> "Fixed";
			case "duplicate" -> "Duplicate";
			case "wont_fix" -> "Won't fix";
			case "cannot_reproduce" -> "Cannot reproduce";
			case "by_design" -> "By design";
			default -> value == null ? "" : value;
		};
	}

}
