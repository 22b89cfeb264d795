package dev.readiness.render.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sets text in the embedded fonts, choosing a font for every character: the style's own DejaVu
 * face, then DejaVu Sans, then an installed system font for scripts DejaVu lacks (CJK). Status
 * emoji become drawn {@link Mark}s, other emoji become words in brackets, and characters no font
 * has become a visible placeholder that is also recorded for a warning. No character is dropped
 * without a trace, except joiners and variation selectors, which are not text.
 *
 * <p>One instance serves one document on one thread.
 */
final class Typesetter {
  /** The faces of the embedded fonts. */
  enum Face {
    REGULAR,
    BOLD,
    MONO
  }

  /**
   * How a run of text looks.
   *
   * @param face the embedded face
   * @param size font size in points
   * @param color text colour
   * @param oblique whether to slant it (there is no italic face)
   */
  record Style(Face face, float size, Color color, boolean oblique) {
    Style {
      Objects.requireNonNull(face, "face");
      Objects.requireNonNull(color, "color");
    }

    Style(Face face, float size, Color color) {
      this(face, size, color, false);
    }

    Style bold() {
      return new Style(Face.BOLD, size, color, oblique);
    }

    Style mono() {
      return new Style(Face.MONO, size * 0.92f, color, oblique);
    }

    Style slanted() {
      return new Style(face, size, color, true);
    }

    Style size(float newSize) {
      return new Style(face, newSize, color, oblique);
    }

    Style color(Color newColor) {
      return new Style(face, size, newColor, oblique);
    }
  }

  private static final Color MUTED = new Color(0x5B6570);
  private static final Color PLACEHOLDER = new Color(0xB42318);

  /** Words for emoji that have no drawn mark; others are named by their Unicode name. */
  private static final Map<Integer, String> WORDS =
      Map.ofEntries(
          Map.entry(0x1F510, "locked"),
          Map.entry(0x1F512, "locked"),
          Map.entry(0x1F513, "unlocked"),
          Map.entry(0x1F511, "key"),
          Map.entry(0x1F680, "launch"),
          Map.entry(0x1F389, "celebrate"),
          Map.entry(0x1F4DD, "note"),
          Map.entry(0x1F4CC, "pinned"),
          Map.entry(0x1F525, "urgent"),
          Map.entry(0x2B50, "star"),
          Map.entry(0x1F4A1, "idea"),
          Map.entry(0x1F41B, "bug"),
          Map.entry(0x1F527, "fix"),
          Map.entry(0x1F6E0, "tools"),
          Map.entry(0x1F6A7, "in progress"),
          Map.entry(0x1F6D1, "stop"),
          Map.entry(0x26D4, "blocked"),
          Map.entry(0x1F6AB, "blocked"),
          Map.entry(0x1F4C5, "date"),
          Map.entry(0x1F4C6, "date"),
          Map.entry(0x1F4CA, "chart"),
          Map.entry(0x1F4C8, "rising"),
          Map.entry(0x1F4C9, "falling"),
          Map.entry(0x1F44D, "yes"),
          Map.entry(0x1F44E, "no"),
          Map.entry(0x1F504, "in progress"),
          Map.entry(0x1F501, "repeat"),
          Map.entry(0x1F50D, "review"),
          Map.entry(0x1F6A8, "alert"),
          Map.entry(0x1F4E6, "package"),
          Map.entry(0x1F3AF, "target"),
          Map.entry(0x1F4AF, "100"),
          Map.entry(0x1F195, "new"),
          Map.entry(0x1F4CB, "checklist"),
          Map.entry(0x1F9EA, "test"),
          Map.entry(0x1F6E1, "shield"),
          Map.entry(0x1F4DA, "docs"),
          Map.entry(0x1F4D6, "docs"),
          Map.entry(0x1F464, "person"),
          Map.entry(0x1F465, "people"),
          Map.entry(0x23F0, "deadline"),
          Map.entry(0x1F552, "time"));

  private final PdfFonts fonts;
  private final PdfWriter writer;

  /** A chunk per drawn mark and size, copied for each use: copies share its image. */
  private final Map<MarkKey, Chunk> marks = new HashMap<>();

  private final Map<Integer, Integer> missing = new TreeMap<>();

  /**
   * @param writer the document's writer, which holds the templates of drawn marks
   */
  Typesetter(PdfFonts fonts, PdfWriter writer) {
    this.fonts = Objects.requireNonNull(fonts, "fonts");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /** An empty phrase in the regular face (OpenPDF would otherwise pad it in its default font). */
  Phrase phrase(float leading) {
    Phrase phrase = new Phrase(leading);
    phrase.setFont(new Font(fonts.regular, Styles.BODY.size()));
    return phrase;
  }

  /** A line break in the regular face. */
  Chunk newline() {
    return new Chunk("\n", new Font(fonts.regular, Styles.BODY.size()));
  }

  /** The text as a phrase with the given leading. */
  Phrase phrase(String text, Style style, float leading) {
    Phrase phrase = phrase(leading);
    phrase.addAll(chunks(text, style));
    return phrase;
  }

  /** The text as a phrase with a leading of 1.35 × its size. */
  Phrase phrase(String text, Style style) {
    return phrase(text, style, style.size() * 1.35f);
  }

  /** The chunks that show the text in the style. */
  List<Chunk> chunks(String text, Style style) {
    List<Chunk> out = new ArrayList<>();
    BaseFont primary = face(style.face());
    StringBuilder run = new StringBuilder();
    BaseFont runFont = null;
    int[] cps = codePoints(text);
    Chunk lastWord = null;
    String lastWordText = null;
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (cp == '\t' || cp == '\n' || cp == '\r') {
        cp = ' ';
      }
      if (cp >= 0x20 && cp < 0x7F) {
        // Printable ASCII, which every embedded face has: most of any checklist.
        if (runFont != primary) {
          flush(out, run, runFont, style);
          runFont = primary;
        }
        run.append((char) cp);
        continue;
      }
      if (ignorable(cp)) {
        continue;
      }
      Mark mark = Mark.forSymbol(cp);
      String word = mark == null ? word(cp, cps, i) : null;
      BaseFont font = mark != null || word != null ? null : fontFor(cp, primary);
      if (font != runFont || font == null) {
        flush(out, run, runFont, style);
        runFont = font;
      }
      if (mark != null) {
        out.add(markChunk(mark, style.size()));
      } else if (word != null) {
        if (lastWord != null
            && !out.isEmpty()
            && out.get(out.size() - 1) == lastWord
            && joined(cps, i)) {
          out.remove(out.size() - 1);
          word = lastWordText + " " + word;
        }
        lastWordText = word;
        lastWord = styled(new Chunk("[" + word + "]", font(primary, style.color(MUTED))), style);
        out.add(lastWord);
        if (isRegionalIndicator(cp) && i + 1 < cps.length && isRegionalIndicator(cps[i + 1])) {
          i++;
        }
      } else if (font == null) {
        int start = i;
        while (i + 1 < cps.length
            && !ignorable(cps[i + 1])
            && Mark.forSymbol(cps[i + 1]) == null
            && word(cps[i + 1], cps, i + 1) == null
            && fontFor(cps[i + 1], primary) == null) {
          i++;
        }
        for (int j = start; j <= i; j++) {
          missing.merge(cps[j], 1, Integer::sum);
        }
        String script =
            Character.UnicodeScript.of(cp).name().toLowerCase(Locale.ROOT).replace('_', ' ');
        int count = i - start + 1;
        out.add(
            styled(
                new Chunk(
                    "["
                        + count
                        + " "
                        + script
                        + " character"
                        + (count == 1 ? "" : "s")
                        + " not shown: no font]",
                    font(primary, style.color(PLACEHOLDER))),
                style));
      } else {
        run.appendCodePoint(cp);
      }
    }
    flush(out, run, runFont, style);
    return out;
  }

  /**
   * The code points of {@code text}; a plain loop, as a stream costs more than the work on short
   * labels.
   */
  private static int[] codePoints(String text) {
    int length = text.length();
    int[] cps = new int[length];
    int count = 0;
    for (int i = 0; i < length; ) {
      int cp = text.codePointAt(i);
      cps[count++] = cp;
      i += Character.charCount(cp);
    }
    return count == length ? cps : Arrays.copyOf(cps, count);
  }

  /** A chunk that shows {@code mark} as a drawn shape in text of {@code size}. */
  Chunk markChunk(Mark mark, float size) {
    Chunk prototype =
        marks.computeIfAbsent(
            new MarkKey(mark, size),
            key -> {
              Chunk chunk = new Chunk(markImage(mark, size), 0, -size * 0.16f, false);
              // An image chunk without an embedded font of its own would make OpenPDF fall back to
              // Helvetica wherever the chunk is not taken in by a phrase with a font.
              chunk.setFont(new Font(fonts.regular, size));
              return chunk;
            });
    return new Chunk(prototype);
  }

  private record MarkKey(Mark mark, float size) {}

  /** How far the text of a task item starts after its box: the box and a space in body text. */
  float boxIndent() {
    return markChunk(Mark.BOX_OPEN, Styles.BODY.size() * 1.1f).getWidthPoint()
        + fonts.regular.getWidthPoint(" ", Styles.BODY.size());
  }

  /**
   * The width of {@code text} in the style's face, where a line of that style starts after a
   * marker.
   */
  float width(String text, Style style) {
    return face(style.face()).getWidthPoint(text, style.size());
  }

  private Image markImage(Mark mark, float size) {
    float side = size * 0.95f;
    PdfTemplate template = writer.getDirectContent().createTemplate(side, side);
    mark.draw(template, side);
    if (fonts.regular.charExists(mark.text.codePointAt(0))) {
      template.beginText();
      template.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_INVISIBLE);
      template.setFontAndSize(fonts.regular, size * 0.8f);
      template.setTextMatrix(side * 0.08f, side * 0.2f);
      template.showText(mark.text);
      template.endText();
    }
    try {
      return Image.getInstance(template);
    } catch (BadElementException e) {
      throw new IllegalStateException("cannot wrap a drawn mark as an image", e);
    }
  }

  /** Characters no font could show, with how often each occurred, by code point. */
  Map<Integer, Integer> missing() {
    return missing;
  }

  /** The embedded font of a face. */
  BaseFont face(Face face) {
    return switch (face) {
      case REGULAR -> fonts.regular;
      case BOLD -> fonts.bold;
      case MONO -> fonts.mono;
    };
  }

  /** A font of the style's size and colour in {@code base}. */
  static Font font(BaseFont base, Style style) {
    return new Font(base, style.size(), Font.NORMAL, style.color());
  }

  /** Whether the text holds right-to-left letters (Arabic, Hebrew, …) that need a bidi layout. */
  static boolean hasRightToLeft(String text) {
    return text.codePoints()
        .anyMatch(
            cp -> {
              byte d = Character.getDirectionality(cp);
              return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                  || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            });
  }

  private void flush(List<Chunk> out, StringBuilder run, BaseFont font, Style style) {
    if (run.length() > 0) {
      out.add(styled(new Chunk(run.toString(), font(font, style)), style));
      run.setLength(0);
    }
  }

  private static Chunk styled(Chunk chunk, Style style) {
    if (style.oblique()) {
      chunk.setSkew(0, 12);
    }
    chunk.setSplitCharacter(LineBreaks.INSTANCE);
    return chunk;
  }

  /**
   * OpenPDF's line breaking, except inside dates and numbers ({@code 2026-04-13}, {@code 24/27},
   * {@code SHA-256}), and also inside long identifiers and paths (a word of {@value #LONG_WORD}
   * characters or more): after {@code . / \ _ : = & ?} and between a lower-case and an upper-case
   * letter, so that {@code com.example.HikariPoolSettings} breaks at a dot or a word rather than
   * anywhere.
   */
  static final class LineBreaks extends DefaultSplitCharacter {
    static final LineBreaks INSTANCE = new LineBreaks();
    static final int LONG_WORD = 24;

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
      char c = getCurrentCharacter(current, cc, ck);
      if ((c == '-' || c == '/')
          && current > start
          && current + 1 < end
          && Character.isLetterOrDigit(getCurrentCharacter(current - 1, cc, ck))
          && Character.isDigit(getCurrentCharacter(current + 1, cc, ck))) {
        return false; // 2026-04-13, 24/27, SHA-256, TLS-1.3
      }
      if (super.isSplitCharacter(start, current, end, cc, ck)) {
        return true;
      }
      if (current + 1 >= end
          || !Character.isLetterOrDigit(getCurrentCharacter(current + 1, cc, ck))) {
        return false;
      }
      char next = getCurrentCharacter(current + 1, cc, ck);
      boolean boundary =
          switch (c) {
            case '.', '/', '\\', '_', ':', '=', '&', '?' -> true;
            default -> Character.isLowerCase(c) && Character.isUpperCase(next);
          };
      return boundary && inLongWord(start, current, end, cc, ck);
    }

    private boolean inLongWord(int start, int current, int end, char[] cc, PdfChunk[] ck) {
      int length = 1;
      for (int i = current - 1;
          i >= start
              && length < LONG_WORD
              && !Character.isWhitespace(getCurrentCharacter(i, cc, ck));
          i--) {
        length++;
      }
      for (int i = current + 1;
          i < end && length < LONG_WORD && !Character.isWhitespace(getCurrentCharacter(i, cc, ck));
          i++) {
        length++;
      }
      return length >= LONG_WORD;
    }
  }

  private BaseFont fontFor(int cp, BaseFont primary) {
    if (cp == ' ' || primary.charExists(cp)) {
      return primary;
    }
    if (Character.isSpaceChar(cp)) {
      return primary;
    }
    if (fonts.regular.charExists(cp)) {
      return fonts.regular;
    }
    if (fonts.bold.charExists(cp)) {
      return fonts.bold;
    }
    return fonts.systemFontFor(cp);
  }

  /** A word for an emoji no font has, or null when the character is not one. */
  private String word(int cp, int[] cps, int i) {
    if (isRegionalIndicator(cp)) {
      if (i + 1 < cps.length && isRegionalIndicator(cps[i + 1])) {
        return "flag " + (char) ('A' + cp - 0x1F1E6) + (char) ('A' + cps[i + 1] - 0x1F1E6);
      }
      return "flag";
    }
    String known = WORDS.get(cp);
    if (known != null) {
      return known;
    }
    boolean symbol =
        Character.getType(cp) == Character.OTHER_SYMBOL || cp >= 0x1F000 && cp <= 0x1FAFF;
    if (!symbol || fonts.regular.charExists(cp)) {
      return null;
    }
    if (cp >= 0x2E80 && cp <= 0x32FF) {
      return null; // CJK symbols: a CJK system font may have them
    }
    String name = Character.getName(cp);
    return name == null ? "symbol" : name.toLowerCase(Locale.ROOT);
  }

  /** Whether a zero-width joiner ties the character at {@code i} to the one before (👩‍💻). */
  private static boolean joined(int[] cps, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (cps[j] == 0x200D) {
        return true;
      }
      if (!(cps[j] >= 0xFE00 && cps[j] <= 0xFE0F) && !(cps[j] >= 0x1F3FB && cps[j] <= 0x1F3FF)) {
        return false;
      }
    }
    return false;
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  /** Joiners, variation selectors, skin-tone modifiers and other invisible format characters. */
  private static boolean ignorable(int cp) {
    return cp == 0x200D
        || cp == 0x20E3
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0x1F3FB && cp <= 0x1F3FF)
        || (cp >= 0xE0020 && cp <= 0xE007F)
        || cp == 0xFEFF
        || (cp < 0x20 && cp != ' ')
        || (cp >= 0x7F && cp <= 0x9F)
        || (Character.getType(cp) == Character.FORMAT && cp != 0x00AD);
  }
}
