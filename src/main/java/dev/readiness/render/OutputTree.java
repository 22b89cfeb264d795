package dev.readiness.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder written in place, so that nothing readiness did not write is ever touched (see
 * docs/safety.md). Files are written to a staging folder inside the output; when all of them are
 * written, each is renamed into place, readiness's files of the previous build that are no longer
 * made are deleted, and the manifest, which says what is readiness's, is replaced last. Files and
 * folders readiness did not write are never moved, re-created, changed or deleted, and no folder of
 * another file system is entered. A build that fails before the renames leaves the output as it
 * was; one killed during them is completed by the next build, which also removes the staging folder
 * of a killed build.
 */
public final class OutputTree implements AutoCloseable {
  /**
   * The manifest of the files readiness wrote and the folders it made, one relative path per line.
   */
  public static final String MANIFEST = ".readiness-manifest";

  /** The staging folder, inside the output so that every rename stays within one file system. */
  public static final String STAGING = ".readiness-staging";

  /** Held in the staging folder while a build uses it, so that no other build touches it. */
  private static final String LOCK = ".readiness-lock";

  /**
   * In the staging folder once every file is written: the renames have begun, and the next build
   * finishes them.
   */
  private static final String MOVING = ".readiness-moving";

  /** The manifest's first line; a manifest without it was written before folders were listed. */
  private static final String MANIFEST_HEADER =
      "# readiness manifest 2: the files readiness wrote and the folders it made (ending in /)";

  private static final Pattern WINDOWS_DEVICE =
      Pattern.compile("(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\\..*)?");
  private static final int MAX_NAME_BYTES = 255;

  /** What to do with an existing, non-empty output folder that holds no manifest of readiness's. */
  public enum Foreign {
    /** Refuse it: a home folder or a repository given as the output by mistake stays as it is. */
    REFUSE,
    /**
     * Write readiness's files among the folder's own ones, which are never touched ({@code
     * --force-output}).
     */
    ADOPT
  }

  private final Path target;

  /** Whether this build made the output folder: one that fails then removes it again. */
  private final boolean made;

  private final Staging staging;
  private final Manifest previous;
  private final Object device;

  /**
   * Every path of the new output: true for a file written to the staging folder, false for one kept
   * in place.
   */
  private final Map<String, Boolean> written = new ConcurrentHashMap<>();

  /** Folders of the output already found to be plain folders of its file system. */
  private final Set<String> checkedFolders = ConcurrentHashMap.newKeySet();

  private boolean committed;

  /**
   * Whether the renames have begun: from then on the staging folder is left for the next build to
   * finish.
   */
  private boolean moving;

  private OutputTree(Path target, boolean made, Staging staging, Manifest previous, Object device) {
    this.target = target;
    this.made = made;
    this.staging = staging;
    this.previous = previous;
    this.device = device;
  }

  /** {@link #begin(Path, Foreign)} that refuses a non-empty folder readiness did not make. */
  public static OutputTree begin(Path target) throws IOException {
    return begin(target, Foreign.REFUSE);
  }

  /**
   * Starts writing an output tree for {@code target}, after finishing or removing what a killed
   * build left.
   *
   * @throws OutputRefusedException when the target is not a folder, holds a mount point, or is a
   *     non-empty folder without a manifest and {@code foreign} is {@link Foreign#REFUSE}
   * @throws IOException when the target cannot be written, or another build is writing it
   */
  public static OutputTree begin(Path target, Foreign foreign) throws IOException {
    Objects.requireNonNull(foreign, "foreign");
    Path root = root(target);
    LegacySwap.recover(root);
    BasicFileAttributes attributes = attributes(root);
    if (attributes != null && !attributes.isDirectory()) {
      throw new OutputRefusedException(
          root + " exists and is not a folder; choose another --output");
    }
    boolean made = attributes == null;
    if (attributes != null) {
      refuseMountPointsInside(root);
      if (attributes(root.resolve(STAGING)) == null) {
        refuseForeign(root, foreign);
      }
    } else {
      Files.createDirectories(root);
    }
    Staging staging = Staging.take(root);
    try {
      refuseForeign(root, foreign);
      return new OutputTree(root, made, staging, Manifest.read(root), device(root));
    } catch (IOException | RuntimeException e) {
      staging.release();
      throw e;
    }
  }

  /**
   * Finishes or removes what a killed build left in {@code target}, without building, and refuses
   * an output with a file system mounted inside: every build calls this first, also one that then
   * finds its output up to date.
   *
   * @throws OutputRefusedException when a file system is mounted inside the target
   * @throws IOException when another build is writing the target
   */
  public static void recover(Path target) throws IOException {
    Path root = root(target);
    LegacySwap.recover(root);
    if (isFolder(root)) {
      refuseMountPointsInside(root);
      if (attributes(root.resolve(STAGING)) != null) {
        Staging.take(root).release();
      }
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
   * @throws OutputRefusedException when something readiness did not write is in the way
   */
  public void write(String relative, byte[] content) throws IOException {
    Files.write(open(relative), content);
  }

  /** Writes UTF-8 text at a relative path. */
  public void write(String relative, String text) throws IOException {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Keeps a file of the previous output where it is, as one of the new output's files: an unchanged
   * file is neither rewritten nor moved.
   *
   * @throws IOException when the previous output has no regular file of readiness's there
   */
  public void keep(String relative) throws IOException {
    resolve(relative);
    checkFolders(relative);
    BasicFileAttributes a = attributes(target.resolve(relative));
    if (!previous.files().contains(relative) || a == null || !a.isRegularFile()) {
      throw new IOException("cannot keep " + relative + " of the previous output: it is not there");
    }
    if (written.putIfAbsent(relative, Boolean.FALSE) != null) {
      throw new IllegalStateException("written twice: " + relative);
    }
  }

  /**
   * The staging path of a relative path, for writers that stream to a file; marks it written.
   *
   * @throws OutputRefusedException when something readiness did not write is where the file goes
   */
  public Path open(String relative) throws IOException {
    Path file = resolve(relative);
    checkPlace(relative);
    if (written.putIfAbsent(relative, Boolean.TRUE) != null) {
      throw new IllegalStateException("written twice: " + relative);
    }
    Files.createDirectories(file.getParent());
    return file;
  }

  /**
   * Forgets a file written (or half written) to the staging folder: it will not be in the output.
   */
  public void discard(String relative) throws IOException {
    if (written.remove(relative, Boolean.TRUE)) {
      Files.deleteIfExists(resolve(relative));
    }
  }

  /** The relative paths written or kept so far, sorted: what the manifest will list. */
  public List<String> written() {
    List<String> names = new ArrayList<>(written.keySet());
    names.sort(null);
    return names;
  }

  /** How many files were written or kept. */
  public int size() {
    return written.size();
  }

  /**
   * Moves the written files into place, deletes readiness's files of the previous output that were
   * not written again, and replaces the manifest. Before anything is moved, every place is checked
   * again; a file readiness did not write in the way stops the commit with the output unchanged.
   *
   * @throws OutputRefusedException when something readiness did not write is where a file goes
   */
  public void commit() throws IOException {
    if (committed) {
      throw new IllegalStateException("already committed");
    }
    List<String> dropped = finish(target, staging.dir, prepare());
    committed = true;
    staging.release();
    if (!dropped.isEmpty()) {
      throw new IOException(
          target.resolve(dropped.get(0))
              + " appeared while the output was being written and was"
              + " kept; readiness's file was not written there ("
              + dropped.size()
              + " in all); move it away and build again");
    }
  }

  /**
   * Checks every place, then writes the new manifest and the mark that the renames have begun into
   * the staging folder: from here on, a killed build is finished by the next one.
   *
   * @return the renames to make
   */
  Moves prepare() throws IOException {
    BasicFileAttributes manifest = attributes(target.resolve(MANIFEST));
    if (manifest != null && !manifest.isRegularFile()) {
      throw inTheWay(MANIFEST);
    }
    Set<String> files = new TreeSet<>(written.keySet());
    Set<String> folders = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    Set<String> absent = new HashSet<>();
    Set<String> plain = new HashSet<>();
    Set<String> wholeFolders = new TreeSet<>();
    List<String> singleFiles = new ArrayList<>();
    for (String file : files) {
      boolean there = true;
      for (String folder : ancestors(file)) {
        if (absent.contains(folder)) {
          there = false;
          continue;
        }
        if (!seen.add(folder)) {
          continue;
        }
        BasicFileAttributes a = there ? attributes(target.resolve(folder)) : null;
        if (a == null) {
          if (there) {
            wholeFolders.add(folder);
          }
          there = false;
          absent.add(folder);
          folders.add(folder);
        } else if (!a.isDirectory()) {
          throw inTheWay(folder);
        } else if (!sameDevice(target.resolve(folder))) {
          throw mountPoint(target.resolve(folder));
        } else {
          plain.add(folder);
          if (previous.folders().contains(folder)) {
            folders.add(folder);
          }
        }
      }
      if (there && written.get(file)) {
        singleFiles.add(file);
      }
      BasicFileAttributes a = there ? attributes(target.resolve(file)) : null;
      boolean ours = a != null && a.isRegularFile() && previous.files().contains(file);
      if (written.get(file) && a != null && !ours) {
        throw inTheWay(file);
      }
      if (!written.get(file) && !ours) {
        throw new IOException(
            target.resolve(file) + " was removed or replaced during the build; build again");
      }
    }
    // On disk before the mark, so that a power cut cannot leave the mark with half a manifest.
    writeDurably(staging.dir.resolve(MANIFEST), new Manifest(files, folders).text());
    writeDurably(staging.dir.resolve(MOVING), "");
    moving = true;
    return new Moves(List.copyOf(wholeFolders), singleFiles, plain);
  }

  /**
   * The renames of a commit.
   *
   * @param folders staged folders whose place is free, moved whole
   * @param files staged files moved one by one, into folders that are there
   * @param plain folders of the output found to be plain folders of its file system
   */
  record Moves(List<String> folders, List<String> files, Set<String> plain) {}

  private static void writeDurably(Path file, String text) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
  }

  /**
   * Removes the staging folder unless the tree was committed, and the output folder too when this
   * build made it; once the renames have begun, a commit that failed leaves the staging folder for
   * the next build to finish.
   */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      if (moving) {
        staging.abandon();
        return;
      }
      staging.release();
      if (made) {
        Files.deleteIfExists(target);
      }
    } catch (DirectoryNotEmptyException e) {
      // something was put into the new output folder meanwhile: it stays, with it
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files a previous build wrote into {@code folder}, sorted, from its manifest; empty when
   * there is none.
   */
  public static List<String> manifest(Path folder) throws IOException {
    return List.copyOf(Manifest.read(folder).files());
  }

  /** Whether a name is a safe file name on every system a site is copied to. */
  static boolean isSafeName(String segment) {
    if (segment.isEmpty()
        || segment.equals(".")
        || segment.equals("..")
        || segment.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES
        || segment.endsWith(".")
        || segment.endsWith(" ")
        || WINDOWS_DEVICE.matcher(segment).matches()) {
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

  /**
   * The staging path of a relative output path.
   *
   * @throws IllegalArgumentException unless every segment is a plain file name that is safe on
   *     Linux, macOS and Windows: no {@code .} or {@code ..}, no separators, control characters or
   *     {@code <>:"|?*}, no trailing dot or space, no device name such as {@code CON}, at most 255
   *     bytes; and the path is not one of readiness's own bookkeeping files
   */
  private Path resolve(String relative) {
    if (relative.isEmpty()
        || relative.equals(MANIFEST)
        || relative.equals(LOCK)
        || relative.equals(MOVING)
        || relative.equals(STAGING)
        || relative.startsWith(STAGING + "/")) {
      throw unsafe(relative);
    }
    for (String segment : relative.split("/", -1)) {
      if (!isSafeName(segment)) {
        throw unsafe(relative);
      }
    }
    Path file = staging.dir.resolve(relative).normalize();
    if (!file.startsWith(staging.dir) || file.equals(staging.dir)) {
      throw unsafe(relative);
    }
    return file;
  }

  private static IllegalArgumentException unsafe(String relative) {
    return new IllegalArgumentException(
        "not a safe output path: \"" + relative.replaceAll("\\p{Cntrl}", "?") + "\"");
  }

  /**
   * Refuses early a file that the commit would refuse: one where something readiness did not write
   * is, or under something that is not a plain folder of the output's file system.
   */
  private void checkPlace(String relative) throws IOException {
    if (!checkFolders(relative)) {
      return; // a folder on the way is not there, so neither is anything in the file's place
    }
    BasicFileAttributes a = attributes(target.resolve(relative));
    if (a != null && !(a.isRegularFile() && previous.files().contains(relative))) {
      throw inTheWay(relative);
    }
  }

  /**
   * Checks that the folders on the way to {@code relative} that exist are plain folders of the
   * output's file system.
   *
   * @return whether they all exist
   */
  private boolean checkFolders(String relative) throws IOException {
    for (String folder : ancestors(relative)) {
      if (checkedFolders.contains(folder)) {
        continue;
      }
      Path path = target.resolve(folder);
      BasicFileAttributes a = attributes(path);
      if (a == null) {
        return false;
      }
      if (!a.isDirectory()) {
        throw inTheWay(folder);
      }
      if (!sameDevice(path)) {
        throw mountPoint(path);
      }
      checkedFolders.add(folder);
    }
    return true;
  }

  private boolean sameDevice(Path folder) throws IOException {
    return device == null || device.equals(device(folder));
  }

  private OutputRefusedException inTheWay(String relative) {
    return new OutputRefusedException(
        target.resolve(relative)
            + " was not written by readiness and is where"
            + " readiness writes; move it away or choose another --output");
  }

  private OutputRefusedException mountPoint(Path folder) {
    return new OutputRefusedException(
        folder
            + " is a mount point of another file system inside the output folder "
            + target
            + "; readiness never writes across file systems, so unmount it or choose another --output");
  }

  /**
   * Moves every file of the staging folder into place (assets, PDFs and charts first, pages last,
   * the deepest first), deletes the files of the previous manifest that the new one does not list
   * and the folders readiness made that are left empty, and puts the new manifest in place. Every
   * step can be repeated, so a build killed here is finished by the next one. A staged file whose
   * place was taken meanwhile by something readiness did not write is dropped, not moved.
   *
   * @return the files dropped
   */
  private static List<String> finish(Path root, Path stagingDir, Moves moves) throws IOException {
    if (attributes(stagingDir.resolve(MANIFEST)) == null) {
      return List.of(); // killed after the new manifest was put in place: everything is done
    }
    Manifest next = Manifest.read(stagingDir);
    Manifest old = Manifest.read(root);
    Object device = device(root);
    if (moves == null) {
      moves = new Moves(new ArrayList<>(), new ArrayList<>(), Set.of());
      listMoves(root, stagingDir, "", next, moves);
    }
    Set<String> ready = new HashSet<>(moves.plain());
    List<String> staged = new ArrayList<>(moves.files());
    for (String folder : moves.folders()) {
      Path place = root.resolve(folder);
      if (makeFolders(root, folder, device, ready) && attributes(place) == null) {
        Files.move(stagingDir.resolve(folder), place, StandardCopyOption.ATOMIC_MOVE);
      } else {
        // its place was taken since: its files go one by one, or are dropped
        try (Stream<Path> walk = Files.walk(stagingDir.resolve(folder))) {
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .map(p -> relative(stagingDir, p))
              .filter(next.files()::contains)
              .forEach(staged::add);
        }
      }
    }
    staged.sort(
        Comparator.comparingInt(OutputTree::moveRank).thenComparing(Comparator.naturalOrder()));
    List<String> dropped = new ArrayList<>();
    for (String file : staged) {
      Path destination = root.resolve(file);
      if (!makeFolders(root, file, device, ready)) {
        dropped.add(file);
        continue;
      }
      BasicFileAttributes a = attributes(destination);
      if (a == null || (a.isRegularFile() && old.files().contains(file))) {
        // A rename within one file system: it replaces readiness's old file in one step, and never
        // copies (without ATOMIC_MOVE, Java copies when a rename is not possible).
        Files.move(stagingDir.resolve(file), destination, StandardCopyOption.ATOMIC_MOVE);
      } else {
        dropped.add(file);
      }
    }
    for (String file : old.files()) {
      Path path = root.resolve(file);
      if (!next.files().contains(file) && plainFolders(root, file, device, ready)) {
        BasicFileAttributes a = attributes(path);
        if (a != null && a.isRegularFile()) {
          Files.deleteIfExists(path);
        }
      }
    }
    List<String> emptied = new ArrayList<>(old.folders());
    emptied.sort(Comparator.reverseOrder());
    for (String folder : emptied) {
      if (!next.folders().contains(folder) && plainFolders(root, folder + "/-", device, ready)) {
        try {
          Files.deleteIfExists(root.resolve(folder));
        } catch (DirectoryNotEmptyException | AccessDeniedException e) {
          // it holds files that are not readiness's: it is left, as theirs
        } catch (IOException e) {
          // not a folder any more, or not removable: it is left as it is
        }
      }
    }
    Manifest installed = next;
    if (!dropped.isEmpty()) {
      Set<String> files = new TreeSet<>(next.files());
      files.removeAll(dropped);
      installed = new Manifest(files, next.folders());
      Files.writeString(stagingDir.resolve(MANIFEST), installed.text(), StandardCharsets.UTF_8);
    }
    Files.move(
        stagingDir.resolve(MANIFEST), root.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
    return dropped;
  }

  /**
   * The renames that finish a killed build, from what its staging folder holds: each staged folder
   * whose place is free and that the new manifest lists moves whole, the other staged files one by
   * one.
   */
  private static void listMoves(
      Path root, Path stagingDir, String prefix, Manifest next, Moves moves) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(prefix.isEmpty() ? stagingDir : stagingDir.resolve(prefix))) {
      stream.forEach(entries::add);
    }
    entries.sort(null);
    for (Path entry : entries) {
      String relative = prefix + entry.getFileName();
      BasicFileAttributes a = attributes(entry);
      if (a != null && a.isDirectory()) {
        if (next.folders().contains(relative) && attributes(root.resolve(relative)) == null) {
          moves.folders().add(relative);
        } else {
          listMoves(root, stagingDir, relative + "/", next, moves);
        }
      } else if (a != null && a.isRegularFile() && next.files().contains(relative)) {
        moves.files().add(relative);
      }
    }
  }

  /** The order files are moved in: other files, then pages from the deepest to the portfolio. */
  private static int moveRank(String file) {
    if (!file.endsWith(".html")) {
      return 0;
    }
    return 1000 - (int) file.chars().filter(c -> c == '/').count();
  }

  /**
   * Makes the missing folders on the way to {@code file}; false when one on the way is not a plain
   * folder of the output's file system (a link, a file, a mount point).
   *
   * @param ready folders already found plain or made, for the next call
   */
  private static boolean makeFolders(Path root, String file, Object device, Set<String> ready)
      throws IOException {
    int slash = file.lastIndexOf('/');
    if (slash < 0 || ready.contains(file.substring(0, slash))) {
      return true;
    }
    if (!plainFolders(root, file, device, ready)) {
      return false;
    }
    for (String folder : ancestors(file)) {
      if (ready.contains(folder)) {
        continue;
      }
      if (!isFolder(root.resolve(folder))) {
        try {
          Files.createDirectory(root.resolve(folder));
        } catch (FileAlreadyExistsException e) {
          return false;
        }
      }
      ready.add(folder);
    }
    return true;
  }

  /**
   * Whether every folder on the way to {@code relative} that exists is a plain folder of {@code
   * device}; {@code ready} holds folders found so before, and receives those found now.
   */
  private static boolean plainFolders(Path root, String relative, Object device, Set<String> ready)
      throws IOException {
    for (String folder : ancestors(relative)) {
      if (ready.contains(folder)) {
        continue;
      }
      Path path = root.resolve(folder);
      BasicFileAttributes a = attributes(path);
      if (a == null) {
        return true;
      }
      if (!a.isDirectory() || (device != null && !device.equals(device(path)))) {
        return false;
      }
      ready.add(folder);
    }
    return true;
  }

  /**
   * The folders on the way to a relative path, from the top: {@code a/b/c} gives {@code a}, {@code
   * a/b}.
   */
  private static List<String> ancestors(String relative) {
    List<String> folders = new ArrayList<>();
    for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
      folders.add(relative.substring(0, slash));
    }
    return folders;
  }

  /** The absolute output folder; one given as a link to a folder is the folder it points to. */
  private static Path root(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(absolute) && Files.isDirectory(absolute)) {
      absolute = absolute.toRealPath();
    }
    if (absolute.getParent() == null) {
      throw new OutputRefusedException(
          "cannot write the output to the root folder " + absolute + "; choose another --output");
    }
    return absolute;
  }

  /**
   * Refuses a non-empty folder that holds no manifest (readiness did not make it), unless told to
   * write into it: it may be a home folder or a repository named by mistake.
   */
  private static void refuseForeign(Path root, Foreign foreign) throws IOException {
    BasicFileAttributes manifest = attributes(root.resolve(MANIFEST));
    if (foreign == Foreign.ADOPT || (manifest != null && manifest.isRegularFile())) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().equals(STAGING)) {
          throw new OutputRefusedException(
              root
                  + " is not empty and readiness did not make it (it has no "
                  + MANIFEST
                  + "); to write the site among the files there, which are then left as they are, pass --force-output;"
                  + " otherwise choose an empty or new folder");
        }
      }
    }
  }

  /**
   * Refuses an output folder with a file system mounted anywhere inside it, found in the mount
   * table where the system has one (Linux); elsewhere the folders readiness writes into are checked
   * one by one as it goes.
   */
  private static void refuseMountPointsInside(Path root) throws IOException {
    Path real = root.toRealPath();
    for (Path mount : mountPoints()) {
      if (mount.startsWith(real) && !mount.equals(real)) {
        throw new OutputRefusedException(
            mount
                + " is a mount point of another file system inside the output folder "
                + root
                + "; readiness never writes across file systems, so unmount it or choose another --output");
      }
    }
  }

  /**
   * The mount points of the system's mount table ({@code /proc/self/mountinfo}), or none where
   * there is none.
   */
  static List<Path> mountPoints() {
    Path table = Path.of("/proc/self/mountinfo");
    List<Path> mounts = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
        String[] fields = line.split(" ");
        if (fields.length > 4) {
          mounts.add(Path.of(unescapeMountPath(fields[4])));
        }
      }
    } catch (IOException | RuntimeException e) {
      // no mount table: the device of each folder is still checked where readiness writes
    }
    return mounts;
  }

  /** A mount table path with its octal escapes ({@code \040} for a space) decoded. */
  private static String unescapeMountPath(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\'
          && i + 3 < field.length()
          && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A path's attributes, links not followed, or null when there is nothing there. */
  private static BasicFileAttributes attributes(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static boolean isFolder(Path path) throws IOException {
    BasicFileAttributes a = attributes(path);
    return a != null && a.isDirectory();
  }

  /** The device (file system) a path is on, or null where the system does not say. */
  private static Object device(Path path) throws IOException {
    try {
      return Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /**
   * Deletes a folder readiness made and everything in it, without following links and without
   * entering another file system; a read-only folder inside is made writable for its owner first.
   */
  static void deleteTree(Path top) throws IOException {
    BasicFileAttributes attributes = attributes(top);
    if (attributes == null) {
      return;
    }
    if (!attributes.isDirectory()) {
      Files.delete(top);
      return;
    }
    Object device = device(top);
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a)
              throws IOException {
            if (device != null && !device.equals(device(dir))) {
              throw new OutputRefusedException(
                  dir
                      + " is a mount point of another file system; readiness does not delete"
                      + " across file systems, so unmount it and build again");
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
            delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void delete(Path path) throws IOException {
    try {
      Files.deleteIfExists(path);
    } catch (AccessDeniedException e) {
      PosixFileAttributeView view =
          Files.getFileAttributeView(
              path.getParent(), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (view == null) {
        throw e;
      }
      Set<PosixFilePermission> permissions = new HashSet<>(view.readAttributes().permissions());
      permissions.add(PosixFilePermission.OWNER_WRITE);
      permissions.add(PosixFilePermission.OWNER_EXECUTE);
      view.setPermissions(permissions);
      Files.deleteIfExists(path);
    }
  }

  /**
   * What is readiness's in an output folder.
   *
   * @param files the files it wrote, by relative path
   * @param folders the folders it made, by relative path
   */
  record Manifest(Set<String> files, Set<String> folders) {
    Manifest {
      files = Collections.unmodifiableSet(new TreeSet<>(files));
      folders = Collections.unmodifiableSet(new TreeSet<>(folders));
    }

    /**
     * The manifest in {@code folder}, or an empty one. One written before folders were listed
     * counts every folder that held its files as readiness's: that version re-created them all.
     */
    static Manifest read(Path folder) throws IOException {
      Path file = folder.resolve(MANIFEST);
      BasicFileAttributes a = attributes(file);
      if (a == null || !a.isRegularFile()) {
        return new Manifest(Set.of(), Set.of());
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      boolean listsFolders = !lines.isEmpty() && lines.get(0).equals(MANIFEST_HEADER);
      Set<String> files = new TreeSet<>();
      Set<String> folders = new TreeSet<>();
      for (String line : listsFolders ? lines.subList(1, lines.size()) : lines) {
        if (line.isBlank()) {
          continue;
        }
        if (line.endsWith("/")) {
          folders.add(line.substring(0, line.length() - 1));
        } else {
          files.add(line);
          if (!listsFolders) {
            folders.addAll(ancestors(line));
          }
        }
      }
      return new Manifest(files, folders);
    }

    /**
     * The manifest's text: its header, then every file and folder (ending in {@code /}), sorted.
     */
    String text() {
      Set<String> lines = new TreeSet<>(files);
      folders.forEach(f -> lines.add(f + "/"));
      return MANIFEST_HEADER + "\n" + String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }
  }

  /** The staging folder of one build, held through a lock on a file in it. */
  private static final class Staging {
    private final Path dir;
    private final FileChannel lock;

    private Staging(Path dir, FileChannel lock) {
      this.dir = dir;
      this.lock = lock;
    }

    /**
     * Takes the staging folder of {@code root}: makes it, or takes over one a killed build left,
     * finishing its renames if they had begun and emptying it.
     *
     * @throws IOException when another build holds it
     */
    static Staging take(Path root) throws IOException {
      Path dir = root.resolve(STAGING);
      for (int attempt = 0; attempt < 10; attempt++) {
        boolean made = true;
        try {
          Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
          made = false;
        }
        BasicFileAttributes a = attributes(dir);
        if (a == null) {
          continue;
        }
        if (!a.isDirectory()) {
          throw new OutputRefusedException(
              dir
                  + " was not written by readiness and is where readiness writes;"
                  + " move it away or choose another --output");
        }
        FileChannel channel;
        try {
          channel =
              FileChannel.open(
                  dir.resolve(LOCK),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
          continue;
        }
        boolean held;
        try {
          held = channel.tryLock() != null;
        } catch (OverlappingFileLockException e) {
          held = false;
        }
        if (!held) {
          channel.close();
          throw new IOException(
              "another readiness build is writing " + root + "; wait for it to finish");
        }
        if (attributes(dir.resolve(LOCK)) == null) {
          // the build that held it finished and removed it while this one waited: start again
          channel.close();
          continue;
        }
        Staging staging = new Staging(dir, channel);
        if (!made) {
          try {
            if (attributes(dir.resolve(MOVING)) != null) {
              finish(root, dir, null);
            }
            staging.clear();
          } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
          }
        }
        return staging;
      }
      throw new IOException("could not take " + dir + ": other builds keep replacing it");
    }

    /** Deletes everything in the folder but the lock. */
    void clear() throws IOException {
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        stream.forEach(entries::add);
      }
      for (Path entry : entries) {
        if (!entry.getFileName().toString().equals(LOCK)) {
          deleteTree(entry);
        }
      }
    }

    /** Lets go of the lock and leaves the folder as it is, for the next build to finish. */
    void abandon() throws IOException {
      lock.close();
    }

    /** Deletes the folder and lets go of the lock. */
    void release() throws IOException {
      try {
        clear();
        Files.deleteIfExists(dir.resolve(LOCK));
      } finally {
        lock.close();
      }
      try {
        Files.deleteIfExists(dir);
      } catch (DirectoryNotEmptyException e) {
        // another build took it the moment it was let go
      }
    }
  }

  /**
   * The staging ({@code .<name>.staging-*}) and previous ({@code .<name>.previous-*}) folders that
   * earlier versions of readiness made beside the output, left by one that was killed: a site moved
   * aside is put back, the rest is deleted.
   */
  private static final class LegacySwap {
    private LegacySwap() {}

    static void recover(Path root) throws IOException {
      Path parent = root.getParent();
      String name = root.getFileName().toString();
      if (!isFolder(parent)) {
        return;
      }
      List<Path> previous = new ArrayList<>();
      List<Path> staging = new ArrayList<>();
      try (DirectoryStream<Path> stream =
          Files.newDirectoryStream(parent, "." + glob(name) + ".{previous,staging}-*")) {
        for (Path p : stream) {
          if (isFolder(p)) {
            (p.getFileName().toString().startsWith("." + name + ".previous-") ? previous : staging)
                .add(p);
          }
        }
      } catch (AccessDeniedException e) {
        return; // a folder that cannot be listed holds nothing a build of readiness left
      }
      for (Path p : staging) {
        if (inUse(p.resolve(LOCK))) {
          throw new IOException(
              "another readiness build is writing "
                  + root
                  + " ("
                  + p.getFileName()
                  + " is in use); wait for it to finish");
        }
      }
      previous.sort(Comparator.comparing(LegacySwap::modified).reversed());
      for (Path p : previous) {
        if (attributes(root) == null) {
          Files.move(p, root, StandardCopyOption.ATOMIC_MOVE);
        } else {
          deleteTree(p);
        }
      }
      for (Path p : staging) {
        deleteTree(p);
      }
    }

    private static String glob(String name) {
      return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static boolean inUse(Path lock) {
      try (FileChannel channel =
          FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        try (var held = channel.tryLock()) {
          return held == null;
        }
      } catch (OverlappingFileLockException e) {
        return true;
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
  }
}
