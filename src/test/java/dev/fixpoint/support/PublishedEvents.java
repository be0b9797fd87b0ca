package dev.fixpoint.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the domain events that reached listeners after their transaction committed, as
 * a consuming module would see them. Shared by all integration tests: filter by the ids
 * your test created.
 */
@TestComponent
public class PublishedEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener(fallbackExecution = true)
	void on(Object event) {
		if (event.getClass().getPackageName().startsWith("dev.fixpoint")) {
			this.events.add(event);
		}
	}

	public <T> List<T> ofType(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
