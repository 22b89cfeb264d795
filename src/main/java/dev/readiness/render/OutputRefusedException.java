package dev.readiness.render;

import java.io.IOException;

/**
 * An output folder that readiness will not write as asked (not its own and not empty, a mount point
 * inside it, something of the user's where readiness writes); nothing in it was changed. The
 * message is one line that says why and what to do.
 */
public final class OutputRefusedException extends IOException {
  public OutputRefusedException(String message) {
    super(message);
  }
}
