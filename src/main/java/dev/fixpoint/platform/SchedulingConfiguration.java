package dev.fixpoint.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Enables the {@code @Scheduled} jobs. They run on every node, each piece of work done
 * once by one rule: rows are claimed with {@code FOR UPDATE SKIP LOCKED} (and re-checked
 * after the lock), work that is not rows takes {@code pg_try_advisory_xact_lock}, plain
 * deletes need neither (docs/ARCHITECTURE.md, "Running several nodes"). Off with
 * {@code fixpoint.scheduled-jobs=false} (the backup and restore commands).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "fixpoint.scheduled-jobs", matchIfMissing = true)
@EnableScheduling
class SchedulingConfiguration {

}
