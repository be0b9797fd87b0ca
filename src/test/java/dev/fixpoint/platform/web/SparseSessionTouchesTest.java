package dev.fixpoint.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;

import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** When a session's last access is written, over Spring Session's in-memory store. */
class SparseSessionTouchesTest {

	private final Stored stored = new Stored();

	private final SparseSessionTouches sessions = new SparseSessionTouches(this.stored);

	@Test
	void anAccessWithinAMinuteOfTheStoredOneIsNotSaved() {
		String id = signedIn(Instant.parse("2026-12-06T10:00:00Z"));

		SparseSessionTouches.Touched session = this.sessions.findById(id);
		session.setLastAccessedTime(Instant.parse("2026-12-06T10:00:59Z"));
		this.sessions.save(session);

		assertThat(this.stored.saves).isZero();
		assertThat(this.stored.findById(id).getLastAccessedTime()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
	}

	@Test
	void anAccessAMinuteAfterTheStoredOneIsWrittenAndMovesTheExpiry() {
		String id = signedIn(Instant.parse("2026-12-06T10:00:00Z"));

		SparseSessionTouches.Touched session = this.sessions.findById(id);
		session.setLastAccessedTime(Instant.parse("2026-12-06T10:01:00Z"));
		this.sessions.save(session);

		assertThat(this.stored.saves).isOne();
		assertThat(this.stored.findById(id).getLastAccessedTime()).isEqualTo(Instant.parse("2026-12-06T10:01:00Z"));
	}

	@Test
	void aChangedAttributeIsSavedWithoutMovingTheAccessTime() {
		String id = signedIn(Instant.parse("2026-12-06T10:00:00Z"));

		SparseSessionTouches.Touched session = this.sessions.findById(id);
		session.setLastAccessedTime(Instant.parse("2026-12-06T10:00:10Z"));
		session.setAttribute("flash", "Saved");
		this.sessions.save(session);

		Session saved = this.stored.findById(id);
		assertThat(this.stored.saves).isOne();
		assertThat((String) saved.getAttribute("flash")).isEqualTo("Saved");
		assertThat(saved.getLastAccessedTime()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
	}

	@Test
	void aNewSessionIsAlwaysSaved() {
		SparseSessionTouches.Touched session = this.sessions.createSession();
		this.sessions.save(session);

		assertThat(this.stored.findById(session.getId())).isNotNull();
	}

	@Test
	void aShortTimeoutIsCountedToWithinATenth() {
		assertThat(SparseSessionTouches.interval(Duration.ofDays(14))).isEqualTo(Duration.ofMinutes(1));
		assertThat(SparseSessionTouches.interval(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
		assertThat(SparseSessionTouches.interval(Duration.ZERO)).isEqualTo(Duration.ofMinutes(1));
	}

	private String signedIn(Instant at) {
		MapSession session = new MapSession();
		session.setCreationTime(at);
		session.setLastAccessedTime(at);
		session.setMaxInactiveInterval(Duration.ofDays(14));
		this.stored.save(session);
		this.stored.saves = 0;
		return session.getId();
	}

	/** The in-memory store, counting saves. */
	static final class Stored extends MapSessionRepository implements FindByIndexNameSessionRepository<MapSession> {

		int saves;

		Stored() {
			super(new HashMap<>());
		}

		@Override
		public void save(MapSession session) {
			this.saves++;
			super.save(session);
		}

		@Override
		public java.util.Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return java.util.Map.of();
		}

	}

}
