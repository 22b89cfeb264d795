package dev.readiness.render.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sanitized HTML whose {@code id="L<line>"} anchors count from the first line of the Markdown it
 * was rendered from, so that one rendering serves the same text at any file line: {@link #at}
 * shifts them. Immutable.
 *
 * <p>Rendered with anchors {@link #BASE} + relative line, the anchors are found again in the
 * sanitized output by position: inside a tag (text has every {@code <} escaped) and outside a
 * quoted attribute value (values have every {@code "} escaped), {@code id="L} can only start an id.
 */
final class AnchoredHtml {
  /** Added to relative lines while rendering, so they are all positive and of one width. */
  static final int BASE = 1 << 30;

  private static final String ID = " id=\"L";

  private final String html;

  /**
   * Where each anchor's digits start and end in {@link #html}, and its line relative to the text.
   */
  private final int[] starts;

  private final int[] ends;
  private final int[] lines;

  private AnchoredHtml(String html, int[] starts, int[] ends, int[] lines) {
    this.html = html;
    this.starts = starts;
    this.ends = ends;
    this.lines = lines;
  }

  /** Finds the anchors of HTML rendered with {@link #BASE} + relative line. */
  static AnchoredHtml of(String html) {
    int[] starts = new int[8];
    int[] ends = new int[8];
    int[] lines = new int[8];
    int n = 0;
    boolean inTag = false;
    boolean quoted = false;
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (!inTag) {
        inTag = c == '<';
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '>') {
        inTag = false;
      } else if (!quoted && c == ' ' && html.startsWith(ID, i)) {
        int from = i + ID.length();
        int to = from;
        while (to < html.length() && html.charAt(to) >= '0' && html.charAt(to) <= '9') {
          to++;
        }
        long value = to > from && to - from <= 10 ? Long.parseLong(html, from, to, 10) : -1;
        if (to < html.length()
            && html.charAt(to) == '"'
            && value >= BASE
            && value <= Integer.MAX_VALUE) {
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
            lines = Arrays.copyOf(lines, n * 2);
          }
          starts[n] = from;
          ends[n] = to;
          lines[n] = (int) (value - BASE);
          n++;
        }
        // Go on from the value's opening quote, so that the value is read as quoted.
        i = from - 3;
      }
    }
    return new AnchoredHtml(
        html, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), Arrays.copyOf(lines, n));
  }

  /**
   * Blocks one after the other.
   *
   * @param parts the blocks' HTML, each with anchors relative to its own first line
   * @param firstLines the line each block starts on, relative to the whole text
   */
  static AnchoredHtml join(List<AnchoredHtml> parts, List<Integer> firstLines) {
    StringBuilder html = new StringBuilder();
    int count = parts.stream().mapToInt(p -> p.lines.length).sum();
    int[] starts = new int[count];
    int[] ends = new int[count];
    int[] lines = new int[count];
    int n = 0;
    for (int i = 0; i < parts.size(); i++) {
      AnchoredHtml part = parts.get(i);
      int shift = html.length();
      for (int k = 0; k < part.lines.length; k++) {
        starts[n] = part.starts[k] + shift;
        ends[n] = part.ends[k] + shift;
        lines[n] = part.lines[k] + firstLines.get(i);
        n++;
      }
      html.append(part.html);
    }
    return new AnchoredHtml(html.toString(), starts, ends, lines);
  }

  /** The HTML and its anchors for text whose first line is {@code firstLine} of the file. */
  MarkdownRenderer.Fragment at(int firstLine) {
    StringBuilder out = new StringBuilder(html.length() + 16);
    List<Integer> anchors = new ArrayList<>(lines.length);
    int from = 0;
    for (int k = 0; k < lines.length; k++) {
      int line = firstLine + lines[k];
      out.append(html, from, starts[k]).append(line);
      anchors.add(line);
      from = ends[k];
    }
    out.append(html, from, html.length());
    return new MarkdownRenderer.Fragment(out.toString(), anchors);
  }
}
