package dev.fixpoint.portal.web;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.fixpoint.portal.StatusEntry;
import dev.fixpoint.portal.StatusPageView;

/**
 * A status page as an Atom feed (RFC 4287): one entry per known problem, newest change
 * first, its id a stable {@code urn:uuid}, its summary the plain words, severity, ETA and
 * public note. Written with the JDK's StAX writer, so every value is escaped;
 * {@link RssFeed} writes the same entries as RSS 2.0.
 */
final class AtomFeed {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private AtomFeed() {
	}

	static String of(StatusPageView page, String pageUrl, String feedUrl) {
		List<StatusEntry> entries = entries(page);
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setDefaultNamespace(ATOM);
			xml.writeStartElement(ATOM, "feed");
			xml.writeDefaultNamespace(ATOM);
			element(xml, "id", "urn:fixpoint:status:" + page.slug());
			element(xml, "title", page.organization() + " status");
			element(xml, "updated",
					(page.updatedAt().equals(Instant.EPOCH) ? Instant.EPOCH : page.updatedAt()).toString());
			link(xml, "alternate", pageUrl, "text/html");
			link(xml, "self", feedUrl, "application/atom+xml");
			xml.writeStartElement(ATOM, "author");
			element(xml, "name", page.organization());
			xml.writeEndElement();
			for (StatusEntry entry : entries) {
				xml.writeStartElement(ATOM, "entry");
				element(xml, "id", "urn:uuid:" + entry.id());
				element(xml, "title", title(entry));
				element(xml, "updated", entry.updatedAt().toString());
				element(xml, "published", entry.publishedAt().toString());
				link(xml, "alternate", pageUrl + "#entry-" + entry.id(), "text/html");
				xml.writeStartElement(ATOM, "category");
				xml.writeAttribute("term", entry.status());
				xml.writeAttribute("label", entry.statusLabel());
				xml.writeEndElement();
				xml.writeStartElement(ATOM, "summary");
				xml.writeAttribute("type", "text");
				xml.writeCharacters(summary(entry));
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	/**
	 * A feed's entries (Atom's and RSS's alike): open and recently fixed, newest change
	 * first.
	 */
	static List<StatusEntry> entries(StatusPageView page) {
		List<StatusEntry> entries = new ArrayList<>(page.open());
		entries.addAll(page.recentlyFixed());
		entries.sort(Comparator.comparing(StatusEntry::updatedAt).reversed());
		return entries;
	}

	/** An entry's title in a feed (Atom's and RSS's alike). */
	static String title(StatusEntry entry) {
		return entry.title() + " (" + entry.statusLabel() + ")";
	}

	/** An entry's plain-text summary in a feed (Atom's and RSS's alike). */
	static String summary(StatusEntry entry) {
		StringBuilder s = new StringBuilder(entry.statusLabel()).append(". Severity: ")
			.append(entry.severity())
			.append('.');
		if (entry.eta() != null && !"fixed".equals(entry.status())) {
			s.append(" Expected fix: ").append(entry.eta()).append('.');
		}
		if (entry.note() != null && !entry.note().isBlank()) {
			s.append(' ').append(entry.note());
		}
		return s.toString();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(ATOM, name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
		xml.writeEmptyElement(ATOM, "link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
		xml.writeAttribute("type", type);
	}

}
