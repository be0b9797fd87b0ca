package dev.fixpoint.sla;

/**
 * SLA numbers of a period across one or more projects (analytics): {@code compliancePct}
 * = the share of SLA clocks that stopped (bug done) in the period within their target
 * ({@code met} of {@code total}; null when none stopped); the open bugs breached and at
 * risk right now.
 */
public record SlaSummary(Double compliancePct, int met, int total, int breached, int atRisk) {
}
