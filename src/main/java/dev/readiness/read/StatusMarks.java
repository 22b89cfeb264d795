package dev.readiness.read;

import dev.readiness.model.DeclaredStatus;
import java.util.regex.Pattern;

/** Reads and removes the status marks (✅ ⚠️ ⬜ 🟡 ⏳ ❌, COMPLETE) that authors put in headings and items. */
final class StatusMarks {
  private static final Pattern COMPLETE_WORD = Pattern.compile("\\bCOMPLETED?\\b");
  private static final Pattern MARKS =
      Pattern.compile("(✅|✔️?|☑️?|⚠️?|⬜|🟡|🟠|🟢|🔴|⏳|❌|✖️?)\\x{FE0F}?");
  private static final Pattern LEADING_SYMBOLS =
      Pattern.compile("^(?:[\\p{So}\\p{Sk}\\p{Cs}\\x{FE0F}\\x{200D}]|:[a-z0-9_+-]+:|\\s)+");
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
      {"✅", "COMPLETE"}, {"⚠", "AT_RISK"}, {"⬜", "IN_PROGRESS"}, {"🟡", "IN_PROGRESS"},
      {"⏳", "IN_PROGRESS"}, {"❌", "NOT_DONE"}
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

  /** The text without status marks, the word COMPLETE, leading emoji or shortcodes, and extra spaces. */
  static String strip(String text) {
    if (isPlain(text)) {
      return SnapshotParser.collapse(text);
    }
    String s = MARKS.matcher(text).replaceAll(" ");
    s = COMPLETE_WORD.matcher(s).replaceAll(" ");
    s = LEADING_SYMBOLS.matcher(s).replaceFirst("");
    return SPACES.matcher(s).replaceAll(" ").trim();
  }
}
