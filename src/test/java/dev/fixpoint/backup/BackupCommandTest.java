package dev.fixpoint.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fixpoint.FixpointApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the commands refuse before anything starts: one line on stderr, exit code 2 for
 * bad arguments, 1 for a missing or existing file.
 */
class BackupCommandTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return BackupCommand.run(FixpointApplication.class, args, new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String message() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void onlyBackupAndRestoreAreCommands() {
		assertThat(BackupCommand.isCommand(new String[] { "backup", "--to", "x" })).isTrue();
		assertThat(BackupCommand.isCommand(new String[] { "restore" })).isTrue();
		assertThat(BackupCommand.isCommand(new String[] { "--server.port=9000" })).isFalse();
		assertThat(BackupCommand.isCommand(new String[0])).isFalse();
	}

	@Test
	void badArgumentsExitWith2AndTheUsage() {
		assertThat(run("backup")).isEqualTo(2);
		assertThat(message()).isEqualTo("fixpoint backup: --to FILE is required (" + CommandLine.USAGE + ")\n");
		this.err.reset();
		assertThat(run("backup", "--from", "x.backup")).isEqualTo(2);
		assertThat(message()).startsWith("fixpoint backup: unknown argument: --from").hasLineCount(1);
		this.err.reset();
		assertThat(run("backup", "--to", "x.backup", "--force")).isEqualTo(2);
		assertThat(message()).startsWith("fixpoint backup: unknown argument: --force");
		this.err.reset();
		assertThat(run("restore", "--from")).isEqualTo(2);
		assertThat(message()).startsWith("fixpoint restore: --from needs a file name");
	}

	@Test
	void bothSpellingsOfTheOptionsAreRead() {
		assertThat(CommandLine.parse(new String[] { "restore", "--from=a.backup", "--force" }))
			.isEqualTo(new CommandLine(true, Path.of("a.backup"), true));
		assertThat(CommandLine.parse(new String[] { "backup", "--to", "b.backup" }))
			.isEqualTo(new CommandLine(false, Path.of("b.backup"), false));
	}

	@Test
	void aMissingArchiveOrAnExistingTargetExitsWith1() throws Exception {
		assertThat(run("restore", "--from", this.dir.resolve("nope.backup").toString())).isEqualTo(1);
		assertThat(message()).isEqualTo("fixpoint restore: " + this.dir.resolve("nope.backup") + ": no such file\n");
		this.err.reset();
		Path existing = Files.writeString(this.dir.resolve("old.backup"), "x");
		assertThat(run("backup", "--to", existing.toString())).isEqualTo(1);
		assertThat(message()).isEqualTo("fixpoint backup: " + existing + " already exists; choose another name\n");
	}

	@Test
	void aFailureIsToldInOneLine() {
		assertThat(BackupCommand.reason(new IllegalStateException("wrapped",
				new BackupRefusedException("the database is not empty (3 tables hold rows)"))))
			.isEqualTo("the database is not empty (3 tables hold rows)");
		assertThat(BackupCommand.reason(new RuntimeException("outer", new java.io.IOException("disk full\nmore"))))
			.isEqualTo("IOException: disk full");
	}

}
