package dev.fixpoint.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code backup --to FILE} or {@code restore --from FILE [--force]}, read before anything
 * starts so a typo is refused at once.
 *
 * @param restore restore (else back up)
 * @param archive the archive to write or read
 * @param force restore into a database that holds rows, replacing them
 */
record CommandLine(boolean restore, Path archive, boolean force) {

	static final String USAGE = "usage: fixpoint backup --to FILE | fixpoint restore --from FILE [--force]";

	static boolean names(String[] args) {
		return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
	}

	/** Throws {@link IllegalArgumentException} with a one-line reason. */
	static CommandLine parse(String[] args) {
		boolean restore = args[0].equals("restore");
		String fileOption = restore ? "--from" : "--to";
		String file = null;
		boolean force = false;
		List<String> rest = List.of(args).subList(1, args.length);
		for (int i = 0; i < rest.size(); i++) {
			String arg = rest.get(i);
			if (arg.equals(fileOption) && i + 1 < rest.size()) {
				file = rest.get(++i);
			}
			else if (arg.startsWith(fileOption + "=")) {
				file = arg.substring(fileOption.length() + 1);
			}
			else if (restore && arg.equals("--force")) {
				force = true;
			}
			else {
				throw new IllegalArgumentException(
						arg.equals(fileOption) ? fileOption + " needs a file name" : "unknown argument: " + arg);
			}
		}
		if (file == null || file.isBlank()) {
			throw new IllegalArgumentException(fileOption + " FILE is required");
		}
		return new CommandLine(restore, Path.of(file), force);
	}

	String mode() {
		return this.restore ? "restore" : "backup";
	}

}
