package dev.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tool's name and version, from the build. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version, e.g. {@code 0.1.0}. */
  public static String number() {
    return VERSION;
  }

  /** The generator line used in outputs: {@code readiness 0.1.0}. */
  public static String generator() {
    return "readiness " + VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "0.0.0");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
