package dev.readiness.read;

import java.util.Arrays;

/**
 * Keeps every line of a checklist within a nesting depth that the Markdown parser and the page
 * renderers handle quickly and without deep recursion. Flexmark closes nested lists in time
 * quadratic in their depth, and renders them recursively; a line that opens thousands of lists or
 * quotes would stall the build or overflow the stack. Such a line keeps the first levels of its
 * prefix and its own list marker, so every task item is still counted, only less deeply nested.
 */
final class NestingLimit {
  /** The deepest nesting a line is read at; real checklists nest a handful of levels. */
  static final int MAX_LEVELS = 100;

  private NestingLimit() {}

  /**
   * Clamps lines {@code from..} of {@code lines} in place.
   *
   * @return the 0-based indexes of the lines that were changed, in order
   */
  static int[] clamp(String[] lines, int from, int maxLevels) {
    int[] changed = new int[8];
    int count = 0;
    for (int i = from; i < lines.length; i++) {
      String clamped = clampLine(lines[i], maxLevels);
      if (!clamped.equals(lines[i])) {
        lines[i] = clamped;
        if (count == changed.length) {
          changed = Arrays.copyOf(changed, count * 2);
        }
        changed[count++] = i;
      }
    }
    return Arrays.copyOf(changed, count);
  }

  /**
   * The line with its container prefix (indentation, {@code >} quote markers, list markers and task
   * boxes) cut to about {@code maxLevels} levels, or the same instance when it is within them. A
   * level is a quote or list marker, or two columns of indentation: an upper bound of the depth the
   * line can reach, since each nested list indents its content by at least two columns. A cut
   * prefix keeps the line's last list marker with its task box, so the line stays the item it was.
   */
  static String clampLine(String line, int maxLevels) {
    int budget = 2 * maxLevels;
    int units = 0;
    int column = 0;
    int cut = -1;
    int lastMarker = -1;
    int lastMarkerEnd = -1;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      int start = i;
      if (c == ' ' || c == '\t' || c == '>') {
        int width = c == '\t' ? 4 - column % 4 : 1;
        units += c == '>' ? 2 : width;
        column += width;
        i++;
      } else {
        int end = markerEnd(line, i);
        if (end < 0) {
          break;
        }
        int after = skipSpaces(line, end);
        int spaces = after - end;
        int box = boxEnd(line, after);
        if (box > 0) {
          int next = skipSpaces(line, box);
          spaces += next - box;
          after = next;
        }
        units += 2 + spaces;
        column += after - i;
        lastMarker = i;
        lastMarkerEnd = after;
        i = after;
      }
      if (cut < 0 && units > budget) {
        cut = start;
      }
    }
    if (cut < 0) {
      return line;
    }
    StringBuilder out = new StringBuilder(cut + 16 + n - i).append(line, 0, cut);
    if (lastMarker >= cut) {
      out.append(line, lastMarker, lastMarkerEnd);
    } else if (i > cut
        && isSpace(line.charAt(i - 1))
        && (out.length() == 0 || !isSpace(out.charAt(out.length() - 1)))) {
      out.append(' ');
    }
    String clamped = out.append(line, i, n).toString();
    return clamped.equals(line) ? line : clamped;
  }

  /**
   * The end of a list marker ({@code -}, {@code *}, {@code +}, {@code 1.}, {@code 1)}) at {@code
   * i}, or -1.
   */
  private static int markerEnd(String line, int i) {
    char c = line.charAt(i);
    int end;
    if (c == '-' || c == '*' || c == '+') {
      end = i + 1;
    } else {
      int digits = i;
      while (digits < line.length()
          && digits - i < 9
          && line.charAt(digits) >= '0'
          && line.charAt(digits) <= '9') {
        digits++;
      }
      if (digits == i
          || digits >= line.length()
          || (line.charAt(digits) != '.' && line.charAt(digits) != ')')) {
        return -1;
      }
      end = digits + 1;
    }
    return end == line.length() || line.charAt(end) == ' ' || line.charAt(end) == '\t' ? end : -1;
  }

  /**
   * The end of a task box ({@code [ ]}, {@code [x]}, {@code [X]}) at {@code i} followed by a space,
   * or -1.
   */
  private static int boxEnd(String line, int i) {
    if (i + 3 > line.length() || line.charAt(i) != '[' || line.charAt(i + 2) != ']') {
      return -1;
    }
    char mark = line.charAt(i + 1);
    if (mark != ' ' && mark != 'x' && mark != 'X') {
      return -1;
    }
    int end = i + 3;
    return end == line.length() || line.charAt(end) == ' ' || line.charAt(end) == '\t' ? end : -1;
  }

  private static int skipSpaces(String line, int i) {
    while (i < line.length() && isSpace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
