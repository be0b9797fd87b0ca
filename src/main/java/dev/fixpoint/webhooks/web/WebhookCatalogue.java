package dev.fixpoint.webhooks.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.fixpoint.webhooks.WebhookEvent;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * The event catalogue in the API description: one OpenAPI 3.1 {@code webhooks} entry per
 * event, the JSON body Fixpoint posts (envelope, then what the event is about) and the
 * headers that sign it. The bodies are built by {@code WebhookFanOut},
 * {@code ReleaseFanOut} and {@code WebhookDeliveries.ping}; WebhookEventsTest and
 * WebhookDeliveryTest check them against real deliveries.
 */
@Component
class WebhookCatalogue implements OpenApiCustomizer {

	private static final String SCHEMAS = "#/components/schemas/";

	/** What an event's body adds to the envelope, and a line on when it is sent. */
	private record Entry(String summary, Map<String, Schema<?>> about) {
	}

	@Override
	public void customise(OpenAPI openApi) {
		Map<WebhookEvent, Entry> entries = entries();
		for (WebhookEvent event : WebhookEvent.values()) {
			Entry entry = Objects.requireNonNull(entries.get(event), () -> "No catalogue entry for " + event.key());
			openApi.addWebhooks(event.key(), new PathItem().post(operation(event, entry)));
		}
	}

	private static Operation operation(WebhookEvent event, Entry entry) {
		Content json = new Content().addMediaType("application/json",
				new MediaType().schema(body(event, entry.about())));
		ApiResponse delivered = new ApiResponse()
			.description("Any 2xx answer within 10 s delivers. Timeouts, dropped connections, 5xx and 429 "
					+ "(honouring Retry-After) are retried with backoff for 24 h; other answers fail the delivery.");
		return new Operation().operationId(operationId(event))
			.summary(entry.summary())
			.description("Fixpoint posts this JSON to the webhook's URL after the change committed. Verify "
					+ "X-Fixpoint-Signature-256 on the raw body before parsing it; X-Fixpoint-Delivery is the same "
					+ "on every retry.")
			.addTagsItem("Webhooks")
			// Fixpoint signs the body; it sends no bearer token to receivers
			.security(List.of())
			.parameters(headers())
			.requestBody(new RequestBody().required(true).content(json))
			.responses(new ApiResponses().addApiResponse("200", delivered));
	}

	private static Map<WebhookEvent, Entry> entries() {
		Map<WebhookEvent, Entry> entries = new LinkedHashMap<>();
		entries.put(WebhookEvent.BUG_CREATED, new Entry("A bug was filed", bug()));
		entries.put(WebhookEvent.BUG_UPDATED, new Entry("Fields of a bug changed (also fixed_in and affects)",
				with(bug(), "changes", changes("Per changed field, as the bug's history names it"))));
		entries.put(WebhookEvent.BUG_STATUS_CHANGED,
				new Entry("A bug moved through its workflow",
						with(bug(), "status_change",
								object(Map.of("from", new StringSchema(), "to", new StringSchema(), "from_category",
										new StringSchema()._enum(List.of("todo", "in_progress", "done")), "to_category",
										new StringSchema()._enum(List.of("todo", "in_progress", "done")))))));
		entries.put(WebhookEvent.BUG_ASSIGNED, new Entry("A bug's assignee changed", with(bug(), "assignment",
				object(Map.of("previous_assignee_id", new UUIDSchema(), "assignee_id", new UUIDSchema())))));
		entries.put(WebhookEvent.COMMENT_CREATED,
				new Entry("A comment was added (internal notes only to webhooks that chose them)",
						with(bug(), "comment", ref("Comment"))));
		entries.put(WebhookEvent.ATTACHMENT_CREATED,
				new Entry("A file was attached to a bug or one of its comments",
						with(bug(), "attachment",
								object(Map.of("id", new UUIDSchema(), "filename", new StringSchema(), "content_type",
										new StringSchema(), "size", new IntegerSchema().format("int64"), "comment_id",
										new UUIDSchema().description("The comment it is attached to, if any"))))));
		entries.put(WebhookEvent.SLA_THRESHOLD_REACHED,
				new Entry("A bug's SLA clock reached a threshold (50 %, 75 %) or was breached (100 %)",
						with(bug(), "sla", object(Map.of("percent", new IntegerSchema(), "breached",
								new BooleanSchema(), "due_at", new DateTimeSchema())))));
		entries.put(WebhookEvent.RELEASE_CREATED,
				new Entry("A release was created (filters do not apply to release events)", release()));
		entries.put(WebhookEvent.RELEASE_UPDATED,
				new Entry("A release was renamed, described, planned, marked released or archived", with(release(),
						"changes", changes("Per changed field: name, description, due_on, released_on, archived"))));
		entries.put(WebhookEvent.RELEASE_RELEASED, new Entry("A release shipped: its release date was set", release()));
		entries.put(WebhookEvent.PING,
				new Entry("A test ping, sent on request whatever the webhook subscribed to",
						Map.of("webhook", object(Map.of("id", new UUIDSchema(), "url", new StringSchema(), "events",
								new ArraySchema().items(new StringSchema()))))));
		return entries;
	}

	private static Schema<?> body(WebhookEvent event, Map<String, Schema<?>> about) {
		Schema<?> body = new ObjectSchema().addProperty("event", new StringSchema()._enum(List.of(event.key())))
			.addProperty("delivery_id", new UUIDSchema().description("Equals X-Fixpoint-Delivery"))
			.addProperty("occurred_at", new DateTimeSchema())
			.addProperty("project",
					object(Map.of("id", new UUIDSchema(), "key", new StringSchema(), "name", new StringSchema())))
			.addProperty("actor", new Schema<>().$ref(SCHEMAS + "UserSummary")
				.description("Who did it; null: the system (an SLA escalation, an automation)"));
		about.forEach(body::addProperty);
		body.required(List.of("event", "delivery_id", "occurred_at", "project", "actor"));
		return body;
	}

	private static Map<String, Schema<?>> bug() {
		return Map.of("bug", ref("Bug").description("As the API shows it to the webhook's owner (their role)"));
	}

	private static Map<String, Schema<?>> release() {
		return Map.of("release", ref("Release").description("As GET /api/releases/{id} shows it"));
	}

	private static Map<String, Schema<?>> with(Map<String, Schema<?>> subject, String name, Schema<?> extra) {
		Map<String, Schema<?>> about = new LinkedHashMap<>(subject);
		about.put(name, extra);
		return about;
	}

	private static Schema<?> changes(String description) {
		return new ObjectSchema().description(description)
			.additionalProperties(object(Map.of("from", new StringSchema(), "to", new StringSchema())));
	}

	private static Schema<?> object(Map<String, Schema<?>> properties) {
		ObjectSchema object = new ObjectSchema();
		properties.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(p -> object.addProperty(p.getKey(), p.getValue()));
		return object;
	}

	private static Schema<?> ref(String schema) {
		return new Schema<>().$ref(SCHEMAS + schema);
	}

	private static List<Parameter> headers() {
		return List.of(header("X-Fixpoint-Event", "The event's name, as in the body"),
				header("X-Fixpoint-Delivery", "The delivery's id: the same on every retry, drop duplicates by it"),
				header("X-Fixpoint-Signature-256",
						"sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>; compare in constant time"),
				header("X-Fixpoint-Hook-Id", "The webhook's id"));
	}

	private static Parameter header(String name, String description) {
		return new HeaderParameter().name(name).required(true).description(description).schema(new StringSchema());
	}

	/** {@code bug.status_changed} -> {@code bugStatusChangedEvent}. */
	static String operationId(WebhookEvent event) {
		String camel = Arrays.stream(event.key().split("[._]"))
			.map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
			.collect(Collectors.joining());
		return Character.toLowerCase(camel.charAt(0)) + camel.substring(1) + "Event";
	}

}
