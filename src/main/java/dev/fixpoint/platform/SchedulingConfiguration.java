package dev.fixpoint.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Enables {@code @Scheduled} housekeeping jobs (safe to run on every node: they are
 * idempotent deletes). Off with {@code fixpoint.scheduled-jobs=false} (the backup and
 * restore commands).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "fixpoint.scheduled-jobs", matchIfMissing = true)
@EnableScheduling
class SchedulingConfiguration {

}
