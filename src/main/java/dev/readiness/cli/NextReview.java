package dev.readiness.cli;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a project's next review: the latest review copied as it is, boxes and all, with its
 * dates moved on. The header's {@code **Date**:} (before the first H2) and front matter {@code
 * date:} become the new date, every {@code **Last Updated**:} too, and every {@code **Next
 * Review**:} the new date plus the previous cadence. Completion stamps ({@code - [x] **Date**: …}),
 * sign-off dates and fenced code are left alone. Line endings and a byte order mark are kept.
 */
final class NextReview {
  /** The cadence when the latest review does not say when the next one is due. */
  static final int DEFAULT_CADENCE_DAYS = 7;

  private static final Pattern KEYED_DATE =
      Pattern.compile(
          "^(\\s*\\*\\*(Date|Last Updated|Next Review)(?::\\*\\*|\\*\\*\\s*:)\\s*)(\\d{4}-\\d{2}-\\d{2})(.*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern FRONT_MATTER_DATE =
      Pattern.compile("^(date\\s*:\\s*)([\"']?)(\\d{4}-\\d{2}-\\d{2})(\\2\\s*(?:#.*)?)$");
  private static final Pattern H2 = Pattern.compile("^ {0,3}##(?!#)(\\s|$)");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

  /**
   * The next review's text and what was moved.
   *
   * @param text the new file's text
   * @param nextReview the new next-review date
   * @param cadenceDays days between the new date and the next review
   * @param moved the keys whose dates were moved, e.g. {@code Date}, {@code Last Updated}
   */
  record Result(String text, LocalDate nextReview, long cadenceDays, List<String> moved) {}

  private NextReview() {}

  /**
   * Moves the dates of {@code text} on to {@code date}.
   *
   * @param previousDate the latest review's date
   * @param previousNext the latest review's next-review date, or null
   */
  static Result of(String text, LocalDate previousDate, LocalDate previousNext, LocalDate date) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(date, "date");
    long cadence = DEFAULT_CADENCE_DAYS;
    if (previousDate != null && previousNext != null) {
      long days = ChronoUnit.DAYS.between(previousDate, previousNext);
      if (days > 0) {
        cadence = days;
      }
    }
    LocalDate next = date.plusDays(cadence);
    List<String> moved = new ArrayList<>();
    StringBuilder out = new StringBuilder(text.length());
    String[] lines = text.split("(?<=\n)", -1);
    boolean frontMatter = false;
    boolean header = true;
    boolean fenced = false;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      int end =
          raw.endsWith("\r\n")
              ? raw.length() - 2
              : raw.endsWith("\n") ? raw.length() - 1 : raw.length();
      String line = raw.substring(0, end);
      String eol = raw.substring(end);
      String body = i == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
      String bom = line.substring(0, line.length() - body.length());
      if (i == 0 && body.equals("---")) {
        frontMatter = true;
      } else if (frontMatter) {
        if (body.equals("---") || body.equals("...")) {
          frontMatter = false;
        } else {
          Matcher m = FRONT_MATTER_DATE.matcher(body);
          if (m.matches()) {
            body = m.group(1) + m.group(2) + date + m.group(4);
            moved.add("front matter date");
          }
        }
      } else if (FENCE.matcher(body).find()) {
        fenced = !fenced;
      } else if (!fenced) {
        if (H2.matcher(body).find()) {
          header = false;
        }
        Matcher m = KEYED_DATE.matcher(body);
        if (m.matches()) {
          String key = m.group(2).toLowerCase(Locale.ROOT);
          LocalDate value =
              switch (key) {
                case "date" -> header ? date : null;
                case "last updated" -> date;
                default -> next;
              };
          if (value != null) {
            body = m.group(1) + value + m.group(4);
            moved.add(
                key.equals("date")
                    ? "Date"
                    : key.equals("last updated") ? "Last Updated" : "Next Review");
          }
        }
      }
      out.append(bom).append(body).append(eol);
    }
    return new Result(out.toString(), next, cadence, List.copyOf(moved));
  }
}
