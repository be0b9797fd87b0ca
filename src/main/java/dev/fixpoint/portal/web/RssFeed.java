package dev.fixpoint.portal.web;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.fixpoint.portal.StatusEntry;
import dev.fixpoint.portal.StatusPageView;

/**
 * A status page as an RSS 2.0 feed: the same entries, titles and summaries as
 * {@link AtomFeed}, dates in RFC 822 form, each item's {@code guid} the entry's stable
 * {@code urn:uuid} and an {@code atom:link rel="self"} as feed validators ask. Written
 * with the JDK's StAX writer, so every value is escaped.
 */
final class RssFeed {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	/**
	 * RFC 822 (with a four-digit year, as RSS 2.0 asks):
	 * {@code Sun, 6 Dec 2026 22:05:00 GMT}.
	 */
	static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private RssFeed() {
	}

	static String of(StatusPageView page, String pageUrl, String feedUrl) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("rss");
			xml.writeAttribute("version", "2.0");
			xml.writeNamespace("atom", ATOM);
			xml.writeStartElement("channel");
			element(xml, "title", page.organization() + " status");
			element(xml, "link", pageUrl);
			element(xml, "description", "Known problems of " + page.organization() + " and their fixes");
			element(xml, "language", "en");
			element(xml, "lastBuildDate", RFC_822.format(page.updatedAt()));
			xml.writeEmptyElement("atom", "link", ATOM);
			xml.writeAttribute("href", feedUrl);
			xml.writeAttribute("rel", "self");
			xml.writeAttribute("type", "application/rss+xml");
			for (StatusEntry entry : AtomFeed.entries(page)) {
				xml.writeStartElement("item");
				element(xml, "title", AtomFeed.title(entry));
				element(xml, "link", pageUrl + "#entry-" + entry.id());
				xml.writeStartElement("guid");
				xml.writeAttribute("isPermaLink", "false");
				xml.writeCharacters("urn:uuid:" + entry.id());
				xml.writeEndElement();
				element(xml, "pubDate", RFC_822.format(entry.updatedAt()));
				element(xml, "category", entry.statusLabel());
				element(xml, "description", AtomFeed.summary(entry));
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}
