package dev.readiness.read;

import java.time.Duration;

/** Thrown when parsing one file takes longer than its time limit; the file is then skipped. */
public final class ParseTimeLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration limit;

  ParseTimeLimitException(Duration limit) {
    super("parsing took longer than " + limit.toSeconds() + " s", null, false, false);
    this.limit = limit;
  }

  /** The limit that passed. */
  public Duration limit() {
    return limit;
  }
}
