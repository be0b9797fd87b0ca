package dev.fixpoint.accounts;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * A module's part of a person's data, for the GDPR export and account deletion
 * ({@link AccountData}). Modules that keep personal data implement it as a bean (they
 * depend on accounts already, so the dependency points the usual way); accounts calls
 * every implementation without knowing the modules.
 */
public interface PersonalData {

	/**
	 * The file of the export this part writes: {@code bugs-reported} →
	 * {@code bugs-reported.json}.
	 */
	String name();

	/**
	 * Hands each item of the person's data (a record or a map, written as JSON) to
	 * {@code item}, in a stable order; read in batches, never all at once.
	 */
	void export(UUID userId, Consumer<Object> item);

	/**
	 * Adds the person's files to the export (under {@code files/}), after every module's
	 * JSON: each one streamed from where it is kept, never whole in memory.
	 */
	default void exportFiles(UUID userId, Files files) throws java.io.IOException {
	}

	/** Where a part writes the person's files in the export. */
	@FunctionalInterface
	interface Files {

		/**
		 * Writes {@code content} (read to its end, not closed) as the entry {@code path}.
		 */
		void add(String path, java.io.InputStream content) throws java.io.IOException;

	}

	/**
	 * Refuses (a {@code ConflictException} saying what to do first) a deletion that would
	 * leave something of this module without anyone to run it: the last admin of a
	 * project others work in.
	 */
	default void checkErasable(UUID userId) {
	}

	/**
	 * Removes or anonymises what this module keeps about the person, in the deletion's
	 * transaction (one statement per table, so the time does not grow with the data).
	 * What stays for the team (bugs, comments, history) keeps pointing at the person's
	 * row, which becomes "Deleted user N".
	 */
	default void erase(Erasure erasure) {
	}

	/**
	 * Who is being erased: their id and what named them (to take out of texts others
	 * wrote, such as {@code @username} mentions), and the name they get.
	 */
	record Erasure(UUID userId, String name, String username, String email, String newName, String newUsername) {
	}

}
