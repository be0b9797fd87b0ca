package dev.fixpoint.support;

import dev.fixpoint.platform.web.ApiController;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /api/test/failure}: logs a line, then fails unexpectedly, for tests of what
 * an unexpected error looks like (500 problem details with a correlation id, the logs of
 * the request). Only in the tests' application; hidden from the OpenAPI description.
 */
@TestComponent
@ApiController
@Hidden
public class FailingEndpoint {

	public static final String PATH = "/api/test/failure";

	public static final String LOG_LINE = "About to fail on purpose";

	private static final Logger log = LoggerFactory.getLogger(FailingEndpoint.class);

	@GetMapping(PATH)
	void fail() {
		log.info(LOG_LINE);
		throw new IllegalStateException("A failure on purpose, for a test");
	}

}
