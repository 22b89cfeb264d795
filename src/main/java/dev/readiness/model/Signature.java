package dev.readiness.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A {@code **Role**: name Date: date} line of a sign-off section.
 *
 * @param role the role, e.g. "Technical Lead"
 * @param name who signed, or null when the line is blank or underscores
 * @param date the date as written, or null
 * @param line 1-based source line
 */
public record Signature(String role, String name, String date, int line) implements Serializable {
  public Signature {
    Objects.requireNonNull(role, "role");
  }

  /** Whether a name is filled in. */
  public boolean signed() {
    return name != null;
  }
}
