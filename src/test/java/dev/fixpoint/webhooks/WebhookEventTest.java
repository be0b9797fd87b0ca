package dev.fixpoint.webhooks;

import java.util.ArrayList;
import java.util.List;

import dev.fixpoint.platform.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event catalogue as the API description, the settings page and the validation see
 * it.
 */
class WebhookEventTest {

	@Test
	void theApiDescriptionNamesEverySubscribableEvent() {
		for (WebhookEvent event : WebhookEvent.subscribable()) {
			assertThat(NewWebhook.EVENTS).as(event.key()).contains(event.key());
		}
	}

	@Test
	void releaseEventsAreSubscribableAndNotAboutBugs() {
		List<FieldError> errors = new ArrayList<>();
		assertThat(Webhooks.events(List.of("release.created", "release.updated", "release.released", "ping"), errors))
			.containsExactly("release.created", "release.updated", "release.released");
		assertThat(errors).isEmpty();
		assertThat(WebhookEvent.subscribable().stream().filter(e -> !e.aboutBugs()).map(WebhookEvent::key))
			.containsExactly("release.created", "release.updated", "release.released");
		assertThat(WebhookEvent.BUG_UPDATED.aboutBugs()).isTrue();
	}

}
