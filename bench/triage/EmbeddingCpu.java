import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time of one embedding (bench/README.md, "Triage"), single-threaded, after warm-up: embeds the evaluation set's
 * 305 reports (short: title + description, some 25 word pieces) and the same reports made long (each followed by
 * the descriptions of the next fourteen: some 1,000 characters, 200 word pieces, a filled-in report) several times, and prints
 * the CPU time per embedding of the calling thread (ThreadMXBean) and of the whole process (every ONNX Runtime
 * thread included), and the wall time.
 *
 * <pre>
 *   bench/triage/embedding-cpu.sh [langchain4j|fixpoint] [batch]
 * </pre>
 *
 * {@code langchain4j}: the model as the product ran it before (LangChain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel},
 * ONNX Runtime's default session options: as many intra-op threads as cores); {@code fixpoint}: the product's
 * {@code SentenceEncoder} (one thread, every graph optimization, 256 word pieces at most), {@code batch} texts per
 * run of the model.
 */
public class EmbeddingCpu {

	public static void main(String[] args) throws Exception {
		String mode = args.length > 0 ? args[0] : "fixpoint";
		int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
		List<String> shortTexts = new ArrayList<>();
		List<String> descriptions = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("src/test/resources/triage/eval.tsv"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				String[] r = line.split("\t");
				shortTexts.add(r[4] + ". " + r[5]);
				descriptions.add(r[5]);
			}
		}
		List<String> longTexts = new ArrayList<>();
		for (int i = 0; i < shortTexts.size(); i++) {
			StringBuilder text = new StringBuilder(shortTexts.get(i));
			for (int j = 1; j <= 14; j++) {
				text.append(' ').append(descriptions.get((i + j * 37) % descriptions.size()));
			}
			longTexts.add(text.toString());
		}
		Embedder embedder = mode.equals("langchain4j") ? new LangChain4j() : new Fixpoint();
		run(embedder, shortTexts, batch, 1); // warm-up: loads the model, JIT
		run(embedder, longTexts, batch, 1);
		report("short (eval set, %.0f word pieces)".formatted(wordPieces(shortTexts)), embedder, shortTexts, batch,
				rounds);
		report("long (%.0f word pieces before any cut)".formatted(wordPieces(longTexts)), embedder, longTexts, batch,
				rounds);
	}

	/** The mean number of word pieces of the texts, [CLS] and [SEP] included, nothing cut. */
	static double wordPieces(List<String> texts) throws Exception {
		Class<?> type = Class.forName("ai.djl.huggingface.tokenizers.HuggingFaceTokenizer");
		Object tokenizer;
		try (var in = EmbeddingCpu.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
			tokenizer = type.getMethod("newInstance", java.io.InputStream.class, java.util.Map.class)
				.invoke(null, in, java.util.Map.of("truncation", "false", "padding", "false"));
		}
		Method encode = type.getMethod("encode", String.class);
		long sum = 0;
		for (String t : texts) {
			Object encoding = encode.invoke(tokenizer, t);
			sum += ((long[]) encoding.getClass().getMethod("getIds").invoke(encoding)).length;
		}
		return (double) sum / texts.size();
	}

	static void report(String what, Embedder embedder, List<String> texts, int batch, int rounds) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long thread0 = threads.getCurrentThreadCpuTime();
		long process0 = os.getProcessCpuTime();
		long wall0 = System.nanoTime();
		int n = run(embedder, texts, batch, rounds);
		double thread = (threads.getCurrentThreadCpuTime() - thread0) / 1e6 / n;
		double process = (os.getProcessCpuTime() - process0) / 1e6 / n;
		double wall = (System.nanoTime() - wall0) / 1e6 / n;
		System.out.printf("%s, %s, batch %d: %d embeddings, CPU %.1f ms each (calling thread), %.1f ms (process), "
				+ "wall %.1f ms; load average %s%n", embedder.name(), what, batch, n, thread, process, wall,
				Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
	}

	static int run(Embedder embedder, List<String> texts, int batch, int rounds) throws Exception {
		int n = 0;
		for (int r = 0; r < rounds; r++) {
			for (int i = 0; i < texts.size(); i += batch) {
				List<String> part = texts.subList(i, Math.min(texts.size(), i + batch));
				embedder.embed(part);
				n += part.size();
			}
		}
		return n;
	}

	interface Embedder {

		String name();

		void embed(List<String> texts) throws Exception;

	}

	/** As the product ran the model before: LangChain4j's model class, one text a call. */
	static final class LangChain4j implements Embedder {

		final Object model;

		final Method embed;

		LangChain4j() throws Exception {
			System.setProperty("ai.djl.offline", "true");
			System.setProperty("OPT_OUT_TRACKING", "true");
			Class<?> type = Class
				.forName("dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel");
			this.model = type.getConstructor().newInstance();
			this.embed = type.getMethod("embed", String.class);
		}

		public String name() {
			return "langchain4j (before)";
		}

		public void embed(List<String> texts) throws Exception {
			for (String text : texts) {
				this.embed.invoke(this.model, text);
			}
		}

	}

	/** The product's encoder (package-private: reached by reflection). */
	static final class Fixpoint implements Embedder {

		final Object encoder;

		final Method encode;

		final Constructor<?> text;

		Fixpoint() throws Exception {
			Class<?> type = Class.forName("dev.fixpoint.triage.SentenceEncoder");
			Constructor<?> c = type.getDeclaredConstructor();
			c.setAccessible(true);
			this.encoder = c.newInstance();
			this.encode = type.getDeclaredMethod("encode", List.class);
			this.encode.setAccessible(true);
			this.text = Class.forName("dev.fixpoint.triage.TriageText").getDeclaredConstructor(String.class);
			this.text.setAccessible(true);
		}

		public String name() {
			return "fixpoint SentenceEncoder";
		}

		public void embed(List<String> texts) throws Exception {
			List<Object> in = new ArrayList<>();
			for (String t : texts) {
				in.add(this.text.newInstance(t));
			}
			this.encode.invoke(this.encoder, in);
		}

	}

}
