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
 * @param batchSize rows claimed per transaction by the database lane
 * @param slowRest how a slow worker yields while this machine's CPUs are busy (more than
 * {@link SlowLanePacing#BUSY} used): after each batch it rests this many times the CPU
 * time the batch took, so it takes at most {@code 1 / (1 + slowRest)} of a core from the
 * requests then, and a whole core when the machine is otherwise idle (0: never rests)
 * @param gather how long a woken worker lets commits gather while its lane is busy: a
 * wake within this time after the lane's last round began waits until this time after it,
 * and the commits meanwhile wake nobody (the waiting worker's claim finds their rows), so
 * under load a lane claims at most about once per {@code gather} and takes the rows of
 * many commits at once; a wake on an idle lane delivers at once (0: every wake delivers
 * at once)
 * @param slowBatchSize rows claimed per transaction by the slow lane (the pacing rests
 * after each batch)
 */
@ConfigurationProperties("fixpoint.outbox")
record OutboxProperties(@DefaultValue("BACKGROUND") AfterCommit afterCommit, @DefaultValue("2") int workers,
		@DefaultValue("4") int networkWorkers, @DefaultValue("1") int slowWorkers,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("50") int batchSize, @DefaultValue("3") int slowRest,
		@DefaultValue("50ms") Duration gather, @DefaultValue("10") int slowBatchSize) {

	enum AfterCommit {

		BACKGROUND, CALLER, NONE

	}

}
