package dev.fixpoint.bugs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.platform.Backfill;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bug's report as markdown, through the same {@link BugMarkdown} as comments, rendered
 * once per text: when the bug is filed and when one of its texts is edited, in that
 * transaction. The HTML is stored ({@code bug_texts_html}) with the hash of the texts it
 * was made from and the renderer's version ({@link BugMarkdown#VERSION}); after a release
 * that raised the version, {@code BugTextBackfill} renders every report again in the
 * background. A page that finds no rendering of the current texts by the current renderer
 * (the backfill has not reached the bug yet, or an edit raced a render) renders it then
 * and stores it: the fallback, not the rule.
 */
@Service
public class BugTexts {

	static final int RENDERER = BugMarkdown.VERSION;

	/** The fields whose change means a new rendering. */
	private static final Set<String> TEXT_FIELDS = Set.of("description", "steps_to_reproduce", "expected_behavior",
			"actual_behavior");

	private final ProjectAccess access;

	private final BugMarkdown markdown;

	private final BugTextRepository stored;

	BugTexts(ProjectAccess access, BugMarkdown markdown, BugTextRepository stored) {
		this.access = access;
		this.markdown = markdown;
		this.stored = stored;
	}

	/**
	 * The caller must be a member of the bug's project (404 otherwise), as for reading
	 * the bug itself.
	 */
	@Transactional
	public RenderedReport report(Bug bug, CurrentUser user) {
		return report(bug, this.access.membership(bug.projectId(), user));
	}

	/** For a member of the bug's project (404 for another project's bug). */
	@Transactional
	public RenderedReport report(Bug bug, Membership member) {
		return stored(bug, member).orElseGet(() -> render(bug.id(), texts(bug), member));
	}

	/**
	 * The stored report if it is up to date; reads only, so a read-only transaction may
	 * ask before it calls {@link #report(Bug, Membership)} in one that may write.
	 */
	@Transactional(readOnly = true)
	public Optional<RenderedReport> stored(Bug bug, Membership member) {
		if (!bug.projectId().equals(member.projectId())) {
			throw NotFoundException.of("Bug");
		}
		return this.stored.find(bug.id(), sourceHash(texts(bug)), RENDERER);
	}

	/**
	 * A bug being filed: its report rendered, stored by the statement that inserts the
	 * bug ({@link BugRepository#insert}).
	 */
	Rendering filing(ReportText report, Membership member) {
		String[] texts = texts(report);
		return new Rendering(sourceHash(texts), RENDERER, render(this.markdown.in(member), texts));
	}

	/** A report's HTML with what it was made from, as {@code bug_texts_html} keeps it. */
	record Rendering(byte[] sourceHash, int renderer, RenderedReport html) {
	}

	/** An edit: the report rendered again, in its transaction, if a text changed. */
	void edited(UUID bugId, ReportText report, Set<String> changedFields, Membership member) {
		if (changedFields.stream().anyMatch(TEXT_FIELDS::contains)) {
			render(bugId, texts(report), member);
		}
	}

	/**
	 * Renders the next bugs after {@code after} (null: from the first) that have no
	 * rendering by the current renderer, unless another node is doing a batch right now.
	 */
	@Transactional
	Backfill.Batch backfill(UUID after, int size) {
		if (!this.stored.claimBackfill()) {
			return new Backfill.Batch(false, 0, after);
		}
		List<BugTextRepository.Outdated> bugs = this.stored.findOutdated(after, RENDERER, size);
		Map<UUID, BugMarkdown.Links> projects = new HashMap<>(); // keys and members once
																	// per project
		for (BugTextRepository.Outdated bug : bugs) {
			String[] texts = { bug.description(), bug.stepsToReproduce(), bug.expectedBehavior(),
					bug.actualBehavior() };
			BugTextRepository.ProjectOf project = bug.project();
			BugMarkdown.Links links = projects.computeIfAbsent(project.id(),
					id -> this.markdown.in(id, project.orgId(), project.key()));
			this.stored.saveIfOutdated(bug.id(), sourceHash(texts), RENDERER, render(links, texts));
		}
		return new Backfill.Batch(true, bugs.size(), bugs.isEmpty() ? after : bugs.get(bugs.size() - 1).id());
	}

	private RenderedReport render(UUID bugId, String[] texts, Membership member) {
		RenderedReport html = render(this.markdown.in(member), texts);
		this.stored.save(bugId, sourceHash(texts), RENDERER, html);
		return html;
	}

	private static RenderedReport render(BugMarkdown.Links links, String[] texts) {
		return new RenderedReport(links.render(texts[0]).html(), links.render(texts[1]).html(),
				links.render(texts[2]).html(), links.render(texts[3]).html());
	}

	private static String[] texts(Bug bug) {
		return new String[] { bug.description(), bug.stepsToReproduce(), bug.expectedBehavior(), bug.actualBehavior() };
	}

	private static String[] texts(ReportText report) {
		return new String[] { report.description(), report.stepsToReproduce(), report.expectedBehavior(),
				report.actualBehavior() };
	}

	/** SHA-256 of the four texts, each with its length, so no two reports share one. */
	static byte[] sourceHash(String[] texts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String text : texts) {
				byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
				digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
				digest.update((byte) ':');
				digest.update(bytes);
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
