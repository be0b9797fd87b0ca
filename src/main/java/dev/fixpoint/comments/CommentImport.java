package dev.fixpoint.comments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.fixpoint.bugs.BugMarkdown;
import dev.fixpoint.bugs.ImportedComment;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments brought in with imported bugs, a batch at a time (the imports module, after
 * {@code bugs.BugImport} wrote the batch's bugs): one insert for the batch, with the
 * source's authors and dates. Unlike {@link Comments#add} it notifies nobody, mentions
 * nobody and writes no history entry (the comment itself is in the timeline, dated when
 * it was written). A comment is identified on its bug by its original id: a re-run adds
 * only the comments that are new.
 */
@Service
public class CommentImport {

	private final CommentRepository comments;

	private final BugMarkdown markdown;

	CommentImport(CommentRepository comments, BugMarkdown markdown) {
		this.comments = comments;
		this.markdown = markdown;
	}

	/**
	 * Writes the comments of a batch's bugs; requires a project admin (the importer) and
	 * a transaction.
	 * @param byBug each bug's comments, by the bug's id
	 * @return how many comments were added
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int write(Membership importer, Map<UUID, List<ImportedComment>> byBug) {
		importer.require(ProjectAction.MANAGE_PROJECT);
		Function<String, BugMarkdown.Rendered> render = this.markdown.renderer(importer);
		List<CommentRepository.ImportedRow> rows = new ArrayList<>();
		byBug.forEach((bugId, list) -> {
			for (ImportedComment c : list) {
				String content = c.content().length() > Comments.MAX_LENGTH
						? c.content().substring(0, Comments.MAX_LENGTH - 1) + "…" : c.content();
				Instant at = c.createdAt();
				rows.add(new CommentRepository.ImportedRow(Ids.newId(), bugId, c.authorId(), content,
						render.apply(content).html().html(), at, c.originalId()));
			}
		});
		return rows.isEmpty() ? 0 : this.comments.insertImported(rows, BugMarkdown.VERSION);
	}

}
