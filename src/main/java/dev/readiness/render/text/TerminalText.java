package dev.readiness.render.text;

import java.util.Locale;

/**
 * Text from checklists (and file names) made safe to print to a terminal or a CI log: control
 * characters are shown as visible escapes instead of being sent, so that a checklist cannot erase,
 * overwrite, recolour or forge lines ({@code ESC [2K}, a carriage return, a bell) or reorder them
 * with bidirectional overrides. Every terminal renderer passes what it did not write itself through
 * {@link #visible}.
 */
public final class TerminalText {
  private TerminalText() {}

  /**
   * {@code text} with each control character written out: {@code \e} for ESC, {@code \r}, {@code
   * \n}, {@code \t}, and {@code \u0007}-style escapes for the other C0 and C1 controls, DEL, the
   * line and paragraph separators and the bidirectional embeddings, overrides and isolates.
   * Everything else, right-to-left letters and their marks included, is unchanged.
   */
  public static String visible(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    while (i < text.length() && !isControl(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        out.append(c);
        continue;
      }
      switch (c) {
        case '\u001b' -> out.append("\\e");
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
