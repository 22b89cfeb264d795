package dev.readiness;

import dev.readiness.model.Problem;
import dev.readiness.render.OutputTree;
import dev.readiness.render.site.SiteRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The state a build leaves in its output: a fingerprint of everything the output depends on and
 * the build's summary. When the next build has the same fingerprint and the output is intact, it
 * has nothing to do.
 *
 * <p>The fingerprint covers the tool's version, the options and settings, the build date (or
 * {@code SOURCE_DATE_EPOCH}), and the path and content (SHA-256) of every file under the input
 * folder and the templates folder.
 *
 * <p>Hashing 10,000 files takes a second, so the state also records each file's size, modification
 * time and identity (device and inode) with its hash, and the next build hashes again only the
 * files whose record differs, as git's index and rsync's quick check do. A file modified less
 * than {@link #SETTLE_MILLIS} before the previous build began hashing is hashed again whatever its
 * record says, because a change within the file system's clock tick would keep its time.
 */
public final class BuildState {
  /** The state file's name in the output folder. */
  public static final String FILE = ".readiness-state";
  private static final String HEADER = "readiness-state 2";

  /** How long before hashing began a file must have been last modified for its record to be trusted. */
  static final long SETTLE_MILLIS = 2_000;

  private BuildState() {}

  /**
   * A build's fingerprint, with what it recorded of each input file.
   *
   * @param value the fingerprint
   * @param hashedAt when hashing began, in milliseconds since 1970
   * @param seen what was recorded of each file, by label and path
   */
  public record Fingerprint(String value, long hashedAt, Map<String, Seen> seen) {
    public Fingerprint {
      seen = Map.copyOf(seen);
    }
  }

  /**
   * What a build recorded of one input file.
   *
   * @param size its size in bytes
   * @param modified its modification time, in nanoseconds since 1970
   * @param identity its device and inode, or empty where the file system has none
   * @param hash the SHA-256 of its content, or a marker for a file that could not be read
   */
  public record Seen(long size, long modified, String identity, String hash) {}

  /** The state left by the previous build in {@code output}: its lines, or an empty list. */
  public static List<String> previous(Path output) {
    Path state = output.resolve(FILE);
    try {
      if (!Files.isRegularFile(state, LinkOption.NOFOLLOW_LINKS)) {
        return List.of();
      }
      List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
      return !lines.isEmpty() && lines.get(0).equals(HEADER) ? lines : List.of();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** The fingerprint of a build's inputs, hashing only the files that {@code previous} does not vouch for. */
  public static Fingerprint fingerprint(BuildPipeline.Options options, List<String> previous) throws IOException {
    long hashedAt = System.currentTimeMillis();
    Map<String, Seen> known = seen(previous);
    Map<String, Seen> seen = new TreeMap<>();
    MessageDigest digest = sha256();
    update(digest, HEADER);
    update(digest, Version.generator());
    update(digest, options.settings().toString());
    update(digest, "pdf=" + options.pdf() + " shown=" + options.shownAs());
    update(digest, fixedOrDate(options));
    listFiles(digest, "input", options.input(), known, seen);
    if (options.templates() != null) {
      listFiles(digest, "templates", options.templates(), known, seen);
    }
    return new Fingerprint(HexFormat.of().formatHex(digest.digest()), hashedAt, seen);
  }

  /** The summary of the previous build when its fingerprint matches and its output is whole, or null. */
  public static BuildSummary upToDate(Path output, List<String> lines, Fingerprint fingerprint) {
    try {
      if (lines.size() < 3 || !lines.get(0).equals(HEADER)
          || !lines.get(1).equals("fingerprint " + fingerprint.value())) {
        return null;
      }
      List<String> manifest = OutputTree.manifest(output);
      if (lines.size() < 4 || !lines.get(3).equals("files " + listHash(manifest))) {
        return null;
      }
      for (String file : manifest) {
        if (!Files.isRegularFile(output.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
          return null;
        }
      }
      return parse(lines);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The state file's text for a finished build.
   *
   * @param files every file the build wrote, this state file included (what the manifest lists)
   */
  public static String write(Fingerprint fingerprint, BuildSummary summary, List<String> files) {
    StringBuilder out = new StringBuilder();
    out.append(HEADER).append('\n');
    out.append("fingerprint ").append(fingerprint.value()).append('\n');
    SiteRenderer.Stats s = summary.stats();
    out.append("summary ").append(summary.projects()).append(' ').append(summary.reviews()).append(' ')
        .append(s.pages()).append(' ').append(s.pdfs()).append(' ').append(s.files()).append('\n');
    out.append("files ").append(listHash(files)).append('\n');
    summary.reviewFiles().forEach(f -> out.append("review\t").append(escape(f)).append('\n'));
    summary.latestFiles().forEach(f -> out.append("latest\t").append(escape(f)).append('\n'));
    for (Problem p : summary.problems()) {
      out.append("problem\t").append(p.severity()).append('\t').append(escape(p.code())).append('\t')
          .append(escape(p.file())).append('\t').append(p.line()).append('\t').append(escape(p.message())).append('\n');
    }
    out.append("hashedAt\t").append(fingerprint.hashedAt()).append('\n');
    new TreeMap<>(fingerprint.seen()).forEach((name, f) -> out.append("seen\t").append(escape(name)).append('\t')
        .append(f.size()).append('\t').append(f.modified()).append('\t').append(escape(f.identity())).append('\t')
        .append(escape(f.hash())).append('\n'));
    return out.toString();
  }

  /** The files a previous state vouches for: those last modified well before it began hashing. */
  private static Map<String, Seen> seen(List<String> lines) {
    Map<String, Seen> seen = new HashMap<>();
    long hashedAt = Long.MIN_VALUE;
    try {
      for (String line : lines) {
        if (line.startsWith("hashedAt\t")) {
          hashedAt = Long.parseLong(line.substring("hashedAt\t".length()));
        } else if (line.startsWith("seen\t")) {
          String[] f = line.split("\t", -1);
          Seen s = new Seen(Long.parseLong(f[2]), Long.parseLong(f[3]), unescape(f[4]), unescape(f[5]));
          if (s.modified() / 1_000_000 < hashedAt - SETTLE_MILLIS) {
            seen.put(unescape(f[1]), s);
          }
        }
      }
    } catch (RuntimeException e) {
      return Map.of();
    }
    return seen;
  }

  private static BuildSummary parse(List<String> lines) {
    String[] counts = lines.get(2).split(" ");
    if (!counts[0].equals("summary") || counts.length != 6) {
      throw new IllegalArgumentException("bad state");
    }
    List<String> reviews = new ArrayList<>();
    List<String> latest = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String line : lines.subList(4, lines.size())) {
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "hashedAt", "seen" -> { }
        case "review" -> reviews.add(unescape(f[1]));
        case "latest" -> latest.add(unescape(f[1]));
        case "problem" -> problems.add(new Problem(Problem.Severity.valueOf(f[1]), unescape(f[2]), unescape(f[3]),
            Integer.parseInt(f[4]), unescape(f[5])));
        default -> throw new IllegalArgumentException("bad state line");
      }
    }
    SiteRenderer.Stats stats = new SiteRenderer.Stats(Integer.parseInt(counts[3]), Integer.parseInt(counts[4]),
        Integer.parseInt(counts[5]));
    return new BuildSummary(Integer.parseInt(counts[1]), Integer.parseInt(counts[2]), problems, reviews, latest,
        stats, true);
  }

  /** The build's date, and its instant when the clock is fixed ({@code SOURCE_DATE_EPOCH}). */
  private static String fixedOrDate(BuildPipeline.Options options) {
    java.time.Clock clock = options.clock();
    java.time.Instant now = clock.instant();
    boolean fixed = clock.equals(java.time.Clock.fixed(now, clock.getZone()));
    return "date=" + LocalDate.ofInstant(now, ZoneOffset.UTC) + (fixed ? " instant=" + now : "");
  }

  /**
   * Adds the relative path and a SHA-256 of the content of every file under {@code root}, hashed
   * on all cores, or taken from {@code known} when the file's size, time and identity match.
   * Content rather than times decides, so that a copy of the same input gives the same state.
   */
  private static void listFiles(MessageDigest digest, String label, Path root, Map<String, Seen> known,
      Map<String, Seen> seen) throws IOException {
    Path base = root.toRealPath();
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(base)) {
      walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(paths::add);
    }
    Map<String, Seen> files = new TreeMap<>();
    paths.parallelStream()
        .map(p -> {
          String name = base.relativize(p).toString().replace('\\', '/');
          return Map.entry(name, look(base, p, known.get(label + "/" + name)));
        })
        .forEachOrdered(e -> files.put(e.getKey(), e.getValue()));
    update(digest, label + " " + files.size());
    files.forEach((name, file) -> {
      update(digest, name + "\t" + file.hash());
      seen.put(label + "/" + name, file);
    });
  }

  /** A file's record: the known one when its size, time and identity still match, else hashed now. */
  private static Seen look(Path base, Path file, Seen known) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Object key = a.fileKey();
      Seen now = new Seen(a.size(), nanos(a.lastModifiedTime()), key == null ? "" : key.toString(), "");
      if (known != null && known.size() == now.size() && known.modified() == now.modified()
          && known.identity().equals(now.identity()) && !now.identity().isEmpty() && a.isRegularFile()) {
        return known;
      }
      return new Seen(now.size(), now.modified(), now.identity(), contentHash(base, file));
    } catch (IOException | SecurityException e) {
      return new Seen(-1, 0, "", contentHash(base, file));
    }
  }

  private static long nanos(FileTime time) {
    Instant t = time.toInstant();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** The SHA-256 of a file's bytes, or a marker for a link outside {@code base}, a broken link or an unreadable file. */
  private static String contentHash(Path base, Path file) {
    try {
      if (Files.isSymbolicLink(file) && !file.toRealPath().startsWith(base)) {
        return "outside";
      }
      return HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file)));
    } catch (IOException | SecurityException | OutOfMemoryError e) {
      return "unreadable " + e.getClass().getSimpleName();
    }
  }

  /** A hash of a list of file names in sorted order, to notice a manifest that changed. */
  private static String listHash(List<String> files) {
    MessageDigest digest = sha256();
    files.stream().sorted().forEach(f -> update(digest, f));
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
