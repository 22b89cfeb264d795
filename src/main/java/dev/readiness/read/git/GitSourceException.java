package dev.readiness.read.git;

/** A git source that cannot be used at all: not in a working tree, or its slug taken; one line. */
public final class GitSourceException extends Exception {
  private static final long serialVersionUID = 1L;

  public GitSourceException(String message) {
    super(message);
  }
}
