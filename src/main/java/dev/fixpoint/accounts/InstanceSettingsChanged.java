package dev.fixpoint.accounts;

/**
 * A site admin changed the instance settings (published in the change's transaction): the
 * notifications module reads its SMTP server again.
 */
public record InstanceSettingsChanged() {
}
