package dev.readiness.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder written safely (see docs/safety.md): files go to a staging folder beside the
 * target, which replaces the target only when everything is written. Files in the target that
 * readiness did not write (not in its manifest) are carried over, never deleted; a file readiness
 * would write where such a file is makes the build fail before anything changes. A build that
 * fails or is killed leaves the previous output as it was, and the next build tidies up after it.
 */
public final class OutputTree implements AutoCloseable {
  /** The manifest of the files readiness wrote, one relative path per line. */
  public static final String MANIFEST = ".readiness-manifest";

  /** Held in the staging folder while a build writes it, so that no other build removes it. */
  private static final String LOCK = ".readiness-lock";

  private static final Pattern WINDOWS_DEVICE =
      Pattern.compile("(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\\..*)?");
  private static final int MAX_NAME_BYTES = 255;

  private final Path target;
  private final Path staging;
  private final Set<String> foreign;
  private final FileChannel lockChannel;
  private final Map<String, Boolean> written = new ConcurrentHashMap<>();
  private boolean committed;

  private OutputTree(Path target, Path staging, Set<String> foreign, FileChannel lockChannel) {
    this.target = target;
    this.staging = staging;
    this.foreign = foreign;
    this.lockChannel = lockChannel;
  }

  /**
   * Starts writing an output tree for {@code target}; first puts back a target that a killed build
   * left moved aside, and removes what killed builds left beside it.
   *
   * @throws IOException when the target cannot be written, is not a folder, or another build is
   *     writing it
   */
  public static OutputTree begin(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(absolute) && Files.isDirectory(absolute)) {
      absolute = absolute.toRealPath();
    }
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new IOException("cannot write the output to the root folder " + absolute + "; choose another --output");
    }
    Files.createDirectories(parent);
    String name = absolute.getFileName().toString();
    recover(parent, name, absolute);
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new IOException(absolute + " exists and is not a folder; choose another --output");
    }
    Set<String> foreign = Files.isDirectory(absolute) ? foreignFiles(absolute) : Set.of();
    Path staging = createStaging(parent, name, absolute);
    FileChannel lock = null;
    try {
      lock = FileChannel.open(staging.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      lock.lock();
      return new OutputTree(absolute, staging, foreign, lock);
    } catch (IOException | RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      deleteTree(staging);
      throw e;
    }
  }

  /** The final output folder. */
  public Path target() {
    return target;
  }

  /**
   * Writes a file at a relative path (forward slashes, no {@code ..}); thread-safe.
   *
   * @throws IllegalArgumentException when the path is not a safe relative path
   * @throws IOException when a file that readiness did not write is in the way
   */
  public void write(String relative, byte[] content) throws IOException {
    Files.write(open(relative), content);
  }

  /** Writes UTF-8 text at a relative path. */
  public void write(String relative, String text) throws IOException {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Keeps a file of the previous output as it is: links it into the new output (or copies it,
   * times and all, where links cannot be made), so that an unchanged file is not rewritten.
   *
   * @throws IOException when the previous output has no regular file there
   */
  public void keep(String relative) throws IOException {
    resolve(relative);
    Path from = target.resolve(relative).normalize();
    if (!from.startsWith(target) || !Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("cannot keep " + relative + " of the previous output: it is not there");
    }
    Path to = open(relative);
    try {
      Files.createLink(to, from);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /** The staging path of a relative path, for writers that stream to a file; marks it written. */
  public Path open(String relative) throws IOException {
    Path file = resolve(relative);
    String blocked = blockedBy(relative);
    if (blocked != null) {
      throw inTheWay(blocked);
    }
    if (written.putIfAbsent(relative, Boolean.TRUE) != null) {
      throw new IllegalStateException("written twice: " + relative);
    }
    Files.createDirectories(file.getParent());
    return file;
  }

  /** The relative paths written so far, sorted: what the manifest will list. */
  public List<String> written() {
    List<String> names = new ArrayList<>(written.keySet());
    names.sort(null);
    return names;
  }

  /** How many files were written. */
  public int size() {
    return written.size();
  }

  /** Swaps the staged tree in, carrying over files readiness did not write. */
  public void commit() throws IOException {
    if (committed) {
      throw new IllegalStateException("already committed");
    }
    List<String> ours = new ArrayList<>(written.keySet());
    ours.sort(null);
    Files.writeString(staging.resolve(MANIFEST), String.join("\n", ours) + (ours.isEmpty() ? "" : "\n"),
        StandardCharsets.UTF_8);
    if (Files.isDirectory(target)) {
      carryOver(target, staging, "", new HashSet<>(readManifest(target)));
      Path old = sibling(target.getParent(), target.getFileName().toString(), "previous");
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        throw e;
      }
      committed = true;
      releaseLock();
      try {
        deleteTree(old);
      } catch (IOException e) {
        // the new site is in place; the next build removes what is left of the old one
      }
    } else {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
      releaseLock();
    }
  }

  /** Removes the staging folder unless the tree was committed. */
  @Override
  public void close() {
    try {
      releaseLock();
      if (!committed) {
        deleteTree(staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lets go of the lock and removes its file, which the swap may have moved into the target. */
  private void releaseLock() throws IOException {
    if (lockChannel.isOpen()) {
      lockChannel.close();
    }
    Files.deleteIfExists((committed ? target : staging).resolve(LOCK));
  }

  /**
   * The staging path of a relative output path.
   *
   * @throws IllegalArgumentException unless every segment is a plain file name that is safe on
   *     Linux, macOS and Windows: no {@code .} or {@code ..}, no separators, control characters or
   *     {@code <>:"|?*}, no trailing dot or space, no device name such as {@code CON}, at most 255 bytes
   */
  private Path resolve(String relative) {
    if (relative.isEmpty() || relative.equals(MANIFEST) || relative.equals(LOCK)) {
      throw unsafe(relative);
    }
    for (String segment : relative.split("/", -1)) {
      if (!isSafeName(segment)) {
        throw unsafe(relative);
      }
    }
    Path file = staging.resolve(relative).normalize();
    if (!file.startsWith(staging) || file.equals(staging)) {
      throw unsafe(relative);
    }
    return file;
  }

  /** The files a previous build wrote into {@code folder}, from its manifest; empty when there is none. */
  public static List<String> manifest(Path folder) throws IOException {
    return readManifest(folder);
  }

  /** Whether a name is a safe file name on every system a site is copied to. */
  static boolean isSafeName(String segment) {
    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
        || segment.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES
        || segment.endsWith(".") || segment.endsWith(" ") || WINDOWS_DEVICE.matcher(segment).matches()) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c < 0x20 || c == 0x7F || "\\/<>:\"|?*".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException unsafe(String relative) {
    return new IllegalArgumentException("not a safe output path: \"" + relative.replaceAll("\\p{Cntrl}", "?") + "\"");
  }

  /**
   * The file readiness did not write (found when the build began) that writing {@code relative}
   * would replace or have to nest under, or null. The commit checks again, for files added since
   * and for file systems that ignore case.
   */
  private String blockedBy(String relative) {
    if (foreign.isEmpty()) {
      return null;
    }
    for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
      if (foreign.contains(relative.substring(0, slash))) {
        return relative.substring(0, slash);
      }
    }
    return foreign.contains(relative) ? relative : null;
  }

  /**
   * The files (and links) in an output folder that readiness did not write, by lower-case
   * relative path: everything that is not a folder and not in the manifest.
   */
  private static Set<String> foreignFiles(Path folder) throws IOException {
    Set<String> ours = new HashSet<>(readManifest(folder));
    Set<String> found = new HashSet<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String relative = relative(folder, p);
        if (!isOwnAtRoot(relative) && !ours.contains(relative)) {
          found.add(relative);
        }
      }
    }
    return found;
  }

  /** Whether a path is the manifest or a lock left by a killed build: readiness's, though not listed. */
  private static boolean isOwnAtRoot(String relative) {
    return relative.equals(MANIFEST) || relative.equals(LOCK);
  }

  /** The files a previous build wrote, from its manifest; empty when there is none. */
  static List<String> readManifest(Path folder) throws IOException {
    Path manifest = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    return Files.readAllLines(manifest, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
  }

  /**
   * Links (or copies) into the staging tree every file of the old tree that readiness did not
   * write ({@code ours} is the old manifest), making the folders it needs; a folder that held only
   * readiness's old files is not carried over.
   */
  private void carryOver(Path from, Path to, String prefix, Set<String> ours) throws IOException {
    Map<String, Path> entries = new TreeMap<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(from)) {
      stream.forEach(p -> entries.put(p.getFileName().toString(), p));
    }
    for (Map.Entry<String, Path> e : entries.entrySet()) {
      String relative = prefix + e.getKey();
      Path source = e.getValue();
      Path dest = to.resolve(e.getKey());
      if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
          throw inTheWay(relative);
        }
        carryOver(source, dest, relative + "/", ours);
      } else if (!ours.contains(relative) && !isOwnAtRoot(relative)) {
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
          throw inTheWay(relative);
        }
        Files.createDirectories(to);
        if (Files.isSymbolicLink(source)) {
          Files.createSymbolicLink(dest, Files.readSymbolicLink(source));
        } else {
          try {
            Files.createLink(dest, source);
          } catch (FileAlreadyExistsException linkFailed) {
            throw linkFailed;
          } catch (UnsupportedOperationException | IOException linkFailed) {
            Files.copy(source, dest, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
          }
        }
      }
    }
  }

  private IOException inTheWay(String relative) {
    return new IOException(target.resolve(relative) + " was not written by readiness and is where readiness"
        + " writes; move it away or choose another --output");
  }

  /**
   * A new, empty staging folder beside the target, with the target's permissions (or the ones
   * the user's umask gives a new folder), never the owner-only ones of a temporary folder.
   */
  private static Path createStaging(Path parent, String name, Path target) throws IOException {
    Path staging = sibling(parent, name, "staging");
    Files.createDirectory(staging);
    PosixFileAttributeView view = Files.getFileAttributeView(staging, PosixFileAttributeView.class);
    if (view != null && Files.isDirectory(target)) {
      try {
        view.setPermissions(Files.getPosixFilePermissions(target));
      } catch (IOException | UnsupportedOperationException e) {
        // the umask's permissions stay; the site is still readable by its owner
      }
    }
    return staging;
  }

  /** A path beside the target for a build's {@code role} (staging or previous) that does not exist yet. */
  private static Path sibling(Path parent, String name, String role) {
    SecureRandom random = new SecureRandom();
    while (true) {
      Path candidate = parent.resolve("." + name + "." + role + "-" + Long.toUnsignedString(random.nextLong(), 36));
      if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
        return candidate;
      }
    }
  }

  /**
   * Puts back a target that a killed swap left moved aside, and removes the staging and previous
   * folders of killed builds.
   *
   * @throws IOException when another build is writing the same target
   */
  private static void recover(Path parent, String name, Path target) throws IOException {
    List<Path> previous = new ArrayList<>();
    List<Path> stale = new ArrayList<>();
    String previousPrefix = "." + name + ".previous-";
    String stagingPrefix = "." + name + ".staging-";
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent)) {
      for (Path p : stream) {
        String n = p.getFileName().toString();
        if (n.startsWith(previousPrefix) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          previous.add(p);
        } else if (n.startsWith(stagingPrefix) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          stale.add(p);
        }
      }
    }
    for (Path p : stale) {
      if (inUse(p)) {
        throw new IOException("another readiness build is writing " + target + " (" + p.getFileName()
            + " is in use); wait for it to finish");
      }
    }
    previous.sort(Comparator.comparing(OutputTree::modified).reversed());
    for (Path p : previous) {
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        deleteTree(p);
      }
    }
    for (Path p : stale) {
      deleteTree(p);
    }
  }

  /** Whether a staging folder's lock is held by a running build. */
  private static boolean inUse(Path staging) {
    Path lock = staging.resolve(LOCK);
    if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
      try (FileLock held = channel.tryLock()) {
        return held == null;
      }
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /**
   * Deletes a folder and everything in it, without following links; a read-only folder inside
   * (say, one a user copied in) is made writable for its owner first, since its files are carried
   * over as links and only the links are removed.
   */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(p);
        } catch (AccessDeniedException e) {
          makeWritable(p.getParent());
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void makeWritable(Path folder) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view != null) {
      Set<PosixFilePermission> permissions = new HashSet<>(view.readAttributes().permissions());
      permissions.add(PosixFilePermission.OWNER_WRITE);
      permissions.add(PosixFilePermission.OWNER_EXECUTE);
      view.setPermissions(permissions);
    }
  }
}
