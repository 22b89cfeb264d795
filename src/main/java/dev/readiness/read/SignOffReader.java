package dev.readiness.read;

import dev.readiness.model.Signature;
import dev.readiness.read.DocumentLines.HeadingAt;
import dev.readiness.read.DocumentLines.Key;
import dev.readiness.read.DocumentLines.Row;
import dev.readiness.read.DocumentLines.TableAt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sign-off: under the first heading that says "sign-off" (or "sign off", "signoff") and
 * holds no task items, {@code **Role**: name Date: date} lines and the rows of tables with a Role,
 * Name, Signature, Signed or Approver column.
 */
final class SignOffReader {
  private static final Pattern SIGN_OFF_HEADING =
      Pattern.compile("sign[- ]?off", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_A_ROLE =
      Pattern.compile(
          "(?i)status|progress|date|last updated|next review|version|notes?|owner|purpose|project");

  /** The signatures in line order, and the line of the heading they are under (0 when none). */
  record SignOff(List<Signature> signatures, int line) {}

  private SignOffReader() {}

  static SignOff read(DocumentLines d) {
    List<Signature> signatures = new ArrayList<>();
    for (HeadingAt heading : d.headings) {
      if (!SIGN_OFF_HEADING.matcher(heading.plain()).find()) {
        continue;
      }
      int end = d.regionEnd(heading);
      if (d.hasItemsBetween(heading.line(), end)) {
        continue;
      }
      for (int n = heading.line() + 1; n <= end; n++) {
        Key m = d.keyAt(n);
        if (m == null || NOT_A_ROLE.matcher(m.name().strip()).matches()) {
          continue;
        }
        String rest = m.value().replace("\\", "");
        String name = rest;
        String date = null;
        Matcher dateAt = Pattern.compile("(?i)\\bdate\\s*:").matcher(rest);
        if (dateAt.find()) {
          name = rest.substring(0, dateAt.start());
          date = blankToNull(rest.substring(dateAt.end()));
        }
        signatures.add(
            new Signature(SnapshotParser.inlinePlain(m.name()), blankToNull(name), date, n));
      }
      for (TableAt table : d.tables()) {
        if (table.line() > heading.line() && table.line() <= end) {
          table(d, table, signatures);
        }
      }
      if (!signatures.isEmpty()) {
        signatures.sort(Comparator.comparingInt(Signature::line));
        return new SignOff(signatures, heading.line());
      }
    }
    return new SignOff(signatures, 0);
  }

  /**
   * Reads a table of a sign-off section: one signature per row, the role from the column headed
   * Role (else the first), the name from Name (else Signature, Signed by or Approver), the date
   * from Date. A table with neither a Role nor a name column is not a sign-off table.
   */
  private static void table(DocumentLines d, TableAt table, List<Signature> signatures) {
    if (table.head() == null) {
      return;
    }
    if (!isSignOffTable(table)) {
      return;
    }
    int role = DocumentLines.indexOf(table.head(), "role");
    int name = DocumentLines.indexOf(table.head(), "name");
    int signature = firstIndexOf(table.head(), "signature", "signed", "approver");
    int date = DocumentLines.indexOf(table.head(), "date");
    role = role >= 0 ? role : 0;
    for (Row row : table.rows()) {
      String roleText = cell(row, role);
      if (roleText.isEmpty()) {
        continue;
      }
      String who = name >= 0 && name != role ? blankToNull(cell(row, name)) : null;
      if (who == null && signature >= 0 && signature != role) {
        who = blankToNull(cell(row, signature));
      }
      String when = date >= 0 && date != role ? blankToNull(cell(row, date)) : null;
      signatures.add(new Signature(d.texts.of(roleText), who, when, row.line()));
    }
  }

  /** Whether a table has a column headed Role, Name, Signature, Signed or Approver. */
  static boolean isSignOffTable(TableAt table) {
    return table.head() != null
        && firstIndexOf(table.head(), "role", "name", "signature", "signed", "approver") >= 0;
  }

  /** Whether a line lies under a sign-off heading. */
  static boolean isSignOffLine(DocumentLines d, int line) {
    for (HeadingAt heading : d.headings) {
      if (heading.line() < line
          && line <= d.regionEnd(heading)
          && SIGN_OFF_HEADING.matcher(heading.plain()).find()) {
        return true;
      }
    }
    return false;
  }

  private static String cell(Row row, int column) {
    return column < row.plain().size() ? row.plain().get(column) : "";
  }

  private static int firstIndexOf(List<String> head, String... words) {
    for (String word : words) {
      int at = DocumentLines.indexOf(head, word);
      if (at >= 0) {
        return at;
      }
    }
    return -1;
  }

  private static String blankToNull(String value) {
    String s = value.replaceAll("[_\\s*`|]+", " ").strip();
    return s.isEmpty() || s.matches("[-–—.]+") ? null : s;
  }
}
