package dev.fixpoint.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is consumed, bound from {@code fixpoint.outbox.*}.
 *
 * @param afterCommit what a node does right after committing events: {@code BACKGROUND}
 * wakes its workers (the default), {@code CALLER} delivers them on the committing thread
 * before it returns (tests: the HTTP answer comes after the notifications), {@code NONE}
 * leaves them to the polling (fault tests)
 * @param workers delivery threads per node for the consumers that only write to the
 * database (0: this node never delivers them)
 * @param networkWorkers delivery threads per node for the consumers that call other
 * systems (webhooks, forges; 0: this node never delivers them)
 * @param slowWorkers delivery threads per node for the consumers whose handlers do heavy
 * work on this node's CPU (triage's embeddings; 0: this node never delivers them)
 * @param pollInterval how often an idle worker looks for rows nobody woke it for (other
 * nodes' leftovers, retries, a crashed node's rows)
 * @param batchSize rows claimed per transaction
 * @param slowRest how a slow worker yields while this machine's CPUs are busy (more than
 * {@link SlowLanePacing#BUSY} used): after each delivery it rests this many times the CPU
 * time the delivery took, so it takes at most {@code 1 / (1 + slowRest)} of a core from
 * the requests then, and a whole core when the machine is otherwise idle (0: never rests)
 */
@ConfigurationProperties("fixpoint.outbox")
record OutboxProperties(@DefaultValue("BACKGROUND") AfterCommit afterCommit, @DefaultValue("2") int workers,
		@DefaultValue("4") int networkWorkers, @DefaultValue("1") int slowWorkers,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("50") int batchSize, @DefaultValue("3") int slowRest) {

	enum AfterCommit {

		BACKGROUND, CALLER, NONE

	}

}
