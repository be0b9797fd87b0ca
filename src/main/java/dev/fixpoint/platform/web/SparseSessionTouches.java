package dev.fixpoint.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, writing a session's last access time only when the stored one is
 * older than {@link #interval(Duration)}: Spring Session JDBC writes it back on every
 * request that uses the session (an {@code UPDATE spring_session} per page view), so a
 * read would be a database write. A session that is not otherwise changed (attributes,
 * id, timeout) is not saved at all.
 * <p>
 * The timeout still counts from the last access, as written: a session may expire up to
 * the interval earlier than it would with every access written (at most a minute, and at
 * most a tenth of the timeout, so the idle time a session survives is at least 90% of
 * {@code spring.session.timeout}; 14 days by default).
 * <p>
 * A session found during a request is found again without the database for the rest of
 * that request ({@link RequestScope}, a filter outside Spring Session's): Spring Session
 * saves a session when the response is committed and again when the request ends, and its
 * second save asks for the requested session once more, so every response larger than the
 * response buffer (8 KB) read the session twice. Nothing is kept in memory between
 * requests, so every node sees the same sessions.
 * <p>
 * Why the request's sessions are found through a {@code ThreadLocal} and not a request
 * attribute: {@link #findById(String)} is given an id and no request (Spring Session's
 * {@code SessionRepository} API), and the call the cache is for is Spring Session's own
 * save when the request ends, in its filter's {@code finally}. The one other way to the
 * request from here, {@code RequestContextHolder}, is a {@code ThreadLocal} too, and is
 * empty by then: Boot's {@code RequestContextFilter} (order -105) runs inside Spring
 * Session's filter ({@code Integer.MIN_VALUE + 50}) and resets it on its way out. The map
 * lives exactly as long as {@link RequestScope}'s call (removed in its {@code finally}),
 * on the thread serving the request; an async dispatch (a stream's end) gets its own.
 */
final class SparseSessionTouches
		implements FindByIndexNameSessionRepository<SparseSessionTouches.Touched>, DisposableBean {

	static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

	/**
	 * The sessions found during the request the thread serves, by id; null outside one.
	 */
	private static final ThreadLocal<Map<String, Touched>> FOUND = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<Session> sessions;

	/**
	 * @param sessions the store (Spring Session JDBC's), given back only the sessions it
	 * made
	 */
	@SuppressWarnings("unchecked")
	SparseSessionTouches(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
	}

	/** How much older than a new access the stored one may be before it is written. */
	static Duration interval(Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			return MAX_INTERVAL; // never expires by idling: the time is only informative
		}
		Duration tenth = timeout.dividedBy(10);
		return tenth.compareTo(MAX_INTERVAL) < 0 ? tenth : MAX_INTERVAL;
	}

	/** Stops the store's own expired-session cleanup, as the store itself would. */
	@Override
	public void destroy() throws Exception {
		if (this.sessions instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	@Override
	public Touched createSession() {
		return new Touched(this.sessions.createSession(), true);
	}

	@Override
	public void save(Touched session) {
		if (session.changed) {
			this.sessions.save(session.session);
			session.changed = false;
		}
	}

	/**
	 * The session, from the store the first time in a request and then as found (with
	 * whatever the request changed in it); a session whose id the request changed is
	 * looked up again.
	 */
	@Override
	public Touched findById(String id) {
		Map<String, Touched> found = FOUND.get();
		Touched known = found == null ? null : found.get(id);
		if (known != null && known.getId().equals(id)) {
			return known;
		}
		Session session = this.sessions.findById(id);
		if (session == null) {
			return null;
		}
		Touched touched = new Touched(session, false);
		if (found != null) {
			found.put(id, touched);
		}
		return touched;
	}

	@Override
	public void deleteById(String id) {
		Map<String, Touched> found = FOUND.get();
		if (found != null) {
			found.remove(id);
		}
		this.sessions.deleteById(id);
	}

	@Override
	public Map<String, Touched> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		return this.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> new Touched(e.getValue(), false)));
	}

	/**
	 * A session that passes a new last access time on only when the stored one is old
	 * enough, and remembers whether anything else changed.
	 */
	static final class Touched implements Session {

		private final Session session;

		private boolean changed;

		Touched(Session session, boolean changed) {
			this.session = session;
			this.changed = changed;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			Duration since = Duration.between(this.session.getLastAccessedTime(), lastAccessedTime);
			if (since.compareTo(interval(this.session.getMaxInactiveInterval())) >= 0) {
				this.session.setLastAccessedTime(lastAccessedTime);
				this.changed = true;
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

	/**
	 * The span of one request for {@link #findById}: registered outside Spring Session's
	 * filter, so its save when the request ends still finds the session of the request. A
	 * dispatch inside the request (an error page) shares the request's.
	 */
	static final class RequestScope implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (FOUND.get() != null) {
				chain.doFilter(request, response);
				return;
			}
			FOUND.set(new HashMap<>(4));
			try {
				chain.doFilter(request, response);
			}
			finally {
				FOUND.remove();
			}
		}

	}

}
