package dev.readiness.render.pdf;

import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The advance widths of a font's characters in thousandths of the font size, as OpenPDF's
 * {@link BaseFont#getWidth(int)} gives them, looked up once per character and thread instead of
 * through the font's metrics map every time a line is measured.
 */
final class GlyphWidths {
  private static final ThreadLocal<Map<BaseFont, GlyphWidths>> PER_THREAD =
      ThreadLocal.withInitial(IdentityHashMap::new);

  private final BaseFont font;
  private final int[] basic = new int[0x10000];

  private GlyphWidths(BaseFont font) {
    this.font = font;
    Arrays.fill(basic, -1);
  }

  /** The widths of {@code font}, a font of the calling thread. */
  static GlyphWidths of(BaseFont font) {
    return PER_THREAD.get().computeIfAbsent(font, GlyphWidths::new);
  }

  /** The width of one code point. */
  int of(int codePoint) {
    if (codePoint >= basic.length) {
      return font.getWidth(codePoint);
    }
    int width = basic[codePoint];
    if (width < 0) {
      width = font.getWidth(codePoint);
      basic[codePoint] = width;
    }
    return width;
  }

  /** The width of a text, summed as {@link BaseFont#getWidth(String)} sums it. */
  int of(String text) {
    int total = 0;
    int length = text.length();
    for (int k = 0; k < length; k++) {
      if (Utilities.isSurrogatePair(text, k)) {
        total += of(Utilities.convertToUtf32(text, k));
        k++;
      } else {
        total += of(text.charAt(k));
      }
    }
    return total;
  }
}
