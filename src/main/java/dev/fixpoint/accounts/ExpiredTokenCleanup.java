package dev.fixpoint.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes expired API tokens every hour (they are already refused; this keeps the table
 * small).
 */
@Component
class ExpiredTokenCleanup {

	private static final Logger log = LoggerFactory.getLogger(ExpiredTokenCleanup.class);

	private final TokenRepository tokens;

	ExpiredTokenCleanup(TokenRepository tokens) {
		this.tokens = tokens;
	}

	@Scheduled(fixedDelayString = "${fixpoint.token-cleanup-interval:PT1H}",
			initialDelayString = "${fixpoint.token-cleanup-initial-delay:PT5M}")
	@Transactional
	void deleteExpired() {
		int deleted = this.tokens.deleteExpired();
		if (deleted > 0) {
			log.info("Deleted {} expired API tokens", deleted);
		}
	}

}
