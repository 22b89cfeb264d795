package dev.readiness.analyze;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The normalized text that identifies an item across reviews and within one: Unicode NFKC, case
 * folded, whitespace folded, trailing status marks and words (✅ ❌ DONE COMPLETE …) dropped.
 */
public final class ItemText {
  private static final Set<String> STATUS_WORDS = Set.of("done", "complete", "completed", "ok");
  private static final String STATUS_MARKS = "✅✔☑⚠⬜🟡🟠🟢🔴⏳❌✖";

  /** The shortest stem that pairs two items: shorter ones ("docs") say too little. */
  static final int MIN_STEM = 6;

  private ItemText() {}

  /** The normalized form of an item's plain text. */
  public static String normalize(String text) {
    String s = text;
    if (!isAscii(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKC).replace("\uFE0F", "");
    }
    s = fold(s);
    int end = s.length();
    while (true) {
      int cut = trailingStatus(s, end);
      if (cut == end) {
        break;
      }
      end = cut;
    }
    String stripped = s.substring(0, end).strip();
    return stripped.isEmpty() ? s : stripped;
  }

  /**
   * The stem of a normalized text: what comes before its first status mark ("0.1 code graph
   * analyzer ❌ empty directory"), without trailing parenthesized notes ("0.1 code graph analyzer
   * (week 1-2)"). Two items of paired sections with the same stem, of at least {@value #MIN_STEM}
   * characters, are one item reworded: a status or a note appended to it. Null when the stem is
   * shorter than that.
   */
  public static String stem(String normalized) {
    String s = normalized;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (STATUS_MARKS.indexOf(cp) >= 0) {
        s = s.substring(0, i);
        break;
      }
      i += Character.charCount(cp);
    }
    s = s.strip();
    while (s.endsWith(")")) {
      int open = s.lastIndexOf('(');
      if (open <= 0) {
        break;
      }
      s = s.substring(0, open).strip();
    }
    while (!s.isEmpty() && " -–—:|".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return s.length() >= MIN_STEM ? s : null;
  }

  /**
   * Where a trailing status mark or word starts, with the closing separators after it and the
   * opening ones before it ("(done)", "- ✅"), or {@code end} when the text does not end in one.
   */
  private static int trailingStatus(String s, int end) {
    int i = end;
    while (i > 0 && ")]. !:-".indexOf(s.charAt(i - 1)) >= 0) {
      i--;
    }
    if (i == 0) {
      return end;
    }
    int cp = s.codePointBefore(i);
    if (STATUS_MARKS.indexOf(new String(Character.toChars(cp))) >= 0) {
      i -= Character.charCount(cp);
    } else {
      int start = i;
      while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
        start--;
      }
      if (start == i
          || !STATUS_WORDS.contains(s.substring(start, i))
          || (start > 0 && " ([-".indexOf(s.charAt(start - 1)) < 0)) {
        return end;
      }
      i = start;
    }
    while (i > 0 && " ([-".indexOf(s.charAt(i - 1)) >= 0) {
      i--;
    }
    return i;
  }

  private static String fold(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pending = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        pending = out.length() > 0;
      } else {
        if (pending) {
          out.append(' ');
          pending = false;
        }
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }
}
