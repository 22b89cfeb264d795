package dev.readiness.read;

import dev.readiness.model.Blocker;
import dev.readiness.read.DocumentLines.Entry;
import dev.readiness.read.DocumentLines.HeadingAt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the open blockers: the outermost list entries under every heading that says "blocker",
 * leaving out those checked, marked resolved ({@code ✅}, struck through) or listed under a bold
 * label such as {@code **Resolved Blockers:**}, and entries that say there are none.
 */
final class BlockerReader {
  private static final Pattern NO_BLOCKERS =
      Pattern.compile(
          "^(none|n/?a|nothing|no (current |open |known )?blockers?)\\b.*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern RESOLVED_MARK = Pattern.compile("^\\s*(✅|✔|☑|~~)");
  private static final Pattern RESOLVED_LABEL =
      Pattern.compile("(?i)\\b(resolved|fixed|closed|done|cleared)\\b");
  private static final Pattern LABEL_LINE = Pattern.compile("^\\s*\\*\\*[^*]+\\*\\*.*$");
  private static final Pattern BLOCKER_SEPARATOR = Pattern.compile("\\s+[-–—]\\s+|:\\s+");
  private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s\\-–—:]+");

  private BlockerReader() {}

  static List<Blocker> read(DocumentLines d) {
    List<Blocker> blockers = new ArrayList<>();
    for (HeadingAt heading : d.headings) {
      if (!heading.plain().toLowerCase(Locale.ROOT).contains("blocker")) {
        continue;
      }
      int scanned = heading.line();
      String label = "";
      for (Entry entry : d.topEntries(heading)) {
        for (; scanned < entry.line() - 1; scanned++) {
          if (isLabel(d, scanned + 1)) {
            label = d.lines[scanned];
          }
        }
        if (entry.task() && entry.done()
            || RESOLVED_MARK.matcher(entry.markdown()).find()
            || RESOLVED_LABEL.matcher(label).find()) {
          continue;
        }
        Blocker blocker = blocker(entry);
        if (blocker != null) {
          blockers.add(blocker);
        }
      }
    }
    return blockers;
  }

  /**
   * Whether a line is a bold label (such as {@code **Resolved Blockers:**}); the nearest one above
   * a blocker entry says whether the entries below it are resolved.
   */
  private static boolean isLabel(DocumentLines d, int n) {
    return !d.itemLine[n]
        && !d.opaque[n]
        && LABEL_LINE.matcher(d.lines[n - 1]).matches()
        && !d.lines[n - 1].stripLeading().startsWith("-");
  }

  private static Blocker blocker(Entry entry) {
    String markdown = entry.markdown().strip();
    String titleText;
    String detail;
    Matcher bold = Pattern.compile("^\\*\\*(.+?)\\*\\*(.*)$").matcher(markdown);
    if (bold.matches()) {
      titleText = SnapshotParser.inlinePlain(bold.group(1));
      detail = SnapshotParser.inlinePlain(bold.group(2));
    } else {
      String plainText = entry.plain();
      Matcher separator = BLOCKER_SEPARATOR.matcher(plainText);
      if (separator.find()) {
        titleText = plainText.substring(0, separator.start());
        detail = plainText.substring(separator.end());
      } else {
        titleText = plainText;
        detail = "";
      }
    }
    titleText = StatusMarks.strip(titleText);
    detail = LEADING_SEPARATOR.matcher(StatusMarks.strip(detail)).replaceFirst("").strip();
    if (titleText.isEmpty() || NO_BLOCKERS.matcher(titleText).matches()) {
      return null;
    }
    return new Blocker(titleText, detail, entry.line());
  }
}
