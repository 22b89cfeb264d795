package dev.readiness.render.pdf;

import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The advance widths of a font's characters in thousandths of the font size, as OpenPDF's
 * {@link BaseFont#getWidth(int)} gives them, and their glyph codes in an Identity-H font, each
 * looked up once per character and thread instead of through the font's metrics map every time a
 * line is measured or shown.
 */
final class GlyphMetrics {
  private static final ThreadLocal<Map<BaseFont, GlyphMetrics>> PER_THREAD =
      ThreadLocal.withInitial(IdentityHashMap::new);

  private final BaseFont font;
  private final int[] basic = new int[0x10000];
  /**
   * {@code TrueTypeFontUnicode.getMetricsTT(int)}: public, but on a class OpenPDF does not export,
   * so it is reached by reflection; null when that fails, and text is then shown by OpenPDF.
   */
  private final Method metrics;
  private int[] glyphs;

  private GlyphMetrics(BaseFont font) {
    this.font = font;
    this.metrics = metricsMethod(font);
    Arrays.fill(basic, -1);
  }

  private static Method metricsMethod(BaseFont font) {
    if (!font.getClass().getName().equals("com.lowagie.text.pdf.TrueTypeFontUnicode")) {
      return null;
    }
    try {
      Method method = font.getClass().getMethod("getMetricsTT", int.class);
      method.setAccessible(true);
      return method;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** The widths of {@code font}, a font of the calling thread. */
  static GlyphMetrics of(BaseFont font) {
    return PER_THREAD.get().computeIfAbsent(font, GlyphMetrics::new);
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

  /** Whether {@link #glyph} knows the font's glyph codes. */
  boolean hasGlyphs() {
    return metrics != null;
  }

  /** The glyph code of a code point in an Identity-H font, or -1 when the font has none. */
  int glyph(int codePoint) {
    if (codePoint >= 0x10000) {
      return lookUpGlyph(codePoint);
    }
    if (glyphs == null) {
      glyphs = new int[0x10000];
      Arrays.fill(glyphs, -2);
    }
    int glyph = glyphs[codePoint];
    if (glyph == -2) {
      glyph = lookUpGlyph(codePoint);
      glyphs[codePoint] = glyph;
    }
    return glyph;
  }

  private int lookUpGlyph(int codePoint) {
    try {
      int[] m = (int[]) metrics.invoke(font, codePoint);
      return m == null ? -1 : m[0];
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the glyph of U+" + Integer.toHexString(codePoint), e);
    }
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
