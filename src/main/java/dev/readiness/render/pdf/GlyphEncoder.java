package dev.readiness.render.pdf;

import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Shows text in a content stream as the same {@code (…)Tj} bytes that
 * {@link PdfContentByte#showText(String)} writes for an Identity-H font, from cached glyph codes.
 * OpenPDF records each glyph a document uses, for the font subset and its ToUnicode map, while it
 * converts text; so a string with a character this document has not shown yet still goes through
 * OpenPDF once, on a scratch canvas, in the order the text is shown.
 *
 * <p>One instance serves one document on one thread.
 */
final class GlyphEncoder {
  private final PdfContentByte scratch;
  private final Map<BaseFont, BitSet> shown = new IdentityHashMap<>();
  private byte[] buffer = new byte[256];

  GlyphEncoder(PdfWriter writer) {
    this.scratch = new PdfContentByte(writer);
  }

  /** Shows {@code s} in {@code font} and {@code size}, which must be the font last set on {@code text}. */
  void show(PdfContentByte text, BaseFont font, float size, String s) {
    GlyphMetrics metrics = GlyphMetrics.of(font);
    if (!metrics.hasGlyphs()) {
      text.showText(s);
      return;
    }
    BitSet seen = shown.computeIfAbsent(font, f -> new BitSet());
    int length = s.length();
    StringBuilder unseen = null;
    byte[] bytes = buffer.length < 4 * length + 5 ? buffer = new byte[4 * length + 5] : buffer;
    int n = 0;
    bytes[n++] = '(';
    for (int k = 0; k < length; k++) {
      int cp;
      if (Utilities.isSurrogatePair(s, k)) {
        cp = Utilities.convertToUtf32(s, k);
        k++;
      } else {
        cp = s.charAt(k);
      }
      if (!seen.get(cp)) {
        seen.set(cp);
        if (unseen == null) {
          unseen = new StringBuilder();
        }
        unseen.appendCodePoint(cp);
      }
      int glyph = metrics.glyph(cp);
      if (glyph >= 0) {
        n = escape(bytes, n, (byte) (glyph >> 8));
        n = escape(bytes, n, (byte) (glyph & 0xFF));
      }
    }
    bytes[n++] = ')';
    bytes[n++] = 'T';
    bytes[n++] = 'j';
    bytes[n++] = '\n';
    if (unseen != null) {
      // OpenPDF records a glyph with the first character shown with it; so does this, in order.
      scratch.setFontAndSize(font, size);
      scratch.showText(unseen.toString());
      scratch.getInternalBuffer().reset();
    }
    text.getInternalBuffer().append(bytes, 0, n);
  }

  /** Puts one byte of a literal string at {@code n}, escaped as PdfContentByte escapes it; returns the next index. */
  private static int escape(byte[] out, int n, byte c) {
    byte escaped = switch (c) {
      case 8 -> 'b';
      case 9 -> 't';
      case 10 -> 'n';
      case 12 -> 'f';
      case 13 -> 'r';
      case 40, 41, 92 -> c;
      default -> 0;
    };
    if (escaped != 0) {
      out[n++] = '\\';
      out[n++] = escaped;
    } else {
      out[n++] = c;
    }
    return n;
  }
}
