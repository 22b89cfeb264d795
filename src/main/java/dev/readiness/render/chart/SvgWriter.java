package dev.readiness.render.chart;

import dev.readiness.render.XmlChars;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the SVG this package draws by hand through the JDK's {@link XMLStreamWriter}, so every
 * attribute value and text is escaped by construction, not by a call per field that one can forget;
 * characters XML does not allow are replaced ({@link XmlChars}). Coordinates are written with at
 * most one decimal, so the same figures give the same bytes.
 */
final class SvgWriter {
  static final String NAMESPACE = "http://www.w3.org/2000/svg";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final StringWriter buffer;
  private final XMLStreamWriter xml;

  /**
   * @param declaration whether to start with an XML declaration (a standalone file) or not (an
   *     element to put inline into a page)
   */
  SvgWriter(int capacity, boolean declaration) {
    buffer = new StringWriter(capacity);
    if (declaration) {
      buffer.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    try {
      xml = FACTORY.createXMLStreamWriter(buffer);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("no XML writer", e);
    }
  }

  /**
   * Opens the root {@code <svg>} element with the SVG namespace after its {@code class}, if any.
   */
  SvgWriter svg(String cssClass) {
    return call(
        () -> {
          xml.writeStartElement("svg");
          if (cssClass != null) {
            xml.writeAttribute("class", cssClass);
          }
          xml.writeDefaultNamespace(NAMESPACE);
        });
  }

  /** Opens an element; its attributes follow. */
  SvgWriter start(String name) {
    return call(() -> xml.writeStartElement(name));
  }

  /** An element without content; its attributes follow. */
  SvgWriter empty(String name) {
    return call(() -> xml.writeEmptyElement(name));
  }

  /** An attribute of the element just opened. */
  SvgWriter attr(String name, String value) {
    return call(() -> xml.writeAttribute(name, XmlChars.clean(value)));
  }

  /** A numeric attribute, with at most one decimal. */
  SvgWriter attr(String name, double value) {
    return attr(name, num(value));
  }

  /** Text content. */
  SvgWriter text(String text) {
    return call(() -> xml.writeCharacters(XmlChars.clean(text)));
  }

  /** Closes the innermost open element. */
  SvgWriter end() {
    return call(xml::writeEndElement);
  }

  /** An element holding only text: {@code <name>text</name>}. */
  SvgWriter element(String name, String text) {
    return start(name).text(text).end();
  }

  /** Everything written, with open elements closed. */
  String finish() {
    call(
        () -> {
          xml.writeEndDocument();
          xml.flush();
        });
    return buffer.toString();
  }

  /** A coordinate with at most one decimal, locale-independent. */
  static String num(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
  }

  private interface XmlStep {
    void run() throws XMLStreamException;
  }

  private SvgWriter call(XmlStep step) {
    try {
      step.run();
    } catch (XMLStreamException e) {
      // Writing into a string fails only on misuse, such as an attribute after content.
      throw new IllegalStateException(e);
    }
    return this;
  }
}
