package dev.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SHA-256 of every file under a folder, for the up-to-date check. Hashing 10,000 files takes a
 * second, so the size, modification time and identity (device and inode) of each file are kept with
 * its hash in a cache outside the output, and the next build hashes again only the files whose
 * record differs, as git's index and rsync's quick check do. A file modified less than {@link
 * #SETTLE_MILLIS} before the hashing that recorded it is hashed again whatever its record says,
 * because a change within the file system's clock tick keeps the time.
 *
 * <p>The cache lives in {@code $READINESS_CACHE_DIR}, else {@code $XDG_CACHE_HOME/readiness}, else
 * {@code ~/.cache/readiness}, one file per folder; it is machine-local (times and inodes), which is
 * why it is not in the output, which must be byte-identical everywhere. A cache that cannot be read
 * or written is ignored: every file is hashed.
 */
final class FileHashes {
  /**
   * How long before hashing began a file must have been last modified for its record to be trusted.
   */
  static final long SETTLE_MILLIS = 2_000;

  private static final String HEADER = "readiness-file-hashes 1";

  private FileHashes() {}

  /**
   * What was recorded of one file: size, modification time in nanoseconds since 1970, identity
   * (device, inode and the time of its last status change, which chmod, a rename or restoring an
   * old time with {@code touch -r} all move) and the content hash.
   */
  private record Seen(long size, long modified, String identity, String hash) {}

  /**
   * The hashes of a folder's files.
   *
   * @param hashes by relative path with forward slashes, sorted; a link that leaves the folder is
   *     {@code outside}, an unreadable file {@code unreadable ...}
   * @param hashed how many files were read and hashed, rather than vouched for by the cache
   */
  record Hashes(SortedMap<String, String> hashes, int hashed) {}

  /** The hash of every file under {@code base} (a real path). */
  static Hashes of(Path base) throws IOException {
    long hashedAt = System.currentTimeMillis();
    Path cache = cacheFile(base);
    Map<String, Seen> known = cache == null ? Map.of() : read(cache);
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(base)) {
      walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(paths::add);
    }
    Map<String, Seen> records = new TreeMap<>();
    paths.parallelStream()
        .map(
            p -> {
              String name = base.relativize(p).toString().replace('\\', '/');
              return Map.entry(name, look(base, p, known.get(name)));
            })
        .forEachOrdered(e -> records.put(e.getKey(), e.getValue()));
    SortedMap<String, String> hashes = new TreeMap<>();
    int hashed = 0;
    for (Map.Entry<String, Seen> e : records.entrySet()) {
      hashes.put(e.getKey(), e.getValue().hash());
      hashed += e.getValue() == known.get(e.getKey()) ? 0 : 1;
    }
    if (cache != null && !records.equals(known)) {
      write(cache, hashedAt, records);
    }
    return new Hashes(hashes, hashed);
  }

  /**
   * A file's record: the known one when its size, time and identity still match and it holds a real
   * hash (not a marker of a file that could not be read then), else hashed now.
   */
  private static Seen look(Path base, Path file, Seen known) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      String identity = identity(file, a);
      long modified = nanos(a.lastModifiedTime());
      if (known != null
          && a.isRegularFile()
          && !identity.isEmpty()
          && known.size() == a.size()
          && known.modified() == modified
          && known.identity().equals(identity)
          && isHash(known.hash())) {
        return known;
      }
      return new Seen(a.size(), modified, identity, contentHash(base, file, a));
    } catch (IOException | SecurityException e) {
      return new Seen(-1, 0, "", "unreadable " + e.getClass().getSimpleName());
    }
  }

  /**
   * Device, inode and status-change time where the file system has them (Linux, macOS), else empty.
   */
  private static String identity(Path file, BasicFileAttributes a) {
    Object key = a.fileKey();
    if (key == null) {
      return "";
    }
    try {
      Object ctime = Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
      return key + " " + (ctime instanceof FileTime t ? nanos(t) : "");
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | SecurityException e) {
      return "";
    }
  }

  private static boolean isHash(String hash) {
    return hash.length() == 64
        && hash.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  /**
   * The SHA-256 of a file's bytes, or a marker for a link outside {@code base}, a broken link, an
   * unreadable file, or anything that is not a regular file: a pipe or a device is never opened
   * (opening a pipe waits for a writer for ever, a device such as {@code /dev/zero} never ends).
   *
   * @param attributes the file's own attributes, the link's for a link
   */
  private static String contentHash(Path base, Path file, BasicFileAttributes attributes) {
    try {
      if (attributes.isSymbolicLink()) {
        if (!file.toRealPath().startsWith(base)) {
          return "outside";
        }
        attributes = Files.readAttributes(file, BasicFileAttributes.class);
      }
      if (!attributes.isRegularFile()) {
        return attributes.isDirectory() ? "folder" : "not a file";
      }
      MessageDigest digest = sha256();
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = Files.newInputStream(file)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | SecurityException e) {
      return "unreadable " + e.getClass().getSimpleName();
    }
  }

  /** The records of a cache file that can be trusted, or none when it cannot be read. */
  private static Map<String, Seen> read(Path cache) {
    try {
      if (!Files.isRegularFile(cache, LinkOption.NOFOLLOW_LINKS)) {
        return Map.of();
      }
      List<String> lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
      if (lines.size() < 2
          || !lines.get(0).equals(HEADER)
          || !lines.get(1).startsWith("hashedAt\t")) {
        return Map.of();
      }
      long hashedAt = Long.parseLong(lines.get(1).substring("hashedAt\t".length()));
      Map<String, Seen> seen = new HashMap<>();
      for (String line : lines.subList(2, lines.size())) {
        // size, time, identity, hash, then the path, which may hold tabs: split off four fields
        // only.
        String[] f = line.split("\t", 5);
        Seen s = new Seen(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3]);
        if (s.modified() / 1_000_000 < hashedAt - SETTLE_MILLIS) {
          seen.put(f[4], s);
        }
      }
      return seen;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /** Writes the records, whole or not at all; a cache that cannot be written is left alone. */
  private static void write(Path cache, long hashedAt, Map<String, Seen> records) {
    StringBuilder out =
        new StringBuilder(HEADER).append('\n').append("hashedAt\t").append(hashedAt).append('\n');
    records.forEach(
        (name, s) -> {
          // A name with a line break cannot be stored in a line: such a file is simply hashed every
          // time.
          if (name.indexOf('\n') < 0 && name.indexOf('\r') < 0 && s.identity().indexOf('\t') < 0) {
            out.append(s.size())
                .append('\t')
                .append(s.modified())
                .append('\t')
                .append(s.identity())
                .append('\t')
                .append(s.hash())
                .append('\t')
                .append(name)
                .append('\n');
          }
        });
    Path temp = null;
    try {
      Files.createDirectories(cache.getParent());
      temp = Files.createTempFile(cache.getParent(), cache.getFileName().toString(), ".tmp");
      Files.writeString(temp, out, StandardCharsets.UTF_8);
      Files.move(temp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
      } catch (IOException ignored) {
        // the cache is only a shortcut
      }
    }
  }

  /** The cache file for a folder, or null when there is no cache folder to use. */
  private static Path cacheFile(Path base) {
    try {
      Path dir = cacheDir();
      return dir == null
          ? null
          : dir.resolve(
              "hashes-"
                  + HexFormat.of()
                      .formatHex(sha256().digest(base.toString().getBytes(StandardCharsets.UTF_8)))
                      .substring(0, 32));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The cache folder: {@code $READINESS_CACHE_DIR}, else {@code $XDG_CACHE_HOME/readiness}, else
   * {@code ~/.cache/readiness}; null when there is none.
   */
  static Path cacheDir() {
    String own = System.getenv("READINESS_CACHE_DIR");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "readiness");
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() || home.equals("?")
        ? null
        : Path.of(home, ".cache", "readiness");
  }

  private static long nanos(FileTime time) {
    Instant t = time.toInstant();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** A new SHA-256 digest. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
