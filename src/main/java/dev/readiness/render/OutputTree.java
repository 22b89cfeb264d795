package dev.readiness.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An output folder written safely: files go to a staging folder beside the target, which replaces
 * the target only when everything is written. Files in the target that readiness did not write
 * (not in its manifest) are carried over, never deleted. A build that fails or is killed leaves the
 * previous output as it was.
 */
public final class OutputTree implements AutoCloseable {
  /** The manifest of the files readiness wrote, one relative path per line. */
  public static final String MANIFEST = ".readiness-manifest";

  private final Path target;
  private final Path staging;
  private final Map<String, Boolean> written = new ConcurrentHashMap<>();
  private boolean committed;

  private OutputTree(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /** Starts writing an output tree for {@code target}; recovers from an interrupted swap first. */
  public static OutputTree begin(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new IOException("cannot write the output to the root folder " + absolute);
    }
    Files.createDirectories(parent);
    String name = absolute.getFileName().toString();
    recover(parent, name, absolute);
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new IOException(absolute + " exists and is not a folder; choose another --output");
    }
    Path staging = Files.createTempDirectory(parent, "." + name + ".staging-");
    return new OutputTree(absolute, staging);
  }

  /** The final output folder. */
  public Path target() {
    return target;
  }

  /** Writes a file at a relative path (forward slashes, no {@code ..}); thread-safe. */
  public void write(String relative, byte[] content) throws IOException {
    Path file = resolve(relative);
    if (written.putIfAbsent(relative, Boolean.TRUE) != null) {
      throw new IllegalStateException("written twice: " + relative);
    }
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  /** Writes UTF-8 text at a relative path. */
  public void write(String relative, String text) throws IOException {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The staging path of a relative path, for writers that stream to a file; marks it written. */
  public Path open(String relative) throws IOException {
    Path file = resolve(relative);
    if (written.putIfAbsent(relative, Boolean.TRUE) != null) {
      throw new IllegalStateException("written twice: " + relative);
    }
    Files.createDirectories(file.getParent());
    return file;
  }

  /** How many files were written. */
  public int size() {
    return written.size();
  }

  /** Swaps the staged tree in, carrying over files readiness did not write. */
  public void commit() throws IOException {
    List<String> ours = new ArrayList<>(written.keySet());
    ours.sort(null);
    Files.writeString(staging.resolve(MANIFEST), String.join("\n", ours) + "\n", StandardCharsets.UTF_8);
    if (Files.isDirectory(target)) {
      Set<String> previous = new HashSet<>(manifest(target));
      carryOverForeign(target, staging, "", previous);
      Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".previous-");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } else {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }
    committed = true;
  }

  /** Removes the staging folder unless the tree was committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        deleteTree(staging);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Path resolve(String relative) {
    if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")
        || List.of(relative.split("/")).stream().anyMatch(p -> p.isEmpty() || p.equals("..") || p.equals("."))
        || relative.equals(MANIFEST)) {
      throw new IllegalArgumentException("not a safe output path: " + relative);
    }
    Path file = staging.resolve(relative).normalize();
    if (!file.startsWith(staging)) {
      throw new IllegalArgumentException("not a safe output path: " + relative);
    }
    return file;
  }

  /** The files a previous build wrote into {@code folder}, from its manifest; empty when there is none. */
  public static List<String> manifest(Path folder) throws IOException {
    Path manifest = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return List.of();
    }
    return Files.readAllLines(manifest, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
  }

  /** Links (or copies) into the staging tree every file of the old tree that readiness did not write. */
  private void carryOverForeign(Path from, Path to, String prefix, Set<String> previous) throws IOException {
    Map<String, Path> entries = new TreeMap<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(from)) {
      stream.forEach(p -> entries.put(p.getFileName().toString(), p));
    }
    for (Map.Entry<String, Path> e : entries.entrySet()) {
      String relative = prefix + e.getKey();
      Path source = e.getValue();
      if (prefix.isEmpty() && relative.equals(MANIFEST)) {
        continue;
      }
      Path dest = to.resolve(e.getKey());
      if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dest);
        carryOverForeign(source, dest, relative + "/", previous);
      } else if (!previous.contains(relative)) {
        if (written.containsKey(relative)) {
          throw new IOException(target.resolve(relative) + " was not written by readiness and would be "
              + "replaced; move it away or choose another --output");
        }
        try {
          if (Files.isSymbolicLink(source)) {
            Files.createSymbolicLink(dest, Files.readSymbolicLink(source));
          } else {
            Files.createLink(dest, source);
          }
        } catch (UnsupportedOperationException | IOException linkFailed) {
          if (linkFailed instanceof FileAlreadyExistsException) {
            throw (FileAlreadyExistsException) linkFailed;
          }
          Files.copy(source, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** Puts back a target that a killed swap left moved aside, and removes stale staging folders. */
  private static void recover(Path parent, String name, Path target) throws IOException {
    List<Path> previous = new ArrayList<>();
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent, "." + name + ".*")) {
      for (Path p : stream) {
        String n = p.getFileName().toString();
        if (n.startsWith("." + name + ".previous-")) {
          previous.add(p);
        } else if (n.startsWith("." + name + ".staging-")) {
          stale.add(p);
        }
      }
    }
    previous.sort(null);
    for (Path p : previous) {
      if (!Files.exists(target)) {
        Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        deleteTree(p);
      }
    }
    for (Path p : stale) {
      deleteTree(p);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
