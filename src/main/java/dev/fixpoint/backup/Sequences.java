package dev.fixpoint.backup;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts sequences back: those of identity columns come with the migrations and get their
 * value; the others (a project's bug numbers) are created first.
 */
final class Sequences {

	private static final Set<String> TYPES = Set.of("smallint", "integer", "bigint");

	private final JdbcClient jdbc;

	Sequences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void restore(List<Manifest.SequenceEntry> sequences) {
		for (Manifest.SequenceEntry s : sequences) {
			String name = DatabaseSchema.quote(s.name());
			if (!s.owned()) {
				if (!TYPES.contains(s.type())) {
					throw new BackupRefusedException(
							"the archive names a sequence of type " + s.type() + ": it is corrupt");
				}
				this.jdbc
					.sql("create sequence if not exists " + name + " as " + s.type() + " increment by " + s.increment()
							+ " minvalue " + s.min() + " maxvalue " + s.max() + " start with " + s.start()
							+ (s.cycle() ? " cycle" : " no cycle"))
					.update();
			}
			this.jdbc.sql("select setval(:name::regclass, :value, :called)")
				.param("name", name)
				.param("value", s.lastValue())
				.param("called", s.called())
				.query((rs, n) -> 1)
				.single();
		}
	}

}
