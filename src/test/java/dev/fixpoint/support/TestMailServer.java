package dev.fixpoint.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server of the test run: one GreenMail on a free port, started with the shared
 * application context (see {@link IntegrationTest}). Tests find their messages by
 * recipient, since all tests share it. {@link #stop()} and {@link #restart()} simulate an
 * outage; the port stays the same.
 */
public final class TestMailServer {

	private static GreenMail greenMail;

	private static int port;

	private TestMailServer() {
	}

	public static synchronized GreenMail get() {
		if (greenMail == null) {
			ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
			greenMail = new GreenMail(setup);
			greenMail.start();
			port = greenMail.getSmtp().getPort();
		}
		return greenMail;
	}

	public static synchronized int port() {
		get();
		return port;
	}

	public static synchronized void stop() {
		get().stop();
	}

	/** Starts again on the same port, keeping nothing of what it had received. */
	public static synchronized void restart() {
		greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
	}

}
