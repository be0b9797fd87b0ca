package dev.fixpoint.triage;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real vectors for the approximate-search benchmarks (bench/triage/ann.sh, bench/README.md "Triage"): embeds bug
 * reports with the product's own {@link SentenceEncoder} and {@link TriageText}, exactly as the embedding backfill
 * does (batches of 8, quantized by {@link Vectors}), and appends them to a file of records (bug id: 16 bytes, then
 * 384 signed bytes). Input: one JSON object per line with {@code id}, {@code title}, {@code description},
 * {@code steps} (e.g. {@code psql -At -c "select json_build_object(...) from bugs"} on a generated data set). Skips
 * the lines already in the output, so it can be stopped and resumed; flushes after every batch.
 *
 * <pre>
 *   bench/triage/ann.sh embed reports.jsonl vectors.bin
 * </pre>
 *
 * Compiled against target/classes in the product's package (ann.sh), since the encoder is package-private.
 */
public class EmbedReports {

	static final int RECORD = 16 + SentenceEncoder.DIMENSIONS;

	public static void main(String[] args) throws Exception {
		Path in = Path.of(args[0]);
		Path out = Path.of(args[1]);
		long done = Files.exists(out) ? Files.size(out) / RECORD : 0;
		ObjectMapper json = new ObjectMapper();
		SentenceEncoder encoder = new SentenceEncoder();
		List<UUID> ids = new ArrayList<>();
		List<TriageText> texts = new ArrayList<>();
		long start = System.nanoTime();
		long n = 0;
		try (var lines = Files.lines(in);
				var file = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(out.toFile(), true)))) {
			var it = lines.skip(done).iterator();
			while (it.hasNext()) {
				JsonNode bug = json.readTree(it.next());
				var text = TriageText.of(bug.path("title").asText(null), bug.path("description").asText(null),
						bug.path("steps").asText(null)).text();
				if (text.isEmpty()) {
					continue; // nothing to embed: the record would not line up with the input, so none is written
				}
				ids.add(UUID.fromString(bug.get("id").asText()));
				texts.add(text.get());
				if (texts.size() == Embeddings.BATCH || !it.hasNext()) {
					List<float[]> vectors = encoder.encode(texts);
					for (int i = 0; i < vectors.size(); i++) {
						file.writeLong(ids.get(i).getMostSignificantBits());
						file.writeLong(ids.get(i).getLeastSignificantBits());
						file.write(Vectors.quantized(vectors.get(i)));
					}
					file.flush();
					n += vectors.size();
					ids.clear();
					texts.clear();
					if (n % 1000 < Embeddings.BATCH) {
						System.out.printf("%d embedded (%d in the file), %.1f/s%n", n, done + n,
								n / ((System.nanoTime() - start) / 1e9));
					}
				}
			}
		}
		System.out.printf("%d embedded, %d in the file%n", n, done + n);
	}

}
