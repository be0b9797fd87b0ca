package dev.fixpoint.bugs.web;

import java.util.Arrays;
import java.util.List;

/** How the bug forms read a text box that holds a list. */
public final class FormValues {

	private FormValues() {
	}

	/**
	 * {@code "ui, checkout ,"} → {@code [ui, checkout]}: comma-separated, trimmed, no
	 * empty entries.
	 */
	public static List<String> tags(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}

}
