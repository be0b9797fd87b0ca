/**
 * Comments on bugs: markdown with bug keys and mentions, one level of replies, internal notes viewers never see, edits and deletes. Owns the comments table; publishes CommentAdded (and UserMentioned for mentions).
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.comments;
