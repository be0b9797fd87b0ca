package dev.fixpoint.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A webhook receiver on localhost for tests of other packages (journeys): counts
 * deliveries.
 */
public final class TestReceiver implements AutoCloseable {

	private final Receiver receiver;

	public TestReceiver() {
		try {
			this.receiver = new Receiver();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return this.receiver.url();
	}

	public int count() {
		return this.receiver.received().size();
	}

	@Override
	public void close() {
		this.receiver.close();
	}

}
