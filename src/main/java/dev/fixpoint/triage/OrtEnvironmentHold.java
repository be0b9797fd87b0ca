package dev.fixpoint.triage;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reference of our own to ONNX Runtime's one environment (the native {@code OrtEnv},
 * which counts its references), taken before the sentence model loads and given back once
 * its session is closed ({@link SentenceEncoder#destroy}).
 * <p>
 * Why: {@code OrtEnvironment} registers a JVM shutdown hook of its own
 * ({@code OrtEnvironment$OrtEnvCloser}) that releases the environment, and a JVM runs its
 * shutdown hooks all at once: on SIGTERM that hook freed the environment while a backfill
 * batch was still inside {@code OrtSession.run}, and the JVM died of SIGSEGV (the
 * embedded PostgreSQL was then never stopped). Spring's own hook cannot order itself
 * before another library's. With this reference the library's hook only brings the count
 * from two to one; the last reference goes once no run is under way and the session is
 * closed. Taken before {@code OrtEnvironment} makes the environment, so there is no
 * moment in which the hook could free it first.
 * <p>
 * The Java API has no call for this ({@code OrtEnvironment.close()} does nothing since
 * microsoft/onnxruntime#10670; the race is #31352): the hold calls the two private native
 * methods {@code OrtEnvironment} itself uses, {@code createHandle} and {@code close}.
 * Were a later version of the library to rename them, the model still loads, without the
 * hold, and this says so in the log ({@code ShutdownNodesTest} then fails).
 */
final class OrtEnvironmentHold {

	private static final Logger log = LoggerFactory.getLogger(OrtEnvironmentHold.class);

	private OrtEnvironmentHold() {
	}

	/**
	 * Takes a reference (each taker its own): the environment's native handle, to give
	 * back with {@link #release}, or 0 if it could not be taken.
	 */
	static long take() {
		try {
			Method create = OrtEnvironment.class.getDeclaredMethod("createHandle", long.class, int.class, String.class);
			create.setAccessible(true);
			// the library's defaults (OrtEnvironment.getEnvironment()): the first
			// reference makes the environment
			return (long) create.invoke(null, api(), OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING.getValue(),
					OrtEnvironment.DEFAULT_NAME);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			log.warn("No hold on ONNX Runtime's environment ({}): a stop of the JVM during a run of the sentence "
					+ "model may crash it", cause(ex));
			return 0;
		}
	}

	/** Gives back a reference {@link #take} took (nothing for 0). */
	static void release(long handle) {
		if (handle == 0) {
			return;
		}
		try {
			Method close = OrtEnvironment.class.getDeclaredMethod("close", long.class, long.class);
			close.setAccessible(true);
			close.invoke(null, api(), handle);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			log.warn("Could not give back the hold on ONNX Runtime's environment: {}", cause(ex));
		}
	}

	/**
	 * The library's {@code OrtApi} pointer (set when {@code OrtEnvironment}'s class
	 * initialization loads the native libraries).
	 */
	private static long api() throws ReflectiveOperationException {
		ClassLoader loader = OrtEnvironment.class.getClassLoader();
		Class.forName(OrtEnvironment.class.getName(), true, loader);
		Field api = Class.forName("ai.onnxruntime.OnnxRuntime", true, loader).getDeclaredField("ortApiHandle");
		api.setAccessible(true);
		return api.getLong(null);
	}

	private static String cause(Exception ex) {
		return (ex instanceof InvocationTargetException target ? target.getCause() : ex).toString();
	}

}
