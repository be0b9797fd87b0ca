package dev.fixpoint.bugs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bug's report as markdown, through the same {@link BugMarkdown} as comments, rendered
 * once per text: the HTML is stored ({@code bug_texts_html}) with the hash of the texts
 * it was made from and the renderer's version, and made again when either differs (the
 * first read after an edit, or after a release that raised {@link #RENDERER}). Filing and
 * editing do not render: only pages show the HTML, the API returns the markdown.
 */
@Service
public class BugTexts {

	/**
	 * The version of what {@link BugMarkdown} (and {@code platform.Markdown}) make: raise
	 * it when their output changes, and every stored report is rendered again when next
	 * read.
	 */
	static final int RENDERER = 1;

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
		return stored(bug, member).orElseGet(() -> render(bug, member));
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
		return this.stored.find(bug.id(), sourceHash(bug), RENDERER);
	}

	private RenderedReport render(Bug bug, Membership member) {
		BugMarkdown.Links links = this.markdown.in(member);
		RenderedReport html = new RenderedReport(links.render(bug.description()).html(),
				links.render(bug.stepsToReproduce()).html(), links.render(bug.expectedBehavior()).html(),
				links.render(bug.actualBehavior()).html());
		this.stored.save(bug.id(), sourceHash(bug), RENDERER, html);
		return html;
	}

	/** SHA-256 of the four texts, each with its length, so no two reports share one. */
	static byte[] sourceHash(Bug bug) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String text : new String[] { bug.description(), bug.stepsToReproduce(), bug.expectedBehavior(),
					bug.actualBehavior() }) {
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
