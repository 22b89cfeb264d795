package dev.readiness.render;

/**
 * The writing direction of checklist text, as the Unicode bidirectional algorithm sees it: what the
 * renderers need to lay out Arabic, Hebrew and other right-to-left text without reversing it.
 */
public enum TextDirection {
  LTR,
  RTL;

  /** Right-to-left embedding and pop: make a run of text read right to left inside any line. */
  public static final char RTL_EMBEDDING = '\u202B';

  public static final char POP_DIRECTIONAL = '\u202C';

  /**
   * Whether the code point is a strong right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko,
   * …).
   */
  public static boolean isRtl(int codePoint) {
    byte d = Character.getDirectionality(codePoint);
    return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
  }

  /** Whether the text holds any right-to-left letter. */
  public static boolean hasRtl(CharSequence text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Everything below U+0590 is left to right or neutral: a quick pass for the common case.
      if (c >= '\u0590' && isRtl(Character.codePointAt(text, i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The direction of the text's first strong letter, as {@code dir="auto"} decides it; null when
   * the text has none (digits, punctuation, symbols only).
   */
  public static TextDirection firstStrong(CharSequence text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      byte d = Character.getDirectionality(cp);
      if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
        return LTR;
      }
      if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
        return RTL;
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /**
   * The direction most of the text's letters read in: right to left when more of its strong letters
   * are right to left than left to right (code spans and product names in Latin letters inside an
   * Arabic checklist do not make it left to right).
   */
  public static TextDirection dominant(CharSequence text) {
    long rtl = 0;
    long ltr = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      byte d = Character.getDirectionality(cp);
      if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
        ltr++;
      } else if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
        rtl++;
      }
      i += Character.charCount(cp);
    }
    return rtl > ltr ? RTL : LTR;
  }

  /** The value of an HTML {@code dir} attribute. */
  public String attribute() {
    return this == RTL ? "rtl" : "ltr";
  }
}
