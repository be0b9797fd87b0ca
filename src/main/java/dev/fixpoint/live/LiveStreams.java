package dev.fixpoint.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugRef;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Membership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This node's open live streams: a bug's viewers and a project's lists and boards. Sends
 * {@code changed} events ({@code {"key": "WEB-4", "by": "Dora", "self": false, "fields":
 * ["status"]}}; to lists and boards also {@code "matches"}: whether the bug now passes
 * the page's filters), to lists and boards whose filters a new bug passes {@code created}
 * events ({@code {"key": "WEB-5", "by": "Dora", "self": false}}) and, to a bug's viewers,
 * {@code presence} events ({@code {"viewers": [{"name": "Dora", "initial": "D"}]}}: the
 * others viewing it, on any node).
 */
@Service
public class LiveStreams {

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	static final String CHANGED = "changed";

	static final String PRESENCE = "presence";

	static final String CREATED = "created";

	/** Pings to every stream (finding dead ones) and presence announcements. */
	static final Duration HEARTBEAT = Duration.ofSeconds(10);

	/** Browsers reconnect by themselves after this. */
	private static final Duration LIFETIME = Duration.ofMinutes(30);

	/**
	 * An open stream: a bug page's (with its tab) or a list's or board's (with its
	 * filters).
	 */
	record Viewer(UUID userId, String tab, SseEmitter emitter, ListFilter list) {
	}

	private final Map<UUID, Set<Viewer>> bugViewers = new ConcurrentHashMap<>();

	private final Map<UUID, Set<Viewer>> projectViewers = new ConcurrentHashMap<>();

	private final LiveSignals signals;

	private final Presence presence;

	private final Accounts accounts;

	private final ListMatches matches;

	LiveStreams(LiveSignals signals, Presence presence, Accounts accounts, ListMatches matches) {
		this.signals = signals;
		this.presence = presence;
		this.accounts = accounts;
		this.matches = matches;
	}

	/**
	 * A stream of the changes to a bug the caller may see, and who else views it. A
	 * change that committed after the page was read and announced before this stream
	 * opened would be missed: {@code changedSincePage} is asked once the stream listens,
	 * and when it says yes the page hears at once that it must fetch the bug again
	 * ({@code resync}).
	 */
	public SseEmitter followBug(BugRef bug, CurrentUser user, String tab, BooleanSupplier changedSincePage) {
		Viewer viewer = new Viewer(user.id(), tab, new SseEmitter(LIFETIME.toMillis()), null);
		SseEmitter emitter = open(this.bugViewers, bug.id(), viewer);
		if (changedSincePage.getAsBoolean()) {
			send(this.bugViewers, bug.id(), viewer, CHANGED, Map.of("resync", true));
		}
		announce(bug.id());
		// the others already here (the announcement tells them about this one)
		send(this.bugViewers, bug.id(), viewer, PRESENCE,
				others(this.accounts.findAll(this.presence.viewers(bug.id())), viewer));
		return emitter;
	}

	/**
	 * A stream of the changes to a project's bugs and of the new bugs that pass
	 * {@code filters} (a list's or board's query string), for {@code member}.
	 */
	public SseEmitter followProject(Membership member, BugListRequest filters) {
		return open(this.projectViewers, member.projectId(), new Viewer(member.user().id(), null,
				new SseEmitter(LIFETIME.toMillis()), new ListFilter(member, filters)));
	}

	/** The tab went away (its page sent a beacon): ends its stream at once. */
	public void leave(UUID bugId, CurrentUser user, String tab) {
		Set<Viewer> viewers = this.bugViewers.get(bugId);
		if (viewers == null || tab == null) {
			return;
		}
		viewers.stream().filter(v -> v.userId().equals(user.id()) && tab.equals(v.tab())).toList().forEach(v -> {
			forget(bugId, v);
			complete(v.emitter());
		});
	}

	/** A change committed on some node. */
	void changed(UUID projectId, UUID bugId, String key, UUID actorId, List<String> fields) {
		Set<Viewer> onBug = this.bugViewers.getOrDefault(bugId, Set.of());
		Set<Viewer> onProject = this.projectViewers.getOrDefault(projectId, Set.of());
		if (onBug.isEmpty() && onProject.isEmpty()) {
			return;
		}
		String by = name(actorId);
		for (Viewer viewer : onBug) {
			send(this.bugViewers, bugId, viewer, CHANGED, changedEvent(key, by, actorId, viewer, fields));
		}
		List<Viewer> lists = List.copyOf(onProject);
		Map<String, Boolean> passes = this.matches.of(bugId, lists.stream().map(Viewer::list).toList());
		for (Viewer viewer : lists) {
			Map<String, Object> data = changedEvent(key, by, actorId, viewer, fields);
			data.put("matches", passes.get(viewer.list().group()));
			send(this.projectViewers, projectId, viewer, CHANGED, data);
		}
	}

	/**
	 * A bug was filed on some node: the project's lists and boards whose filters it
	 * passes hear of it (their pages offer to show it; nothing is fetched per viewer).
	 */
	void created(UUID projectId, UUID bugId, String key, UUID actorId) {
		Set<Viewer> onProject = this.projectViewers.getOrDefault(projectId, Set.of());
		if (onProject.isEmpty()) {
			return;
		}
		String by = name(actorId);
		List<Viewer> lists = List.copyOf(onProject);
		Map<String, Boolean> passes = this.matches.of(bugId, lists.stream().map(Viewer::list).toList());
		for (Viewer viewer : lists) {
			if (passes.get(viewer.list().group())) {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("key", key);
				data.put("by", by);
				data.put("self", viewer.userId().equals(actorId));
				send(this.projectViewers, projectId, viewer, CREATED, data);
			}
		}
	}

	private String name(UUID actorId) {
		return actorId == null ? null : this.accounts.find(actorId).map(UserSummary::name).orElse(null);
	}

	/** A node announced the viewers of a bug. */
	void seen(String node, UUID bugId, Set<UUID> users) {
		if (this.presence.seen(node, bugId, users)) {
			presence(bugId);
		}
	}

	/** Who views the bug changed: each local viewer hears about the others. */
	private void presence(UUID bugId) {
		Set<Viewer> viewers = this.bugViewers.get(bugId);
		if (viewers == null || viewers.isEmpty()) {
			return;
		}
		List<UserSummary> people = this.accounts.findAll(this.presence.viewers(bugId));
		for (Viewer viewer : viewers) {
			send(this.bugViewers, bugId, viewer, PRESENCE, others(people, viewer));
		}
	}

	/** The people viewing a bug but this viewer, by name. */
	private static Map<String, Object> others(List<UserSummary> people, Viewer viewer) {
		List<Map<String, String>> others = people.stream()
			.filter(p -> !p.id().equals(viewer.userId()))
			.sorted(Comparator.comparing(UserSummary::name))
			.map(p -> Map.of("name", p.name(), "initial", p.name().substring(0, 1).toUpperCase(Locale.ROOT)))
			.toList();
		return Map.of("viewers", others);
	}

	/** The people viewing a bug through this node's streams. */
	Set<UUID> localViewers(UUID bugId) {
		return this.bugViewers.getOrDefault(bugId, Set.of())
			.stream()
			.map(Viewer::userId)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * After the listener reconnected: pages fetch again (a change may have been missed),
	 * and this node announces its viewers.
	 */
	void resync() {
		this.bugViewers.forEach((bugId, viewers) -> viewers
			.forEach(v -> send(this.bugViewers, bugId, v, CHANGED, Map.of("resync", true))));
		this.projectViewers.forEach((projectId, viewers) -> viewers
			.forEach(v -> send(this.projectViewers, projectId, v, CHANGED, Map.of("resync", true))));
		heartbeat();
	}

	/**
	 * Pings every stream (a closed tab's fails and is dropped) and announces this node's
	 * viewers of each bug, so other nodes keep them.
	 */
	@Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
	void heartbeat() {
		ping(this.projectViewers);
		ping(this.bugViewers);
		this.bugViewers.keySet().forEach(this::announce);
		this.presence.expire().forEach(this::presence);
	}

	/** Tells every node who views the bug through this one. */
	private void announce(UUID bugId) {
		try {
			this.signals.viewing(bugId, localViewers(bugId));
		}
		catch (DataAccessException ex) {
			// the database is away: the heartbeat announces again once it is back
			log.debug("Could not announce the viewers of bug {}", bugId, ex);
		}
	}

	/** On shutdown, ends every stream (browsers reconnect to another node). */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		this.bugViewers.values().forEach(set -> set.forEach(v -> complete(v.emitter())));
		this.projectViewers.values().forEach(set -> set.forEach(v -> complete(v.emitter())));
		this.bugViewers.clear();
		this.projectViewers.clear();
	}

	private SseEmitter open(Map<UUID, Set<Viewer>> streams, UUID id, Viewer viewer) {
		streams.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(viewer);
		Runnable remove = () -> gone(streams, id, viewer);
		viewer.emitter().onCompletion(remove);
		// at the end of its lifetime the stream ends as a complete answer (the browser
		// reconnects), not as a timed-out request that Spring would log as an error
		viewer.emitter().onTimeout(() -> {
			remove.run();
			complete(viewer.emitter());
		});
		viewer.emitter().onError(e -> remove.run());
		send(streams, id, viewer, "hello", Map.of());
		return viewer.emitter();
	}

	private static Map<String, Object> changedEvent(String key, String by, UUID actorId, Viewer viewer,
			Collection<String> fields) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("key", key);
		data.put("by", by);
		data.put("self", viewer.userId().equals(actorId));
		data.put("fields", fields);
		return data;
	}

	private void ping(Map<UUID, Set<Viewer>> streams) {
		streams.forEach((id, viewers) -> viewers.forEach(viewer -> {
			try {
				viewer.emitter().send(SseEmitter.event().comment("ping"));
			}
			catch (IOException | IllegalStateException ex) {
				gone(streams, id, viewer);
			}
		}));
	}

	private void send(Map<UUID, Set<Viewer>> streams, UUID id, Viewer viewer, String event, Object data) {
		try {
			viewer.emitter().send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			gone(streams, id, viewer);
		}
	}

	/** A stream ended: a bug's other viewers hear that this one left. */
	private void gone(Map<UUID, Set<Viewer>> streams, UUID id, Viewer viewer) {
		boolean removed = forget(streams, id, viewer);
		if (removed && streams == this.bugViewers) {
			announce(id);
		}
	}

	private void forget(UUID bugId, Viewer viewer) {
		gone(this.bugViewers, bugId, viewer);
	}

	private static boolean forget(Map<UUID, Set<Viewer>> streams, UUID id, Viewer viewer) {
		boolean[] removed = { false };
		streams.computeIfPresent(id, (key, set) -> {
			removed[0] = set.remove(viewer);
			return set.isEmpty() ? null : set;
		});
		return removed[0];
	}

	private static void complete(SseEmitter emitter) {
		try {
			emitter.complete();
		}
		catch (IllegalStateException ex) {
			// already completed
		}
	}

}
