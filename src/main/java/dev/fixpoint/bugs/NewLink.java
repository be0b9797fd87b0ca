package dev.fixpoint.bugs;

/**
 * {@code POST /api/bugs/{id}/links}: this bug {@code type} the {@code target} (its id or
 * key): {@code {"type": "blocks", "target": "WEB-7"}}.
 *
 * @param type blocks, blocked_by, relates_to, parent (this bug is the target's parent) or
 * child (this bug is a sub-bug of the target)
 */
public record NewLink(String type, String target) {
}
