package dev.fixpoint.analytics;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A running A4 document: text, tables and simple vector charts, top to bottom, starting a
 * new page when the next block does not fit. Text outside the standard fonts' character
 * set is replaced by {@code ?}.
 */
final class PdfPages implements AutoCloseable {

	private static final float MARGIN = 48;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private static final float ROW = 14;

	private static final Color INK = new Color(0x1f, 0x29, 0x37);

	private static final Color MUTED = new Color(0x6b, 0x72, 0x80);

	private static final Color CREATED = new Color(0x25, 0x63, 0xeb);

	private static final Color RESOLVED = new Color(0x16, 0xa3, 0x4a);

	private static final Color BACKLOG = new Color(0xdc, 0x26, 0x26);

	private final PDDocument document;

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private PDPageContentStream content;

	private float y;

	PdfPages(PDDocument document) throws IOException {
		this.document = document;
		newPage();
	}

	private void newPage() throws IOException {
		if (this.content != null) {
			this.content.close();
		}
		PDPage page = new PDPage(PDRectangle.A4);
		this.document.addPage(page);
		this.content = new PDPageContentStream(this.document, page);
		this.y = PDRectangle.A4.getHeight() - MARGIN;
	}

	private void room(float height) throws IOException {
		if (this.y - height < MARGIN) {
			newPage();
		}
	}

	void title(String text) throws IOException {
		text(this.bold, 18, MARGIN, this.y - 18, text, INK);
		this.y -= 30;
	}

	void heading(String text) throws IOException {
		room(ROW * 4);
		this.y -= 8;
		text(this.bold, 12, MARGIN, this.y - 12, text, INK);
		this.y -= 20;
	}

	void line(String text) throws IOException {
		room(ROW);
		text(this.regular, 10, MARGIN, this.y - 10, text, MUTED);
		this.y -= ROW;
	}

	void gap() {
		this.y -= 6;
	}

	/** A table with equal columns, the first one twice as wide; repeats no header. */
	void table(List<String> header, List<List<String>> rows) throws IOException {
		float first = WIDTH * 2 / (header.size() + 1);
		float other = (WIDTH - first) / Math.max(1, header.size() - 1);
		row(header, first, other, this.bold);
		for (List<String> r : rows) {
			row(r, first, other, this.regular);
		}
		if (rows.isEmpty()) {
			line("(none)");
		}
		this.y -= 6;
	}

	private void row(List<String> cells, float first, float other, PDType1Font font) throws IOException {
		room(ROW);
		float x = MARGIN;
		for (int i = 0; i < cells.size(); i++) {
			float width = i == 0 ? first : other;
			text(font, 9, x, this.y - 10, fit(font, 9, cells.get(i), width - 6), INK);
			x += width;
		}
		this.content.setStrokingColor(new Color(0xe5, 0xe7, 0xeb));
		this.content.moveTo(MARGIN, this.y - ROW + 1);
		this.content.lineTo(MARGIN + WIDTH, this.y - ROW + 1);
		this.content.stroke();
		this.y -= ROW;
	}

	/**
	 * Created (blue) and resolved (green) as bars per bucket, the open backlog as a red
	 * line on its own scale (right axis).
	 */
	void seriesChart(List<AnalyticsReport.Point> created, List<AnalyticsReport.Point> resolved,
			List<AnalyticsReport.Point> open) throws IOException {
		float height = 150;
		room(height + 30);
		float bottom = this.y - height;
		int max = Math.max(1, Math.max(maxOf(created), maxOf(resolved)));
		int maxOpen = Math.max(1, maxOf(open));
		axes(bottom, height, max, maxOpen);
		int n = Math.max(1, created.size());
		float slot = (WIDTH - 60) / n;
		float left = MARGIN + 30;
		for (int i = 0; i < created.size(); i++) {
			float x = left + i * slot;
			bar(x + slot * 0.1f, bottom, slot * 0.4f, height * created.get(i).count() / max, CREATED);
			bar(x + slot * 0.5f, bottom, slot * 0.4f, height * resolved.get(i).count() / max, RESOLVED);
		}
		this.content.setStrokingColor(BACKLOG);
		this.content.setLineWidth(1.5f);
		for (int i = 0; i < open.size(); i++) {
			float x = left + i * slot + slot / 2;
			float yy = bottom + height * open.get(i).count() / maxOpen;
			if (i == 0) {
				this.content.moveTo(x, yy);
			}
			else {
				this.content.lineTo(x, yy);
			}
		}
		this.content.stroke();
		this.content.setLineWidth(1);
		if (!created.isEmpty()) {
			text(this.regular, 8, left, bottom - 12, created.get(0).period().toString(), MUTED);
			String end = created.get(created.size() - 1).period().toString();
			text(this.regular, 8, left + WIDTH - 60 - width(this.regular, 8, end), bottom - 12, end, MUTED);
		}
		legend(bottom - 26, new String[] { "created", "resolved", "open backlog (right axis)" },
				new Color[] { CREATED, RESOLVED, BACKLOG });
		this.y = bottom - 36;
	}

	/** Horizontal bars, one per entry, labelled with the key and the value. */
	void barChart(Map<String, Integer> values) throws IOException {
		int max = Math.max(1, values.values().stream().mapToInt(Integer::intValue).max().orElse(1));
		for (Map.Entry<String, Integer> e : values.entrySet()) {
			room(ROW + 2);
			text(this.regular, 9, MARGIN, this.y - 10, e.getKey(), INK);
			float length = (WIDTH - 140) * e.getValue() / max;
			bar(MARGIN + 80, this.y - 11, length, 9, CREATED);
			text(this.regular, 9, MARGIN + 86 + length, this.y - 10, String.valueOf(e.getValue()), MUTED);
			this.y -= ROW;
		}
		this.y -= 6;
	}

	private void axes(float bottom, float height, int max, int maxOpen) throws IOException {
		this.content.setStrokingColor(MUTED);
		this.content.moveTo(MARGIN + 30, bottom);
		this.content.lineTo(MARGIN + WIDTH - 30, bottom);
		this.content.stroke();
		text(this.regular, 8, MARGIN, bottom + height - 8, String.valueOf(max), MUTED);
		text(this.regular, 8, MARGIN, bottom, "0", MUTED);
		text(this.regular, 8, MARGIN + WIDTH - 26, bottom + height - 8, String.valueOf(maxOpen), BACKLOG);
	}

	private void legend(float at, String[] labels, Color[] colors) throws IOException {
		float x = MARGIN + 30;
		for (int i = 0; i < labels.length; i++) {
			bar(x, at, 8, 8, colors[i]);
			text(this.regular, 8, x + 11, at + 1, labels[i], MUTED);
			x += 24 + width(this.regular, 8, labels[i]);
		}
	}

	private void bar(float x, float bottom, float w, float h, Color color) throws IOException {
		if (h <= 0 || w <= 0) {
			return;
		}
		this.content.setNonStrokingColor(color);
		this.content.addRect(x, bottom, w, h);
		this.content.fill();
	}

	private void text(PDType1Font font, float size, float x, float yy, String text, Color color) throws IOException {
		this.content.beginText();
		this.content.setFont(font, size);
		this.content.setNonStrokingColor(color);
		this.content.newLineAtOffset(x, yy);
		this.content.showText(clean(font, text));
		this.content.endText();
	}

	private String fit(PDType1Font font, float size, String text, float max) throws IOException {
		String t = clean(font, text);
		while (t.length() > 1 && width(font, size, t) > max) {
			t = t.substring(0, t.length() - 2) + ".";
		}
		return t;
	}

	private float width(PDType1Font font, float size, String text) throws IOException {
		return font.getStringWidth(clean(font, text)) / 1000 * size;
	}

	/** Keeps what the font can encode (WinAnsi), anything else becomes {@code ?}. */
	private static String clean(PDType1Font font, String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			String s = Character.toString(c);
			try {
				font.encode(s);
				out.append(c < 32 ? " " : s);
			}
			catch (IOException | IllegalArgumentException ex) {
				out.append('?');
			}
		});
		return out.toString();
	}

	private static int maxOf(List<AnalyticsReport.Point> points) {
		return points.stream().mapToInt(AnalyticsReport.Point::count).max().orElse(0);
	}

	@Override
	public void close() throws IOException {
		this.content.close();
	}

}
