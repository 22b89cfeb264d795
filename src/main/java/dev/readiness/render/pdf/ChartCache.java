package dev.readiness.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Charts drawn once per build: a chart's drawing (the content of its template) by what it shows,
 * kept for the PDFs that show the same chart again, as the weekly reviews of a project often do.
 *
 * <p>A drawing is kept only when it uses nothing but the embedded fonts (no graphics states,
 * images, shadings or patterns, and no right-to-left text, which ColumnText sets with other
 * glyphs). It is put into another document only when that document names the fonts as the first
 * did; the glyphs it shows are then recorded for that document's font subsets. Otherwise the chart
 * is drawn again, so a kept drawing can never be wrong, only unused.
 */
final class ChartCache {
  /**
   * Enough for the distinct charts of a portfolio's weekly reviews; a drawing is a few kilobytes.
   */
  private static final int SIZE = 512;

  private static final Map<Object, Drawing> DRAWINGS =
      new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Drawing> eldest) {
          return size() > SIZE;
        }
      };

  /** How many charts were put into a PDF from a kept drawing instead of being drawn. */
  private static final AtomicInteger REPLAYED = new AtomicInteger();

  /** Operators that name a resource other than a font; a drawing with any of them is not kept. */
  private static final List<String> OTHER_RESOURCES =
      List.of(" gs\n", " Do\n", " sh\n", " scn\n", " SCN\n");

  private ChartCache() {}

  /**
   * A chart's drawing: its content stream, the names the document gave the fonts it uses, and the
   * text it shows in each font, in the order it first used them.
   */
  record Drawing(
      byte[] content, Map<Typesetter.Face, String> names, Map<Typesetter.Face, String> text) {}

  /** What a chart drawing shows and uses, noted while it is drawn. */
  static final class Recording {
    private final PdfFonts fonts;
    private final Map<Typesetter.Face, String> names = new LinkedHashMap<>();
    private final Map<Typesetter.Face, StringBuilder> text = new LinkedHashMap<>();
    private boolean keepable = true;

    Recording(PdfFonts fonts) {
      this.fonts = fonts;
    }

    /**
     * Notes a string shown in {@code font} whose operators are {@code bytes[from, to)} of the
     * content, where the font is set by name.
     */
    void shown(BaseFont font, String s, byte[] bytes, int from, int to) {
      Typesetter.Face face = fonts.face(font);
      if (face == null) {
        keepable = false;
        return;
      }
      text.computeIfAbsent(face, f -> new StringBuilder()).append(s);
      String set = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
      int at = set.indexOf(" Tf");
      int name = set.lastIndexOf('/', at);
      if (at < 0 || name < 0) {
        return; // the font was already set: the name is known
      }
      String found = set.substring(name + 1, set.indexOf(' ', name));
      String before = names.putIfAbsent(face, found);
      if (before != null && !before.equals(found)) {
        keepable = false;
      }
    }

    /** Notes text that is not set with the fonts' own glyphs (right to left). */
    void notKeepable() {
      keepable = false;
    }

    /** The drawing of {@code template}, or null when it cannot be put into another document. */
    Drawing drawing(PdfTemplate template) {
      if (!keepable || !names.keySet().equals(text.keySet())) {
        return null;
      }
      byte[] content = template.getInternalBuffer().toByteArray();
      String operators = new String(content, StandardCharsets.ISO_8859_1);
      if (OTHER_RESOURCES.stream().anyMatch(operators::contains)) {
        return null;
      }
      Map<Typesetter.Face, String> shown = new LinkedHashMap<>();
      text.forEach((face, s) -> shown.put(face, s.toString()));
      return new Drawing(content, Map.copyOf(names), Collections.unmodifiableMap(shown));
    }
  }

  /** The kept drawing of {@code key}, or null. */
  static Drawing get(Object key) {
    Objects.requireNonNull(key, "key");
    synchronized (DRAWINGS) {
      return DRAWINGS.get(key);
    }
  }

  /** Keeps the drawing of {@code key}. */
  static void put(Object key, Drawing drawing) {
    synchronized (DRAWINGS) {
      DRAWINGS.putIfAbsent(key, drawing);
    }
  }

  /** How many drawings are kept. */
  static int size() {
    synchronized (DRAWINGS) {
      return DRAWINGS.size();
    }
  }

  /** How many charts were put into PDFs from kept drawings since the last {@link #clear}. */
  static int replayed() {
    return REPLAYED.get();
  }

  /** Forgets every drawing; for tests that compare a drawn chart with a kept one. */
  static void clear() {
    synchronized (DRAWINGS) {
      DRAWINGS.clear();
      REPLAYED.set(0);
    }
  }

  /**
   * Puts {@code drawing} into {@code template}, a fresh template of the chart's size: the fonts go
   * into its resources and the glyphs into the document's subsets, then the content. Returns false,
   * with the template left unfit for use, when the document names a font otherwise than the drawing
   * does.
   */
  static boolean replay(Drawing drawing, PdfTemplate template, PdfFonts fonts) {
    ByteBuffer buffer = template.getInternalBuffer();
    for (Map.Entry<Typesetter.Face, String> e : drawing.text().entrySet()) {
      BaseFont font = fonts.font(e.getKey());
      buffer.reset();
      template.setFontAndSize(font, 1);
      String set = new String(buffer.toByteArray(), StandardCharsets.ISO_8859_1);
      if (!set.startsWith("/" + drawing.names().get(e.getKey()) + " ")) {
        return false;
      }
      template.showText(e.getValue());
    }
    buffer.reset();
    buffer.append(drawing.content());
    REPLAYED.incrementAndGet();
    return true;
  }
}
