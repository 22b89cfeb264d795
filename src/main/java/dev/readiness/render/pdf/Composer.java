package dev.readiness.render.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import dev.readiness.analyze.Format;
import dev.readiness.analyze.GateVerdict;
import dev.readiness.config.Settings;
import dev.readiness.render.chart.ChartFactory;
import dev.readiness.render.pdf.Typesetter.Style;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.zip.Deflater;
import org.jfree.chart.JFreeChart;

/**
 * One PDF being written: the OpenPDF document and writer with the house layout (paper, margins,
 * running header and footer, outline, table of contents, headings, tables, charts) and the settings
 * that make it byte-identical for the same input (dates, file ID, subset prefixes).
 */
final class Composer {
  /**
   * A heading that gets a bookmark and a line in the table of contents.
   *
   * @param id the named destination, unique in the document
   * @param title the text shown
   * @param level 0 for a part, 1 for a part's child
   */
  record Entry(String id, String title, int level) {
    Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
    }
  }

  /**
   * The document information dictionary.
   *
   * @param title e.g. {@code Orion — readiness review 2026-03-09}
   * @param subject one sentence with the figures
   * @param author the owning team, or the tool
   * @param keywords comma-separated
   * @param creator the tool and its version
   */
  record Metadata(String title, String subject, String author, String keywords, String creator) {}

  /**
   * The running header and footer.
   *
   * @param left project and date
   * @param right what the document is
   * @param footer the generator line
   */
  record Heads(String left, String right, String footer) {}

  /**
   * A big figure with a label above and a note below, for the covers.
   *
   * @param label e.g. {@code COMPUTED}
   * @param value e.g. {@code 21.2%}
   * @param note e.g. {@code 39 of 184 items checked}
   * @param color the value's colour
   */
  record Figure(String label, String value, String note, Color color) {}

  private static final float CHART_SCALE = 1.3f;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
  private final String key;
  private final Instant created;
  private final String identity;
  private final Metadata metadata;
  final Document document;
  final PdfWriter writer;
  final PdfFonts fonts;
  final Typesetter type;
  private final PageDecorator decorator;

  /**
   * Opens a document.
   *
   * @param setup the paper and how tables are laid out
   * @param key names the document for its file ID and subset prefixes, e.g. {@code
   *     review/orion/2026-03-09}
   * @param created the document's creation and modification date: that of what it shows (a review's
   *     date), never the build's, so that the same input gives the same bytes on any day
   * @param identity what the document is made from, for its file ID (e.g. the source's SHA-256)
   */
  Composer(
      PageSetup setup, String key, Instant created, String identity, Metadata metadata, Heads heads)
      throws IOException {
    this.key = key;
    this.created = created;
    this.identity = identity;
    this.metadata = metadata;
    Rectangle size = setup.paper().equals("Letter") ? PageSize.LETTER : PageSize.A4;
    document = new Document(size, 54, 54, 60, 58);
    fonts = PdfFonts.forThisThread();
    fonts.reseed(key);
    try {
      writer = PdfWriter.getInstance(document, out);
    } catch (DocumentException e) {
      throw new IOException("cannot start a PDF: " + e.getMessage(), e);
    }
    writer.setStrictImageSequence(true);
    writer.setFullCompression();
    // Deflate level 1: 7 % less CPU per review PDF than the default level for 5 % more bytes.
    writer.setCompressionLevel(Deflater.BEST_SPEED);
    writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
    type = new Typesetter(fonts, writer);
    decorator = new PageDecorator(type, heads.left(), heads.right(), heads.footer());
    writer.setPageEvent(decorator);
    document.addTitle(metadata.title());
    document.addSubject(metadata.subject());
    document.addAuthor(metadata.author());
    document.addKeywords(metadata.keywords());
    document.addCreator(metadata.creator());
    document.setDocumentLanguage("en");
    document.open();
  }

  /** Adds an element to the flow. */
  void add(Element element) {
    try {
      document.add(element);
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot lay out the PDF: " + e.getMessage(), e);
    }
  }

  /** Starts a new page. */
  void newPage() {
    document.newPage();
  }

  /** Starts a new page unless fewer than {@code points} are left on this one. */
  void keepSpace(float points) {
    if (writer.getVerticalPosition(false) - document.bottom() < points) {
      document.newPage();
    }
  }

  /** The usable width between the margins. */
  float width() {
    return document.right() - document.left();
  }

  /** Creates the bookmarks of every entry, parts with their children below them. */
  void outline(List<Entry> entries) {
    PdfOutline root = writer.getRootOutline();
    PdfOutline part = root;
    for (Entry e : entries) {
      PdfOutline parent = e.level() == 0 ? root : part;
      PdfOutline outline =
          new PdfOutline(
              parent,
              PdfAction.gotoLocalPage(e.id(), false),
              ChartFactory.label(e.title(), 120),
              e.level() == 0);
      if (e.level() == 0) {
        part = outline;
      }
    }
  }

  /** Adds the table of contents: every entry linked to its heading, with its page. */
  void contents(List<Entry> entries) {
    PdfPTable table = new PdfPTable(new float[] {1f, 0.07f});
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    float height = Styles.CONTENTS.size() * 1.3f;
    for (Entry e : entries) {
      Style style = e.level() == 0 ? Styles.CONTENTS.bold() : Styles.CONTENTS;
      Phrase title = type.phrase(style.size() * 1.3f);
      for (Chunk c : type.chunks(e.title(), style)) {
        title.add(c.setLocalGoto(e.id()));
      }
      PdfPCell left = new PdfPCell(title);
      int direction = direction(e.title());
      if (direction != PdfWriter.RUN_DIRECTION_NO_BIDI) {
        left.setRunDirection(direction);
      }
      left.setBorder(Rectangle.NO_BORDER);
      left.setPaddingLeft(e.level() == 0 ? 0 : 14);
      left.setPaddingTop(e.level() == 0 ? 4 : 1.5f);
      left.setPaddingBottom(1.5f);
      table.addCell(left);
      PdfTemplate number = decorator.pageNumberOf(e.id(), writer.getDirectContent(), 30, height);
      PdfPCell right = new PdfPCell(image(number), false);
      right.setBorder(Rectangle.NO_BORDER);
      right.setHorizontalAlignment(Element.ALIGN_RIGHT);
      right.setPaddingTop(e.level() == 0 ? 4 : 1.5f);
      right.setPaddingBottom(0);
      table.addCell(right);
    }
    add(table);
  }

  /**
   * Adds the heading of an entry: a named destination for links and bookmarks, kept on one page
   * with at least the start of what follows.
   */
  void heading(Entry entry, Style style, float before, float after) {
    keepSpace(style.size() * 6);
    Phrase phrase = type.phrase(style.size() * 1.3f);
    List<Chunk> chunks = type.chunks(entry.title(), style);
    Chunk anchor = chunks.stream().filter(c -> c.getImage() == null).findFirst().orElse(null);
    if (anchor == null) {
      anchor = new Chunk(" ", Typesetter.font(fonts.regular, style));
      chunks.add(0, anchor);
    }
    anchor.setLocalDestination(entry.id());
    anchor.setGenericTag(PageDecorator.DESTINATION + entry.id());
    phrase.addAll(chunks);
    text(phrase, entry.title(), 0, 0, before, after);
  }

  /** Adds a heading without a bookmark. */
  void subheading(String text, Style style, float before, float after, float indent) {
    keepSpace(style.size() * 5);
    text(type.phrase(text, style, style.size() * 1.3f), text, indent, 0, before, after);
  }

  /** Adds a paragraph of plain text. */
  void paragraph(String text, Style style, float before, float after) {
    text(type.phrase(text, style), text, 0, 0, before, after);
  }

  /**
   * Adds a block of text. Text with right-to-left letters goes through a table cell, where OpenPDF
   * applies the bidi algorithm and Arabic shaping; the page flow would show it unshaped and in the
   * wrong order.
   *
   * @param plain the block's text, to decide its direction
   * @param indent left indent of every line
   * @param hanging how far the first line starts left of the others (for list markers)
   */
  void text(Phrase phrase, String plain, float indent, float hanging, float before, float after) {
    int direction = direction(plain);
    if (direction == PdfWriter.RUN_DIRECTION_NO_BIDI) {
      Paragraph paragraph = new Paragraph(phrase);
      paragraph.setIndentationLeft(indent + hanging);
      paragraph.setFirstLineIndent(-hanging);
      paragraph.setSpacingBefore(before);
      paragraph.setSpacingAfter(after);
      add(paragraph);
      return;
    }
    PdfPTable table = new PdfPTable(1);
    table.setWidthPercentage(100);
    table.setSpacingBefore(before);
    table.setSpacingAfter(after);
    PdfPCell cell = new PdfPCell(phrase);
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    cell.setPaddingLeft(direction == PdfWriter.RUN_DIRECTION_RTL ? 0 : indent + hanging);
    cell.setPaddingRight(direction == PdfWriter.RUN_DIRECTION_RTL ? indent + hanging : 0);
    cell.setIndent(-hanging);
    cell.setLeading(phrase.getLeading(), 0);
    cell.setRunDirection(direction);
    table.addCell(cell);
    add(table);
  }

  /**
   * Adds a line of the tool's own words (figures, labels) that reads left to right, aligned to the
   * right beside right-to-left content.
   */
  void line(Phrase phrase, boolean right, float before, float after) {
    Paragraph paragraph = new Paragraph(phrase);
    paragraph.setAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
    paragraph.setSpacingBefore(before);
    paragraph.setSpacingAfter(after);
    add(paragraph);
  }

  /**
   * A body cell holding a sentence of the tool's own, which reads left to right even where it
   * quotes right-to-left text from a checklist (a warning's message).
   */
  PdfPCell sentence(String text, Style style) {
    PdfPCell cell = cell(text, style, Element.ALIGN_LEFT);
    cell.setRunDirection(
        Typesetter.hasRightToLeft(text)
            ? PdfWriter.RUN_DIRECTION_LTR
            : PdfWriter.RUN_DIRECTION_NO_BIDI);
    return cell;
  }

  /** A table across the full width with the given relative column widths. */
  PdfPTable table(float... widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(8);
    table.setHeaderRows(1);
    table.setSplitLate(false);
    return table;
  }

  /** Adds the header row of a table. */
  void head(PdfPTable table, String... labels) {
    for (String label : labels) {
      PdfPCell cell = cell(label, Styles.TABLE_HEAD, Element.ALIGN_LEFT);
      cell.setBackgroundColor(Styles.SHADE);
      table.addCell(cell);
    }
  }

  /** A body cell with a bottom rule. */
  PdfPCell cell(String text, Style style, int align) {
    return cell(type.phrase(text, style, style.size() * 1.3f), text, align);
  }

  /** A body cell with a bottom rule around a phrase. */
  PdfPCell cell(Phrase phrase, String plain, int align) {
    PdfPCell cell = new PdfPCell(phrase);
    cell.setBorder(Rectangle.BOTTOM);
    cell.setBorderColor(Styles.RULE);
    cell.setBorderWidth(0.5f);
    cell.setPaddingTop(3);
    cell.setPaddingBottom(4.5f);
    cell.setPaddingLeft(4);
    cell.setPaddingRight(4);
    cell.setUseAscender(true);
    cell.setHorizontalAlignment(align);
    int direction = direction(plain);
    if (direction != PdfWriter.RUN_DIRECTION_NO_BIDI) {
      cell.setRunDirection(direction);
    }
    return cell;
  }

  /**
   * The chart drawn as vectors (text in the embedded fonts), to add to the flow. It is drawn {@link
   * #CHART_SCALE} times larger and scaled down, so that the shared chart fonts, sized for the site,
   * suit the page.
   */
  Image chart(JFreeChart chart, float width, float height) {
    return chart(chart, width, height, null);
  }

  /**
   * The chart as {@link #chart(JFreeChart, float, float)} draws it, drawn once per build for all
   * the PDFs that show it ({@link ChartCache}).
   *
   * @param key everything the chart's drawing depends on but its size, or null to draw it anew
   */
  Image chart(JFreeChart chart, float width, float height, Object key) {
    float w = width * CHART_SCALE;
    float h = height * CHART_SCALE;
    Object sized = key == null ? null : List.of(key, w, h);
    ChartCache.Drawing kept = sized == null ? null : ChartCache.get(sized);
    PdfTemplate template = writer.getDirectContent().createTemplate(w, h);
    if (kept == null || !ChartCache.replay(kept, template, fonts)) {
      if (kept != null) {
        template = writer.getDirectContent().createTemplate(w, h);
      }
      ChartCache.Recording recording = sized == null ? null : new ChartCache.Recording(fonts);
      Graphics2D g = new ChartGraphics(template, w, h, fonts.mapper, recording);
      try {
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
      } finally {
        g.dispose();
      }
      ChartCache.Drawing drawing = recording == null ? null : recording.drawing(template);
      if (drawing != null) {
        ChartCache.put(sized, drawing);
      }
    }
    Image image = image(template);
    image.scaleAbsolute(width, height);
    image.setAlignment(Image.MIDDLE);
    return image;
  }

  /** Characters no font could show, by code point, with their counts. */
  Map<Integer, Integer> missingGlyphs() {
    return type.missing();
  }

  /** Closes the document with fixed dates and file ID and returns its bytes. */
  byte[] finish() {
    PdfDictionary info = writer.getInfo();
    PdfDate date = new PdfDate(calendar(created));
    info.put(PdfName.CREATIONDATE, date);
    info.put(PdfName.MODDATE, date);
    byte[] id = fileId();
    info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    document.close();
    return out.toByteArray();
  }

  /** A coloured box around a phrase, for figures and the verdict. */
  PdfPCell box(Phrase phrase, String plain, Color border, Color fill) {
    PdfPCell cell = cell(phrase, plain, Element.ALIGN_LEFT);
    cell.setBorder(Rectangle.BOX);
    cell.setBorderColor(border);
    cell.setBorderWidth(0.8f);
    cell.setBackgroundColor(fill);
    cell.setPadding(8);
    cell.setPaddingBottom(10);
    return cell;
  }

  /** Adds figures side by side in outlined boxes. */
  void figures(List<Figure> figures) {
    PdfPTable table = new PdfPTable(figures.size());
    table.setWidthPercentage(100);
    table.setSpacingBefore(14);
    table.setSpacingAfter(10);
    for (Figure f : figures) {
      Phrase value = type.phrase(f.value(), Styles.FIGURE.color(f.color()), 30);
      PdfPCell cell = new PdfPCell();
      cell.setBorder(Rectangle.BOX);
      cell.setBorderColor(Styles.RULE);
      cell.setBorderWidth(0.8f);
      cell.setPadding(9);
      cell.setPaddingBottom(11);
      cell.setUseAscender(true);
      cell.addElement(
          new Paragraph(type.phrase(f.label(), Styles.KICKER.color(Styles.MUTED).size(7.5f), 10)));
      Paragraph big = new Paragraph(value);
      big.setLeading(30);
      cell.addElement(big);
      cell.addElement(new Paragraph(type.phrase(f.note(), Styles.SMALL, 11)));
      table.addCell(cell);
    }
    add(table);
  }

  /**
   * Adds the verdict of the release gate in a green or red box: the reasons it fails and the gate's
   * rules.
   *
   * @param title what was measured, e.g. {@code Latest review}, or null
   */
  void verdict(String title, GateVerdict verdict, Settings.Gate gate) {
    boolean pass = verdict.pass();
    Phrase phrase = type.phrase(13);
    phrase.add(type.markChunk(pass ? Mark.CHECK : Mark.CROSS, 11));
    String outcome = pass ? "passed" : "not passed";
    phrase.addAll(
        type.chunks(
            title == null ? " Release gate: " + outcome : " " + title + ": release gate " + outcome,
            Styles.H3.color(pass ? Styles.GOOD : Styles.BAD)));
    StringBuilder plain = new StringBuilder();
    for (String reason : verdict.reasons()) {
      phrase.add(type.newline());
      phrase.addAll(type.chunks("•  " + reason, Styles.BODY));
      plain.append(reason);
    }
    phrase.add(type.newline());
    phrase.addAll(type.chunks(gateRules(gate), Styles.SMALL));
    PdfPTable table = new PdfPTable(1);
    table.setWidthPercentage(100);
    table.setSpacingAfter(10);
    PdfPCell cell =
        box(
            phrase,
            plain.toString(),
            pass ? Styles.GOOD : Styles.BAD,
            pass ? Styles.GOOD_SHADE : Styles.BAD_SHADE);
    cell.setLeading(0, 1.45f);
    table.addCell(cell);
    add(table);
  }

  /** The gate's rules in words, from the configuration. */
  static String gateRules(Settings.Gate gate) {
    return "Gate: at least "
        + Format.percent(gate.minPercent())
        + " complete, at most "
        + gate.maxOpenBlockers()
        + " open blocker"
        + (gate.maxOpenBlockers() == 1 ? "" : "s")
        + (gate.maxDrift() == null
            ? ""
            : ", stated score within " + Format.number(gate.maxDrift()) + " points")
        + (gate.requireSignoff() ? ", every sign-off role signed." : ", sign-off not required.");
  }

  private byte[] fileId() {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update((key + "\n" + identity + "\n" + metadata).getBytes(StandardCharsets.UTF_8));
      return md5.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks MD5", e);
    }
  }

  static Image image(PdfTemplate template) {
    try {
      return Image.getInstance(template);
    } catch (BadElementException e) {
      throw new IllegalStateException("cannot wrap a template as an image", e);
    }
  }

  /** The run direction a block of text needs: none for left-to-right text. */
  static int direction(String text) {
    if (!Typesetter.hasRightToLeft(text)) {
      return PdfWriter.RUN_DIRECTION_NO_BIDI;
    }
    int first =
        text.codePoints()
            .filter(
                cp -> {
                  byte d = Character.getDirectionality(cp);
                  return d == Character.DIRECTIONALITY_LEFT_TO_RIGHT
                      || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                      || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
                })
            .findFirst()
            .orElse('a');
    return Character.getDirectionality(first) == Character.DIRECTIONALITY_LEFT_TO_RIGHT
        ? PdfWriter.RUN_DIRECTION_LTR
        : PdfWriter.RUN_DIRECTION_RTL;
  }

  private static Calendar calendar(Instant instant) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    calendar.setTimeInMillis(instant.toEpochMilli());
    return calendar;
  }
}
