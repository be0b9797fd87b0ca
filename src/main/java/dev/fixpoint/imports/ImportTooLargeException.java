package dev.fixpoint.imports;

import java.util.Map;

import dev.fixpoint.platform.LimitExceededException;

/** An import file over {@code fixpoint.imports.max-size}: nothing is stored. */
class ImportTooLargeException extends LimitExceededException {

	ImportTooLargeException(long maxBytes) {
		super("Import files may be at most " + (maxBytes >> 20) + " MB; nothing was stored",
				Map.of("reason", "file-too-large", "limit_bytes", maxBytes));
	}

}
