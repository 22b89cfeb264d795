package dev.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * Which build of the tool this is: the size and time of the jar it runs from, or empty when it
   * runs from a folder of classes. Outputs are kept between builds only by the same build, so a
   * rebuilt jar with the same version number (a template or a renderer changed) redoes them.
   */
  public static String build() {
    return BUILD;
  }

  private static final String BUILD = identifyBuild();

  private static String identifyBuild() {
    try {
      URL location = Version.class.getProtectionDomain().getCodeSource().getLocation();
      Path jar = Path.of(location.toURI());
      if (!Files.isRegularFile(jar)) {
        return "";
      }
      return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException | RuntimeException | URISyntaxException e) {
      return "";
    }
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
