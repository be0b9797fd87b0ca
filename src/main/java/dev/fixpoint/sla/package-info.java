/**
 * Service-level agreements: per-project targets per severity (optionally in business hours), each bug's
 * {@code sla_due_at}, the escalation job that publishes {@link dev.fixpoint.sla.SlaThresholdReached} once per
 * threshold, and the SLA dashboard.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.sla;
