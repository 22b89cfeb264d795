package dev.readiness.markdown;

import com.vladsch.flexmark.util.ast.Node;
import java.util.Arrays;

/**
 * Where each line of a text starts, so that an offset finds its line by binary search. Flexmark's
 * own {@code getLineNumber()} counts line ends from the top of the document on every call, which
 * makes anything that asks for the line of every node quadratic.
 */
public final class LineIndex {
  private final int[] starts;

  private LineIndex(int[] starts) {
    this.starts = starts;
  }

  /** The index of a text (as flexmark parsed it). */
  public static LineIndex of(CharSequence text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    for (int i = 0, n = 1; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts[n++] = i + 1;
      }
    }
    return new LineIndex(starts);
  }

  /** The 0-based line of a character offset. */
  public int line(int offset) {
    int found = Arrays.binarySearch(starts, Math.max(0, offset));
    return found >= 0 ? found : -found - 2;
  }

  /** The 0-based line a node starts on. */
  public int startLine(Node node) {
    return line(node.getStartOffset());
  }

  /** The 0-based line of a node's last character. */
  public int endLine(Node node) {
    int end = node.getEndOffset();
    return line(end > node.getStartOffset() ? end - 1 : end);
  }
}
