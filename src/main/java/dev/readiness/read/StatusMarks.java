package dev.readiness.read;

import dev.readiness.model.DeclaredStatus;
import java.util.regex.Pattern;

/**
 * Reads and removes the status marks (✅ ⚠️ ⬜ 🟡 ⏳ ❌, COMPLETE) that authors put in headings and
 * items.
 */
final class StatusMarks {
  private static final Pattern COMPLETE_WORD = Pattern.compile("\\bCOMPLETED?\\b");
  private static final Pattern MARKS =
      Pattern.compile("(✅|✔️?|☑️?|⚠️?|⬜|🟡|🟠|🟢|🔴|⏳|❌|✖️?)\\x{FE0F}?");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private StatusMarks() {}

  /** Whether a text has nothing to strip: ASCII without COMPLETE or a leading shortcode. */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7F) {
        return false;
      }
    }
    String s = text.stripLeading();
    return !s.startsWith(":") && !text.contains("COMPLETE");
  }

  /** The status a heading declares, or null when it carries no mark; the first mark wins. */
  static DeclaredStatus declared(String heading) {
    int best = Integer.MAX_VALUE;
    DeclaredStatus status = null;
    String[][] marks = {
      {"✅", "COMPLETE"},
      {"⚠", "AT_RISK"},
      {"⬜", "IN_PROGRESS"},
      {"🟡", "IN_PROGRESS"},
      {"⏳", "IN_PROGRESS"},
      {"❌", "NOT_DONE"}
    };
    for (String[] mark : marks) {
      int at = heading.indexOf(mark[0]);
      if (at >= 0 && at < best) {
        best = at;
        status = DeclaredStatus.valueOf(mark[1]);
      }
    }
    var word = COMPLETE_WORD.matcher(heading);
    if (word.find() && word.start() < best) {
      status = DeclaredStatus.COMPLETE;
    }
    return status;
  }

  /**
   * The length of the leading run of symbols (emoji), {@code :shortcodes:} and white space; what
   * {@code ^(?:[\\p{So}\\p{Sk}\\p{Cs}\\x{FE0F}\\x{200D}]|:[a-z0-9_+-]+:|\\s)+} matches, counted in
   * a loop because that pattern recursed once per character and overflowed the stack on a long
   * heading.
   */
  static int leadingSymbols(String s) {
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      int type = Character.getType(c);
      if (type == Character.OTHER_SYMBOL
          || type == Character.MODIFIER_SYMBOL
          || type == Character.SURROGATE
          || c == 0xFE0F
          || c == 0x200D
          || c == ' '
          || (c >= '\t' && c <= '\r')) {
        i += Character.charCount(c);
      } else if (c == ':' && shortcodeEnd(s, i) > 0) {
        i = shortcodeEnd(s, i);
      } else {
        break;
      }
    }
    return i;
  }

  /** The end of a {@code :shortcode:} starting at {@code colon}, or -1. */
  private static int shortcodeEnd(String s, int colon) {
    int i = colon + 1;
    while (i < s.length() && isShortcodeChar(s.charAt(i))) {
      i++;
    }
    return i > colon + 1 && i < s.length() && s.charAt(i) == ':' ? i + 1 : -1;
  }

  private static boolean isShortcodeChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-';
  }

  /**
   * The text without status marks, the word COMPLETE, leading emoji or shortcodes, and extra
   * spaces.
   */
  static String strip(String text) {
    if (isPlain(text)) {
      return SnapshotParser.collapse(text);
    }
    String s = MARKS.matcher(text).replaceAll(" ");
    s = COMPLETE_WORD.matcher(s).replaceAll(" ");
    s = s.substring(leadingSymbols(s));
    s = SPACES.matcher(s).replaceAll(" ").trim();
    return withoutDanglingSeparator(s);
  }

  /**
   * The text without separators left at its end once a mark is gone: "Testing Summary - COMPLETE
   * ✅".
   */
  private static String withoutDanglingSeparator(String s) {
    int end = s.length();
    while (end > 0) {
      char c = s.charAt(end - 1);
      if (c == ':') {
        end--;
      } else if (end > 1 && "-–—|".indexOf(c) >= 0 && s.charAt(end - 2) == ' ') {
        end -= 2;
      } else {
        break;
      }
    }
    return end == 0 ? s : s.substring(0, end);
  }
}
