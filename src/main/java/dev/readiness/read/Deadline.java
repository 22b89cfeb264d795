package dev.readiness.read;

import java.time.Duration;

/**
 * A point in time after which a parse gives up. The Markdown parser cannot be interrupted, so the
 * text it reads is wrapped in {@link #watch(String)}: every few thousand characters read, the clock
 * is checked, and past the deadline the next read throws {@link ParseTimeLimitException}. One
 * deadline belongs to one parse on one thread.
 */
final class Deadline {
  private static final int CHECK_EVERY = 1 << 13;

  private final Duration limit;
  private final long endNanos;
  private int reads;

  private Deadline(Duration limit) {
    this.limit = limit;
    this.endNanos = System.nanoTime() + limit.toNanos();
  }

  /** A deadline {@code limit} from now, or null for none. */
  static Deadline after(Duration limit) {
    return limit == null ? null : new Deadline(limit);
  }

  /** Counts one unit of work; checks the clock now and then. */
  void tick() {
    if ((++reads & (CHECK_EVERY - 1)) == 0) {
      check();
    }
  }

  /**
   * @throws ParseTimeLimitException when the deadline has passed
   */
  void check() {
    if (System.nanoTime() - endNanos > 0) {
      throw new ParseTimeLimitException(limit);
    }
  }

  /** The text, read through this deadline. */
  CharSequence watch(String text) {
    return new Watched(text, 0, text.length());
  }

  private final class Watched implements CharSequence {
    private final String text;
    private final int start;
    private final int end;

    Watched(String text, int start, int end) {
      this.text = text;
      this.start = start;
      this.end = end;
    }

    @Override
    public int length() {
      return end - start;
    }

    @Override
    public char charAt(int index) {
      tick();
      return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      if (from < 0 || to < from || to > length()) {
        throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + length());
      }
      return new Watched(text, start + from, start + to);
    }

    @Override
    public String toString() {
      check();
      return text.substring(start, end);
    }
  }
}
