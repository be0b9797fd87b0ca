/**
 * Notifications: who hears about which bug. Listens to the bugs and sla events inside their transactions, writes
 * in-app notifications and email items for the right people (watchers, reporter, assignee, mentioned, project
 * admins for SLA breaches; never the actor; muted bugs stay silent; viewers never hear about internal notes),
 * pushes unread counts to browsers over Server-Sent Events (PostgreSQL LISTEN/NOTIFY across nodes), and turns
 * email items into batched, per-bug threaded emails and digests sent from an outbox.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.notifications;
