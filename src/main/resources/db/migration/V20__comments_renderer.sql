-- Which markdown renderer made a comment's content_html (bugs.BugMarkdown.VERSION): after a release that raises the
-- version, comments.CommentTextBackfill renders the older ones again, as bugs.BugTextBackfill does for reports.
-- Every comment so far was made by version 1.
alter table comments add column renderer smallint not null default 1;
