package dev.fixpoint.forge;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code forge_issues} (linked forge issues) and {@code forge_comments} (our one comment
 * per request).
 */
@Repository
class IssueRepository {

	record LinkedIssue(UUID linkId, long number, UUID bugId, String url, String pushedState) {
	}

	private final JdbcClient jdbc;

	IssueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean link(UUID linkId, long number, UUID bugId, String url) {
		return this.jdbc.sql("""
				insert into forge_issues (link_id, number, bug_id, url) values (:link, :number, :bug, :url)
				on conflict (link_id, number) do nothing
				""").param("link", linkId).param("number", number).param("bug", bugId).param("url", url).update() == 1;
	}

	/**
	 * Links imported issues to the bugs they became, one statement per batch; an issue
	 * linked before (a bug's key in its text) follows its imported bug from now on.
	 */
	void linkImported(UUID linkId, List<Long> numbers, List<UUID> bugIds, List<String> urls) {
		if (numbers.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into forge_issues (link_id, number, bug_id, url)
				select :link, i.number, i.bug_id, i.url
				from unnest(cast(:numbers as bigint[]), cast(:bugs as uuid[]), cast(:urls as text[]))
				    as i(number, bug_id, url)
				on conflict (link_id, number) do update set bug_id = excluded.bug_id, url = excluded.url
				where forge_issues.bug_id <> excluded.bug_id or forge_issues.url <> excluded.url
				""")
			.param("link", linkId)
			.param("numbers", numbers.toArray(Long[]::new))
			.param("bugs", bugIds.toArray(UUID[]::new))
			.param("urls", urls.toArray(String[]::new))
			.update();
	}

	Optional<LinkedIssue> find(UUID linkId, long number) {
		return this.jdbc.sql(
				"select link_id, number, bug_id, url, pushed_state from forge_issues where link_id = :link and number = :number for update")
			.param("link", linkId)
			.param("number", number)
			.query(LinkedIssue.class)
			.optional();
	}

	List<LinkedIssue> findByBug(UUID bugId) {
		return this.jdbc.sql("select link_id, number, bug_id, url, pushed_state from forge_issues where bug_id = :bug")
			.param("bug", bugId)
			.query(LinkedIssue.class)
			.list();
	}

	void pushed(UUID linkId, long number, String state) {
		this.jdbc.sql("update forge_issues set pushed_state = :state where link_id = :link and number = :number")
			.param("link", linkId)
			.param("number", number)
			.param("state", state)
			.update();
	}

	Optional<Long> commentId(UUID linkId, long number, UUID bugId) {
		return this.jdbc
			.sql("select comment_id from forge_comments where link_id = :link and number = :number and bug_id = :bug")
			.param("link", linkId)
			.param("number", number)
			.param("bug", bugId)
			.query(Long.class)
			.optional();
	}

	void saveComment(UUID linkId, long number, UUID bugId, long commentId) {
		this.jdbc.sql("""
				insert into forge_comments (link_id, number, bug_id, comment_id) values (:link, :number, :bug, :comment)
				on conflict (link_id, number, bug_id) do update set comment_id = excluded.comment_id
				""")
			.param("link", linkId)
			.param("number", number)
			.param("bug", bugId)
			.param("comment", commentId)
			.update();
	}

}
