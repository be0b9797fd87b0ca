package dev.fixpoint.comments;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.bugs.AnonymisedText;
import dev.fixpoint.bugs.BugMarkdown;
import dev.fixpoint.bugs.BugsAnonymised;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Comments of anonymised bugs (a project's retention policy): their authors become the
 * anonymous actor, email addresses and {@code @mentions} leave their text, which is
 * rendered again; in the anonymisation's transaction.
 */
@Component
class AnonymisedComments {

	private final JdbcClient jdbc;

	private final BugMarkdown markdown;

	AnonymisedComments(JdbcClient jdbc, BugMarkdown markdown) {
		this.jdbc = jdbc;
		this.markdown = markdown;
	}

	@EventListener
	void on(BugsAnonymised event) {
		UUID[] bugs = event.bugIds().toArray(UUID[]::new);
		this.jdbc.sql("update comments set author_id = :anonymous where bug_id = any(:bugs)")
			.param("bugs", bugs)
			.param("anonymous", event.anonymous())
			.update();
		List<CommentRepository.Outdated> texts = this.jdbc.sql("""
				select id, bug_id, content from comments where bug_id = any(:bugs) and content like '%@%'
				""").param("bugs", bugs).query(CommentRepository.Outdated.class).list();
		BugMarkdown.OnBugs rendering = this.markdown.onBugs();
		for (CommentRepository.Outdated comment : texts) {
			String content = AnonymisedText.of(comment.content());
			String html = rendering.render(comment.bugId(), content).map(r -> r.html().html()).orElse("");
			this.jdbc.sql("update comments set content = :content, content_html = :html where id = :id")
				.param("id", comment.id())
				.param("content", content)
				.param("html", html)
				.update();
		}
	}

}
