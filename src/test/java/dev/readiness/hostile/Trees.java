package dev.readiness.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Folder trees as maps, for comparing a tree before and after a build. */
public final class Trees {
  private Trees() {}

  /**
   * Every file and link under {@code root} by relative path: a file's SHA-256, a link's target, a
   * folder's mark; missing root gives an empty map.
   */
  public static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> found = new TreeMap<>();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return found;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) {
          found.put(relative, "link -> " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          found.put(relative + "/", "folder");
        } else {
          found.put(relative, sha256(Files.readAllBytes(p)));
        }
      }
    }
    return found;
  }

  /** Every regular file under {@code root} by relative path, as UTF-8 text. */
  public static Map<String, String> text(Path root) throws IOException {
    Map<String, String> found = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          found.put(
              root.relativize(p).toString().replace('\\', '/'),
              Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    return found;
  }

  /** Every regular file under {@code root} by relative path, as bytes. */
  public static Map<String, byte[]> bytes(Path root) throws IOException {
    Map<String, byte[]> found = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          found.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
    }
    return found;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
