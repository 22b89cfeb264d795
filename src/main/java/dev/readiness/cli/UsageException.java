package dev.readiness.cli;

/** A mistake in how the tool was called (exit code 2); the message is one line. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
