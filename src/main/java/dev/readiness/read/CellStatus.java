package dev.readiness.read;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the status cell of a table row says: done, open or partly done. Marks win over words: the
 * first mark in the cell decides ({@code ✅ Complete}, {@code ⚠️ Good}); a cell without a mark is
 * read by its first words ({@code Done}, {@code Not started}, {@code in-progress}).
 */
enum CellStatus {
  DONE,
  OPEN,
  PARTIAL;

  private static final Pattern MARK =
      Pattern.compile(
          "(✅|✔|☑|✓|🟢|❌|✗|✘|✖|⬜|☐|🔴|⚠|🟡|🟠|⏳|🚧)|:(white_check_mark|heavy_check_mark|ballot_box_with_check"
              + "|green_circle|x|negative_squared_cross_mark|heavy_multiplication_x|red_circle|white_large_square"
              + "|warning|yellow_circle|orange_circle|hourglass|hourglass_flowing_sand|construction):");
  private static final Pattern WORDS =
      Pattern.compile(
          "^(?:(not (?:started|done|ready|yet|complete|completed|implemented|tested|passing))|(in progress|at risk"
              + "|partial|partially|wip|ongoing|started)|(done|complete|completed|yes|pass|passed|passing|ok|ready"
              + "|approved|verified|resolved|fixed)|(pending|todo|to do|open|no|fail|failed|failing|missing"
              + "|blocked))\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EMPHASIS = Pattern.compile("[*_`~]+");
  private static final Pattern MARKUP = Pattern.compile("[*`~]+");

  /**
   * Word joiners (and underscore emphasis) read as spaces: {@code not-started}, {@code
   * in_progress}.
   */
  private static final Pattern SEPARATORS = Pattern.compile("[-_]+");

  /** The status a cell's plain text states, or null when it states none. */
  static CellStatus of(String cell) {
    Matcher mark = MARK.matcher(cell);
    if (mark.find()) {
      return ofMark(mark.group(1) != null ? mark.group(1) : mark.group(2));
    }
    String words = SEPARATORS.matcher(MARKUP.matcher(cell).replaceAll("")).replaceAll(" ").strip();
    Matcher m = WORDS.matcher(words);
    if (!m.find()) {
      return null;
    }
    if (m.group(1) != null || m.group(4) != null) {
      return OPEN;
    }
    return m.group(2) != null ? PARTIAL : DONE;
  }

  /**
   * Whether a cell is nothing but status marks (and white space or emphasis), such as {@code ✅} or
   * {@code :x:}: what a column must hold in every row to be taken as a status column without a
   * status header.
   */
  static boolean isMarkOnly(String cell) {
    String rest =
        EMPHASIS
            .matcher(MARK.matcher(cell).replaceAll(""))
            .replaceAll("")
            .replace("\uFE0F", "")
            .strip();
    return rest.isEmpty() && MARK.matcher(cell).find();
  }

  private static CellStatus ofMark(String mark) {
    return switch (mark.toLowerCase(Locale.ROOT)) {
      case "✅",
          "✔",
          "☑",
          "✓",
          "🟢",
          "white_check_mark",
          "heavy_check_mark",
          "ballot_box_with_check",
          "green_circle" ->
          DONE;
      case "⚠",
          "🟡",
          "🟠",
          "⏳",
          "🚧",
          "warning",
          "yellow_circle",
          "orange_circle",
          "hourglass",
          "hourglass_flowing_sand",
          "construction" ->
          PARTIAL;
      default -> OPEN;
    };
  }
}
