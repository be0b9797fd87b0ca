package dev.fixpoint.forge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Hmacs;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.UnauthorizedException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives webhook deliveries: verifies them against the secrets of the links of the
 * repository the payload names, applies each delivery id once, logs every delivery.
 */
@Service("forgeWebhooks")
public class Webhooks {

	/** The largest body accepted (GitHub caps payloads at 25 MB). */
	public static final int MAX_BYTES = 25 * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	private static final Pattern SIGNATURE = Pattern.compile("sha256=[0-9a-f]{64}");

	/** Headers of a delivery, as the forges name them. */
	public record Headers(String event, String deliveryId, String signature, String token) {
	}

	/**
	 * The answer to a delivery.
	 *
	 * @param verdict {@code applied}, {@code ignored} or {@code replayed}
	 * @param outcome what it did, one line per effect
	 */
	public record Received(UUID id, String verdict, List<String> outcome) {
	}

	private final LinkRepository links;

	private final DeliveryRepository deliveries;

	private final DeliveryEffects effects;

	private final Infrastructure infra;

	@org.springframework.stereotype.Component
	static class Infrastructure {

		final SecretBox secrets;

		final TransactionTemplate transactions;

		final JsonMapper json;

		final Clock clock;

		final ProjectAccess access;

		Infrastructure(SecretBox secrets, PlatformTransactionManager transactions, Clock clock, ProjectAccess access) {
			this.secrets = secrets;
			this.transactions = new TransactionTemplate(transactions);
			// payloads of other systems: read leniently, whatever fields they carry
			this.json = JsonMapper.builder().build();
			this.clock = clock;
			this.access = access;
		}

	}

	Webhooks(LinkRepository links, DeliveryRepository deliveries, DeliveryEffects effects, Infrastructure infra) {
		this.links = links;
		this.deliveries = deliveries;
		this.effects = effects;
		this.infra = infra;
	}

	public Received receive(Forge forge, Headers headers, byte[] body) {
		Instant now = Times.now(this.infra.clock);
		String event = forge == Forge.GITHUB ? headers.event() : null;
		JsonNode payload;
		try {
			// read only for the repository's name, whose links' secrets verify the bytes
			payload = parse(body);
		}
		catch (InvalidInputException ex) {
			this.deliveries.log(Ids.newId(), forge, null, null, event == null ? "unknown" : event, null, null,
					"rejected", "the body is not a JSON object", null, null, now);
			throw ex;
		}
		if (forge == Forge.GITHUB
				&& (headers.signature() == null || !SIGNATURE.matcher(headers.signature()).matches())) {
			reject(forge, headers, event, null, "missing or malformed X-Hub-Signature-256 (sha256= required)", now);
		}
		if (forge == Forge.GITLAB && (headers.token() == null || headers.token().isEmpty())) {
			reject(forge, headers, event, null, "missing X-Gitlab-Token", now);
		}
		String repository = forge == Forge.GITHUB ? Payloads.githubRepository(payload)
				: Payloads.gitlabRepository(payload);
		Long projectId = forge == Forge.GITLAB ? Payloads.gitlabProjectId(payload) : null;
		List<LinkRow> verified = this.links.findByRepository(forge, repository, projectId)
			.stream()
			.filter(link -> verifies(link, headers, body))
			.toList();
		if (verified.isEmpty()) {
			reject(forge, headers, event, repository, "no link of this repository verifies the delivery", now);
		}
		if (forge == Forge.GITLAB) {
			event = Optional.ofNullable(Payloads.text(payload.path("object_kind"))).orElse("unknown");
		}
		if (event == null || event.isBlank()) {
			throw InvalidInputException.of("X-GitHub-Event", "is required");
		}
		ForgeEvent parsed = forge == Forge.GITHUB ? Payloads.github(event, payload) : Payloads.gitlab(payload);
		return apply(forge, headers.deliveryId(), event, parsed, verified, body, now);
	}

	/** Applies a failed delivery again (its body was verified when it arrived). */
	public Received redeliver(String projectRef, UUID deliveryId, CurrentUser user) {
		Membership admin = this.infra.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		Delivery delivery = this.deliveries.findById(deliveryId)
			.filter(d -> d.linkId() != null)
			.orElseThrow(() -> NotFoundException.of("Delivery"));
		LinkRow link = this.links.findById(delivery.linkId())
			.filter(l -> l.projectId().equals(admin.projectId()))
			.orElseThrow(() -> NotFoundException.of("Delivery"));
		byte[] body = this.deliveries.findBody(deliveryId)
			.orElseThrow(
					() -> dev.fixpoint.platform.ConflictException.because("Only a failed delivery can be redelivered"));
		JsonNode payload = parse(body);
		ForgeEvent parsed = link.forge() == Forge.GITHUB ? Payloads.github(delivery.event(), payload)
				: Payloads.gitlab(payload);
		String id = delivery.deliveryId() != null ? delivery.deliveryId() : delivery.id().toString();
		return apply(link.forge(), id, delivery.event(), parsed, List.of(link), body, Times.now(this.infra.clock));
	}

	private Received apply(Forge forge, String deliveryId, String event, ForgeEvent parsed, List<LinkRow> links,
			byte[] body, Instant now) {
		UUID id = Ids.newId();
		String action = parsed instanceof ForgeEvent.ChangeRequest r ? r.action() : parsed instanceof ForgeEvent.Issue i
				? i.action() : parsed instanceof ForgeEvent.Other o ? o.action() : null;
		try {
			Received received = this.infra.transactions.execute(status -> {
				Optional<UUID> claimed = this.deliveries.claim(id, forge, deliveryId, links.get(0), event, action,
						parsed.repository(), now);
				if (claimed.isEmpty()) {
					return null;
				}
				List<String> outcome = this.effects.apply(forge, parsed, links);
				String verdict = parsed instanceof ForgeEvent.Other ? "ignored" : "applied";
				this.deliveries.finish(claimed.get(), verdict, parsed instanceof ForgeEvent.Other
						? "event " + event + " is not used" : String.join("\n", outcome));
				return new Received(claimed.get(), verdict, outcome);
			});
			if (received != null) {
				return received;
			}
			this.deliveries.log(id, forge, null, links.get(0), event, action, parsed.repository(), "replayed",
					"delivery " + deliveryId + " was applied before", null, null, now);
			return new Received(id, "replayed", List.of());
		}
		catch (RuntimeException ex) {
			log.warn("Webhook delivery {} from {} failed", deliveryId, forge.displayName(), ex);
			this.deliveries.log(id, forge, deliveryId, links.get(0), event, action, parsed.repository(), "failed", "",
					ex.getClass().getSimpleName(), body, now);
			throw ex;
		}
	}

	private boolean verifies(LinkRow link, Headers headers, byte[] body) {
		String secret = this.infra.secrets.open(link.forge().secretPurpose(), link.webhookSecret());
		if (link.forge() == Forge.GITHUB) {
			String expected = "sha256=" + Hmacs.sha256Hex(secret.getBytes(StandardCharsets.UTF_8), body);
			return Hmacs.equalsConstantTime(expected, headers.signature());
		}
		return Hmacs.equalsConstantTime(secret, headers.token());
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode payload = this.infra.json.readTree(body);
			if (payload == null || !payload.isObject()) {
				throw InvalidInputException.of("body", "must be a JSON object");
			}
			return payload;
		}
		catch (JacksonException ex) {
			throw InvalidInputException.of("body", "is not valid JSON");
		}
	}

	private void reject(Forge forge, Headers headers, String event, String repository, String why, Instant now) {
		this.deliveries.log(Ids.newId(), forge, null, null, event == null ? "unknown" : event, null, repository,
				"rejected", why, null, null, now);
		throw UnauthorizedException.because("The delivery's signature does not verify");
	}

}
