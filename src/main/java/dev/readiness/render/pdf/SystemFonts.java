package dev.readiness.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds an installed font for a script the bundled fonts lack (CJK, Thai, …): asks fontconfig's
 * {@code fc-list} for fonts with the character, else looks through the usual font folders. Asked
 * only when such a character occurs; each script is looked up once per JVM.
 */
final class SystemFonts {
  private static final Map<Character.UnicodeScript, Optional<String>> BY_SCRIPT =
      new ConcurrentHashMap<>();
  private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();
  private static final List<Path> FOLDERS =
      List.of(
          Path.of("/usr/share/fonts"),
          Path.of("/usr/local/share/fonts"),
          Path.of(System.getProperty("user.home", "/nonexistent"), ".fonts"),
          Path.of(System.getProperty("user.home", "/nonexistent"), ".local/share/fonts"),
          Path.of("/Library/Fonts"),
          Path.of("/System/Library/Fonts"),
          Path.of("C:\\Windows\\Fonts"));

  private SystemFonts() {}

  /**
   * The path of an installed font with {@code codePoint} (with {@code ,0} for a collection), or
   * null.
   */
  static String pathFor(int codePoint) {
    return BY_SCRIPT
        .computeIfAbsent(Character.UnicodeScript.of(codePoint), s -> find(codePoint))
        .orElse(null);
  }

  /** A new font instance for a path from {@link #pathFor}, or null when it cannot be read. */
  static BaseFont load(String path) {
    try {
      String file = path.endsWith(",0") ? path.substring(0, path.length() - 2) : path;
      byte[] bytes = BYTES.computeIfAbsent(file, SystemFonts::read);
      if (bytes.length == 0) {
        return null;
      }
      return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Optional<String> find(int codePoint) {
    for (String candidate : candidates(codePoint)) {
      String lower = candidate.toLowerCase(Locale.ROOT);
      if (lower.contains("dejavu")) {
        continue;
      }
      String path = lower.endsWith(".ttc") ? candidate + ",0" : candidate;
      BaseFont font = load(path);
      if (font != null && font.charExists(codePoint)) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  private static List<String> candidates(int codePoint) {
    List<String> fromFontconfig = fcList(codePoint);
    if (fromFontconfig != null) {
      return fromFontconfig;
    }
    List<String> files = new ArrayList<>();
    for (Path folder : FOLDERS) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder, 4)) {
        walk.map(Path::toString)
            .filter(p -> p.toLowerCase(Locale.ROOT).matches(".*\\.(ttf|otf|ttc)$"))
            .sorted()
            .forEach(files::add);
      } catch (IOException | RuntimeException e) {
        // An unreadable folder only means fewer candidates.
      }
    }
    return files;
  }

  /**
   * Font files fontconfig says have the character, sorted; null when {@code fc-list} cannot run.
   */
  private static List<String> fcList(int codePoint) {
    try {
      Process process =
          new ProcessBuilder(
                  "fc-list", String.format(Locale.ROOT, ":charset=%x", codePoint), "file")
              .redirectErrorStream(true)
              .start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroy();
        return null;
      }
      return output
          .lines()
          .map(line -> line.replaceFirst(":\\s*$", "").strip())
          .filter(line -> line.toLowerCase(Locale.ROOT).matches(".*\\.(ttf|otf|ttc)$"))
          .sorted()
          .toList();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static byte[] read(String file) {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException | RuntimeException e) {
      return new byte[0];
    }
  }
}
