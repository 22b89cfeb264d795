package dev.readiness.read;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Parsed checklists kept between builds, by the SHA-256 of the file's bytes, so that a build in a
 * new process does not parse an unchanged file again. An entry is one file, named by the hash of
 * its key: the content hash, the name the file is parsed under (it is the snapshot's source and its
 * problems' file), and {@code tool}, what else changes a parse (the tool's version and build, the
 * reader's byte limit). The entry repeats its whole key and is read back only when the key matches,
 * so a clash of names, a truncated or corrupt file, or one written by another version is ignored
 * and the file is parsed again; a cache that cannot be read or written is never an error.
 *
 * <p>Entries are written to a temporary file and moved into place, so a build that is killed, or
 * two builds at once, leave either no entry or a whole one. {@link #prune} bounds the folder's
 * size. Thread-safe.
 */
public final class ParseCache {
  /** A cache that keeps nothing. */
  public static final ParseCache NONE = new ParseCache(null, "", false);

  /** The entry format; a change to it makes every older entry a miss. */
  private static final String FORMAT = "readiness-parsed 1";

  /** How long an entry no build has used stays before {@link #prune} removes it. */
  public static final Duration UNUSED_FOR = Duration.ofDays(7);

  /**
   * How old an entry's time must be before a build that uses it sets it again (one write a day at
   * most).
   */
  private static final Duration TOUCH_AFTER = Duration.ofDays(1);

  /** The classes an entry may hold: the model, its collections and the JDK's plain values. */
  private static final ObjectInputFilter ALLOWED =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=64;maxrefs=10000000;dev.readiness.model.**;dev.readiness.read.ParsedDocument;java.lang.*;"
              + "java.util.*;java.time.*;java.math.*;!*");

  private final Path folder;
  private final String tool;
  private final boolean reads;
  private final Set<Path> used = ConcurrentHashMap.newKeySet();
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger parsed = new AtomicInteger();

  private ParseCache(Path folder, String tool, boolean reads) {
    this.folder = folder;
    this.tool = tool;
    this.reads = reads;
  }

  /**
   * The cache in {@code folder}.
   *
   * @param tool what besides the text and its name changes a parse: the tool's version and build,
   *     the reader's settings
   * @param reads false to ignore what is there ({@code --clean}): every file is parsed, and the
   *     entries are written again
   */
  public static ParseCache in(Path folder, String tool, boolean reads) {
    return new ParseCache(
        Objects.requireNonNull(folder, "folder"), Objects.requireNonNull(tool, "tool"), reads);
  }

  /** How many files were parsed through this cache because it had no usable entry for them. */
  public int parsed() {
    return parsed.get();
  }

  /** How many files were taken from this cache instead of being parsed. */
  public int hits() {
    return hits.get();
  }

  /**
   * The parse kept for a text of hash {@code sha256} read as {@code source}, or null; its texts are
   * taken from {@code texts}, as the parser's are, so that a project's reviews read from the cache
   * share one copy of the texts they repeat.
   */
  ParsedDocument get(String sha256, String source, Interner texts) {
    if (folder == null) {
      return null;
    }
    String key = key(sha256, source);
    Path entry = entry(key);
    used.add(entry);
    if (!reads) {
      return null;
    }
    try (InputStream in =
            new InflaterInputStream(new BufferedInputStream(Files.newInputStream(entry)));
        ObjectInputStream objects = new Interning(in, texts)) {
      objects.setObjectInputFilter(ALLOWED);
      if (!FORMAT.equals(objects.readUTF())
          || !key.equals(objects.readObject())
          || !(objects.readObject() instanceof ParsedDocument document)) {
        return null;
      }
      touch(entry);
      hits.incrementAndGet();
      return document;
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return null;
    }
  }

  /** Keeps {@code document}, the parse of a text of hash {@code sha256} read as {@code source}. */
  void put(String sha256, String source, ParsedDocument document) {
    parsed.incrementAndGet();
    if (folder == null) {
      return;
    }
    String key = key(sha256, source);
    String name = name(key);
    Path sub = folder.resolve(name.substring(0, 2));
    Path entry = sub.resolve(name.substring(2));
    Path temp = null;
    try {
      Files.createDirectories(sub);
      temp = Files.createTempFile(sub, name.substring(2), ".tmp");
      try (OutputStream out =
              new DeflaterOutputStream(
                  new BufferedOutputStream(Files.newOutputStream(temp)),
                  new Deflater(Deflater.BEST_SPEED),
                  8192);
          ObjectOutputStream objects = new ObjectOutputStream(out)) {
        objects.writeUTF(FORMAT);
        objects.writeObject(key);
        objects.writeObject(document);
      }
      Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    } catch (IOException | RuntimeException e) {
      // the cache is only a shortcut: the file is parsed again next time
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // left for prune
        }
      }
    }
  }

  /**
   * Removes the entries this cache's builds did not use and no build has used for {@link
   * #UNUSED_FOR} (other input folders may share the cache), and temporary files left by killed
   * builds. Call it after a build that read its whole input; errors are ignored.
   */
  public void prune() {
    if (folder == null || !Files.isDirectory(folder)) {
      return;
    }
    long before = System.currentTimeMillis() - UNUSED_FOR.toMillis();
    try (Stream<Path> walk = Files.walk(folder, 2)) {
      walk.filter(p -> !used.contains(p))
          .forEach(
              p -> {
                try {
                  if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                      && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis()
                          < before) {
                    Files.deleteIfExists(p);
                  }
                } catch (IOException | RuntimeException e) {
                  // another build removed it, or it cannot be removed: left as it is
                }
              });
    } catch (IOException | RuntimeException e) {
      // nothing to prune
    }
  }

  /** Reads objects, taking each string from an {@link Interner}. */
  private static final class Interning extends ObjectInputStream {
    private final Interner texts;

    Interning(InputStream in, Interner texts) throws IOException {
      super(in);
      this.texts = texts;
      enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object object) {
      return object instanceof String s ? texts.of(s) : object;
    }
  }

  private String key(String sha256, String source) {
    return FORMAT + "\n" + tool + "\n" + source + "\n" + sha256;
  }

  private Path entry(String key) {
    String name = name(key);
    return folder.resolve(name.substring(0, 2)).resolve(name.substring(2));
  }

  /**
   * An entry's name: the hash of its key in hex, whose first two characters name its sub-folder.
   */
  private static String name(String key) {
    return HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  /** Marks a used entry as recent, so that {@link #prune} by another input's build keeps it. */
  private static void touch(Path entry) {
    try {
      long now = System.currentTimeMillis();
      if (Files.getLastModifiedTime(entry).toMillis() < now - TOUCH_AFTER.toMillis()) {
        Files.setLastModifiedTime(entry, FileTime.fromMillis(now));
      }
    } catch (IOException | RuntimeException e) {
      // it may be pruned early: parsed again then
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
