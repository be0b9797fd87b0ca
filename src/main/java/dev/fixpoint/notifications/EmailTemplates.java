package dev.fixpoint.notifications;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.platform.FixpointProperties;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.stereotype.Component;

/**
 * Writes emails from email items: subject, HTML (JTE, escaped) and plain text, links to
 * the bugs, unsubscribe links, and the ids that thread a bug's emails together
 * ({@code <bug-<id>@host>}).
 */
@Component
class EmailTemplates {

	record Composed(String subject, String text, String html, String threadId, String listUnsubscribe) {
	}

	private final TemplateEngine templates;

	private final UnsubscribeTokens tokens;

	private final String baseUrl;

	private final String host;

	EmailTemplates(TemplateEngine templates, UnsubscribeTokens tokens, FixpointProperties properties) {
		this.templates = templates;
		this.tokens = tokens;
		this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
		String h = URI.create(this.baseUrl).getHost();
		this.host = h == null ? "fixpoint.local" : h;
	}

	/** Changes to one bug within the batch window. */
	Composed bug(UUID userId, List<EmailItemRepository.EmailItem> items) {
		EmailItemRepository.EmailItem last = items.get(items.size() - 1);
		String heading = items.size() == 1 ? last.line() : items.size() + " updates on " + last.bugKey();
		return compose(userId, "[" + last.bugKey() + "] " + last.bugTitle(), heading, items,
				"<bug-" + last.bugId() + "@" + this.host + ">");
	}

	/** One bulk change of several bugs: one summary. */
	Composed bulk(UUID userId, List<EmailItemRepository.EmailItem> items) {
		int bugs = (int) items.stream().map(EmailItemRepository.EmailItem::bugId).distinct().count();
		String heading = bugs + (bugs == 1 ? " bug" : " bugs") + " changed in one go";
		return compose(userId, "[Fixpoint] " + heading, heading, items, null);
	}

	Composed digest(UUID userId, List<EmailItemRepository.EmailItem> items) {
		int bugs = (int) items.stream().map(EmailItemRepository.EmailItem::bugId).distinct().count();
		String heading = "Your digest: " + items.size() + (items.size() == 1 ? " update" : " updates") + " on " + bugs
				+ (bugs == 1 ? " bug" : " bugs");
		return compose(userId, "[Fixpoint] " + heading, heading, items, null);
	}

	/** The public URL of this installation, without a trailing slash. */
	String baseUrl() {
		return this.baseUrl;
	}

	/** The {@code In-Reply-To}/{@code References} id of a conversation's emails. */
	String threadId(String key) {
		return "<" + key + "@" + this.host + ">";
	}

	String messageId(UUID emailId) {
		return "<email-" + emailId + "@" + this.host + ">";
	}

	private Composed compose(UUID userId, String subject, String heading, List<EmailItemRepository.EmailItem> items,
			String threadId) {
		Map<UUID, List<EmailItemRepository.EmailItem>> byBug = new LinkedHashMap<>();
		items.forEach(i -> byBug.computeIfAbsent(i.bugId(), id -> new ArrayList<>()).add(i));
		List<EmailView.BugBlock> blocks = byBug.values().stream().map(list -> {
			EmailItemRepository.EmailItem newest = list.get(list.size() - 1);
			return new EmailView.BugBlock(newest.bugKey(), newest.bugTitle(), newest.bugStatus(),
					this.baseUrl + "/bugs/" + newest.bugKey(),
					list.stream().map(EmailItemRepository.EmailItem::line).distinct().toList());
		}).toList();
		Set<NotificationKind> kinds = new LinkedHashSet<>();
		items.forEach(i -> NotificationKind.parse(i.kind()).ifPresent(kinds::add));
		List<EmailView.Link> unsubscribe = new ArrayList<>();
		kinds.forEach(k -> unsubscribe.add(new EmailView.Link(
				"Stop emails about " + k.label().toLowerCase(java.util.Locale.ROOT), unsubscribeUrl(userId, k))));
		NotificationKind only = kinds.size() == 1 ? kinds.iterator().next() : null;
		EmailView view = new EmailView(heading, blocks, this.baseUrl + "/settings/notifications", unsubscribe);
		StringOutput html = new StringOutput();
		this.templates.render("notifications/email.jte", Map.of("email", view), html);
		return new Composed(oneLine(subject), view.text(), html.toString(), threadId,
				"<" + this.baseUrl + "/api/unsubscribe/" + this.tokens.sign(userId, only) + ">");
	}

	private String unsubscribeUrl(UUID userId, NotificationKind kind) {
		return this.baseUrl + "/unsubscribe/" + this.tokens.sign(userId, kind);
	}

	/** Titles are user input: no line breaks into headers. */
	static String oneLine(String value) {
		String flat = value.replaceAll("[\\r\\n\\t]+", " ").strip();
		return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
	}

}
