import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attachment throughput and server heap: uploads a 25 MB file, downloads it through its signed URL, then uploads
 * it 10 times in parallel while sampling the server's heap with jstat. Single file, no dependencies:
 *
 *   java bench/attachments/AttachmentBench.java --base http://127.0.0.1:8080 --pid <server pid> [--parallel 10]
 */
public class AttachmentBench {

	static final HttpClient HTTP = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		String base = arg(args, "--base", "http://127.0.0.1:8080");
		String pid = arg(args, "--pid", null);
		int parallel = Integer.parseInt(arg(args, "--parallel", "10"));
		long size = Long.parseLong(arg(args, "--bytes", String.valueOf(25L * 1024 * 1024)));
		if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
			throw new IllegalArgumentException("Only loopback addresses");
		}
		String token = signUp(base);
		String project = field(post(base + "/api/projects", token, "{\"name\":\"Bench\",\"key\":\"ATT"
				+ (System.nanoTime() % 10000) + "\"}"), "key");
		String bug = field(post(base + "/api/projects/" + project + "/bugs", token,
				"{\"title\":\"Large log\",\"severity\":\"low\"}"), "id");
		Path file = Files.createTempFile("bench-", ".log");
		try {
			writeLog(file, size);
			double mb = size / 1024.0 / 1024.0;

			long t0 = System.nanoTime();
			String created = upload(base, token, bug, file);
			double uploadS = (System.nanoTime() - t0) / 1e9;
			String url = field(created, "download_url");

			t0 = System.nanoTime();
			long read;
			HttpResponse<InputStream> download = HTTP.send(HttpRequest.newBuilder(URI.create(base + url)).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = download.body()) {
				read = in.transferTo(OutputStream.nullOutputStream());
			}
			double downloadS = (System.nanoTime() - t0) / 1e9;
			if (download.statusCode() != 200 || read != size) {
				throw new IllegalStateException("download failed: " + download.statusCode() + ", " + read + " bytes");
			}

			HeapSampler sampler = pid == null ? null : new HeapSampler(pid);
			double before = sampler == null ? Double.NaN : sampler.sampleNow();
			if (sampler != null) {
				sampler.start();
			}
			t0 = System.nanoTime();
			try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
				List<Future<String>> uploads = new ArrayList<>();
				for (int i = 0; i < parallel; i++) {
					uploads.add(pool.submit(() -> upload(base, token, bug, file)));
				}
				for (Future<String> f : uploads) {
					f.get();
				}
			}
			double parallelS = (System.nanoTime() - t0) / 1e9;
			double peak = sampler == null ? Double.NaN : sampler.stop();

			System.out.println("| measurement | value |");
			System.out.println("|---|---:|");
			System.out.printf(Locale.ROOT, "| upload of one %.0f MB file (multipart, local storage) | %.2f s = %.1f MB/s |%n", mb,
					uploadS, mb / uploadS);
			System.out.printf(Locale.ROOT, "| download of it through its signed URL | %.2f s = %.1f MB/s |%n", downloadS,
					mb / downloadS);
			System.out.printf(Locale.ROOT, "| %d parallel uploads of it | %.2f s = %.1f MB/s in total |%n", parallel, parallelS,
					parallel * mb / parallelS);
			if (sampler != null) {
				System.out.printf(Locale.ROOT, "| server heap used before the parallel uploads | %.0f MB |%n", before);
				System.out.printf(Locale.ROOT, "| server heap used, highest sample during them (%d samples, jstat every 100 ms) | %.0f MB |%n",
						sampler.samples, peak);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	static void writeLog(Path file, long size) throws IOException {
		byte[] line = "2026-11-25T12:00:00.000Z INFO  [worker-7] request handled in 12 ms\n"
			.getBytes(StandardCharsets.US_ASCII);
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
			for (long written = 0; written < size; written += line.length) {
				out.write(line, 0, (int) Math.min(line.length, size - written));
			}
		}
	}

	static String upload(String base, String token, String bug, Path file) throws Exception {
		String boundary = "bench" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.log\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/bugs/" + bug + "/attachments"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build();
		HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 201) {
			throw new IllegalStateException("upload failed: " + r.statusCode() + " " + r.body());
		}
		return r.body();
	}

	static String signUp(String base) throws Exception {
		String n = Long.toString(System.nanoTime(), 36);
		String body = "{\"email\":\"bench-" + n + "@example.test\",\"username\":\"bench" + n
				+ "\",\"name\":\"Bench\",\"password\":\"a-long-enough-password\"}";
		return field(post(base + "/api/auth/signup", null, body), "token");
	}

	static String post(String url, String token, String json) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() / 100 != 2) {
			throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
		}
		return r.body();
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1).replace("\\u0026", "&");
	}

	static String arg(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

	/** Heap used (survivor + eden + old, MB) of another JVM, from {@code jstat -gc}. */
	static final class HeapSampler {

		private final String pid;

		private final String jstat;

		private Process process;

		private Thread reader;

		private volatile double peak;

		volatile int samples;

		HeapSampler(String pid) {
			this.pid = pid;
			this.jstat = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
		}

		double sampleNow() throws Exception {
			Process p = new ProcessBuilder(this.jstat, "-gc", this.pid).start();
			List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
			p.waitFor();
			return used(lines.get(0), lines.get(1));
		}

		void start() throws IOException {
			this.process = new ProcessBuilder(this.jstat, "-gc", this.pid, "100").start();
			this.reader = Thread.ofPlatform().start(() -> {
				try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(this.process.getInputStream()))) {
					String header = lines.readLine();
					String line;
					while ((line = lines.readLine()) != null) {
						if (line.isBlank() || line.trim().startsWith("S0C")) {
							continue;
						}
						this.peak = Math.max(this.peak, used(header, line));
						this.samples++;
					}
				}
				catch (IOException ex) {
					// stopped
				}
			});
		}

		double stop() throws InterruptedException {
			this.process.destroy();
			this.reader.join();
			return this.peak;
		}

		private static double used(String header, String line) {
			String[] names = header.trim().split("\\s+");
			String[] values = line.trim().split("\\s+");
			double kb = 0;
			for (int i = 0; i < names.length; i++) {
				if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
					kb += Double.parseDouble(values[i]);
				}
			}
			return kb / 1024;
		}

	}

}
