package dev.readiness;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The clock of a build: fixed at {@code SOURCE_DATE_EPOCH} when it is set, else the system's, in
 * UTC.
 */
public final class BuildClock {
  private BuildClock() {}

  /**
   * The clock for an environment.
   *
   * @throws IllegalArgumentException when {@code SOURCE_DATE_EPOCH} is not a whole number of
   *     seconds
   */
  public static Clock from(Map<String, String> environment) {
    String epoch = environment.get("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return Clock.systemUTC();
    }
    try {
      return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epoch.strip())), ZoneOffset.UTC);
    } catch (NumberFormatException | DateTimeException e) {
      throw new IllegalArgumentException(
          "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not \"" + epoch + "\"");
    }
  }
}
