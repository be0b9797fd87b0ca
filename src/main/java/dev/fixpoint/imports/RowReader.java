package dev.fixpoint.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the records of a source file, one at a time (never the file in memory): CSV
 * with a header row (a repeated column keeps all its values), or JSON (an array of
 * objects, at the top or under the first array-valued field, e.g. {@code {"issues":
 * [..]}}). A file that cannot be read throws {@link BrokenFileException} with the line.
 */
abstract sealed class RowReader implements Iterator<SourceRow>, Closeable {

	static RowReader open(Reader reader, boolean json, JsonMapper mapper) {
		return json ? new Json(reader, mapper) : new Csv(reader);
	}

	/**
	 * Passes over the next record without making it a row (counting the records, or
	 * skipping the ones a resumed job committed before).
	 */
	void skip() {
		next();
	}

	/** The file is not well-formed CSV or JSON. */
	static final class BrokenFileException extends RuntimeException {

		BrokenFileException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	static final class Csv extends RowReader {

		private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
			.setIgnoreEmptyLines(true)
			.setAllowMissingColumnNames(true)
			.get();

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private final List<String> header;

		private long nextLine = 1;

		Csv(Reader reader) {
			try {
				this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
				this.records = this.parser.iterator();
				this.header = hasNextRecord() ? this.records.next().toList().stream().map(String::strip).toList()
						: List.of();
				this.nextLine = this.parser.getCurrentLineNumber() + 1;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		List<String> header() {
			return this.header;
		}

		private boolean hasNextRecord() {
			try {
				return this.records.hasNext();
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				throw broken(ex);
			}
		}

		private BrokenFileException broken(RuntimeException ex) {
			String detail = ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage();
			return new BrokenFileException("The CSV file is broken after line " + this.parser.getCurrentLineNumber()
					+ " (" + detail + "): check for an unbalanced quote", ex);
		}

		@Override
		public boolean hasNext() {
			return hasNextRecord();
		}

		@Override
		void skip() {
			record();
		}

		private CSVRecord record() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			try {
				CSVRecord record = this.records.next();
				this.nextLine = this.parser.getCurrentLineNumber() + 1;
				return record;
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				throw broken(ex);
			}
		}

		@Override
		public SourceRow next() {
			long line = this.nextLine;
			CSVRecord record = record();
			Map<String, List<String>> values = new LinkedHashMap<>();
			for (int i = 0; i < record.size(); i++) {
				String column = i < this.header.size() ? this.header.get(i) : "";
				values.computeIfAbsent(column.isEmpty() ? "column " + (i + 1) : column, c -> new ArrayList<>())
					.add(record.get(i));
			}
			return new SourceRow(line, values);
		}

		@Override
		public void close() throws IOException {
			this.parser.close();
		}

	}

	/** The issues of a tracker's REST API, page by page, from a row offset on. */
	static final class Remote extends RowReader {

		private final RemoteIssues issues;

		private int offset;

		private java.util.Iterator<SourceRow> page = java.util.Collections.emptyIterator();

		private boolean last;

		private Integer total;

		Remote(RemoteIssues issues, int offset) {
			this.issues = issues;
			this.offset = offset;
		}

		/** How many issues the API says there are (after the first page), if it says. */
		Integer total() {
			hasNext();
			return this.total;
		}

		@Override
		public boolean hasNext() {
			while (!this.page.hasNext() && !this.last) {
				RemoteIssues.Page next = this.issues.page(this.offset);
				this.total = next.total();
				this.last = next.last() || next.rows().isEmpty();
				this.offset += next.rows().size();
				this.page = next.rows().iterator();
			}
			return this.page.hasNext();
		}

		@Override
		public SourceRow next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.page.next();
		}

		@Override
		public void close() {
		}

	}

	static final class Json extends RowReader {

		private final JsonParser parser;

		private final tools.jackson.databind.ObjectReader trees;

		private JsonToken next;

		Json(Reader reader, JsonMapper mapper) {
			this.trees = mapper.readerFor(JsonNode.class)
				.without(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
			try {
				this.parser = mapper.createParser(reader);
				JsonToken token = this.parser.nextToken();
				while (token != null && token != JsonToken.START_ARRAY) {
					token = this.parser.nextToken();
				}
				this.next = token == null ? null : this.parser.nextToken();
			}
			catch (tools.jackson.core.JacksonException ex) {
				throw new BrokenFileException("The JSON file is broken: " + ex.getOriginalMessage(), ex);
			}
		}

		@Override
		public boolean hasNext() {
			return this.next == JsonToken.START_OBJECT;
		}

		@Override
		public SourceRow next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			try {
				long line = this.parser.currentLocation().getLineNr();
				JsonNode node = this.trees.readValue(this.parser);
				this.next = this.parser.nextToken();
				Map<String, List<String>> values = new LinkedHashMap<>();
				flatten("", node, values);
				return new SourceRow(line, values);
			}
			catch (tools.jackson.core.JacksonException ex) {
				throw new BrokenFileException("The JSON file is broken at line "
						+ this.parser.currentLocation().getLineNr() + ": " + ex.getOriginalMessage(), ex);
			}
		}

		/** {@code {"a": {"b": 1}, "c": [1, 2]}} becomes {@code a.b = [1], c = [1, 2]}. */
		private static void flatten(String prefix, JsonNode node, Map<String, List<String>> values) {
			if (node.isObject()) {
				for (Map.Entry<String, JsonNode> field : node.properties()) {
					flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(),
							values);
				}
			}
			else if (node.isArray()) {
				node.forEach(item -> flatten(prefix, item, values));
			}
			else if (!node.isNull()) {
				values.computeIfAbsent(prefix, c -> new ArrayList<>()).add(node.asString());
			}
		}

		@Override
		public void close() {
			this.parser.close();
		}

	}

}
