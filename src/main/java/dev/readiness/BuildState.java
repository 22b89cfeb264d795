package dev.readiness;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.Review;
import dev.readiness.model.Problem;
import dev.readiness.model.Provenance;
import dev.readiness.render.OutputTree;
import dev.readiness.render.site.SiteRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The state a build leaves in its output: a fingerprint of everything the output depends on and
 * the build's summary. When the next build has the same fingerprint and the output is intact, it
 * has nothing to do.
 *
 * <p>The fingerprint covers the tool's version, the options and settings, the build date (or
 * {@code SOURCE_DATE_EPOCH}), and the path and content (SHA-256) of every file under the input
 * folder and the templates folder. The hashes come from {@link FileHashes}, which hashes again
 * only the files whose size, time or inode changed since it last saw them.
 */
public final class BuildState {
  /** The state file's name in the output folder. */
  public static final String FILE = ".readiness-state";
  private static final String HEADER = "readiness-state 3";

  private BuildState() {}

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

  /**
   * The SHA-256 of every file under the input folder, by relative path (see {@link FileHashes}),
   * and one entry per git source: the key of the commits and contents its reviews come from (see
   * {@link dev.readiness.read.git.GitSources#hashes}), so that a new commit to the file makes the
   * build not up to date and a commit elsewhere leaves it up to date.
   */
  public static SortedMap<String, String> inputHashes(BuildPipeline.Options options) throws IOException {
    SortedMap<String, String> hashes = options.input() == null ? new java.util.TreeMap<>()
        : new java.util.TreeMap<>(FileHashes.of(options.input().toRealPath()).hashes());
    hashes.putAll(options.git().hashes());
    return hashes;
  }

  /** The fingerprint of a build whose input files have {@code inputHashes}. */
  public static String fingerprint(BuildPipeline.Options options, SortedMap<String, String> inputHashes)
      throws IOException {
    MessageDigest digest = sha256();
    update(digest, base(options));
    update(digest, "input " + inputHashes.size());
    inputHashes.forEach((name, hash) -> update(digest, name + "\t" + hash));
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * What every output depends on besides the checklists: the tool (its version and its jar),
   * the options and settings, the build date, the build time when it is fixed by
   * {@code SOURCE_DATE_EPOCH}, and the templates. With a running clock the time is left out: a
   * project's pages kept from an earlier build of the same day show the time they were made.
   */
  public static String base(BuildPipeline.Options options) throws IOException {
    MessageDigest digest = sha256();
    update(digest, HEADER);
    update(digest, Version.generator() + " " + Version.build());
    update(digest, options.settings().toString());
    update(digest, "pdf=" + options.pdf() + " shown=" + options.shownAs());
    update(digest, fixedOrDate(options));
    if (options.templates() != null) {
      listFiles(digest, "templates", options.templates());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The key of one project's outputs (its pages, charts, PDFs and badge): {@link #base}, its slug
   * and the path and hash of every file in the folders its reviews come from. The analysis is a
   * function of those files, the settings and the date, so the same key makes the same files.
   */
  public static String unitKey(String base, ProjectReport project, SortedMap<String, String> inputHashes) {
    MessageDigest digest = sha256();
    update(digest, base);
    update(digest, "project " + project.slug());
    Set<String> folders = new TreeSet<>();
    for (Review r : project.reviews()) {
      Provenance origin = r.snapshot().provenance();
      if (origin != null) {
        // A review from git is its commit's content: the label, the commit and the blob say it all.
        update(digest, "git " + r.file() + "\t" + origin.commit() + "\t" + origin.blob());
        continue;
      }
      String source = r.snapshot().source();
      folders.add(source.substring(0, source.lastIndexOf('/') + 1));
    }
    for (String folder : folders) {
      SortedMap<String, String> files = folder.isEmpty() ? inputHashes : inputHashes.subMap(folder, folder + Character.MAX_VALUE);
      files.forEach((name, hash) -> {
        if (!folder.isEmpty() || name.indexOf('/') < 0) {
          update(digest, name + "\t" + hash);
        }
      });
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The keys of the projects whose outputs the previous build recorded, by slug. */
  public static Map<String, String> units(List<String> lines) {
    Map<String, String> units = new java.util.HashMap<>();
    for (String line : lines) {
      if (line.startsWith("unit\t")) {
        String[] f = line.split("\t", -1);
        if (f.length == 3) {
          units.put(unescape(f[1]), f[2]);
        }
      }
    }
    return units;
  }

  /** The summary of the previous build when its fingerprint matches and its output is whole, or null. */
  public static BuildSummary upToDate(Path output, List<String> lines, String fingerprint) {
    try {
      if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("fingerprint " + fingerprint)) {
        return null;
      }
      // A project the last build did not mark as one to keep (its PDFs lacked a font for some
      // characters, and fonts are not in the fingerprint) is made again, so the build is not
      // up to date: the user may have installed a font, as the warning asks.
      if (units(lines).size() < Integer.parseInt(lines.get(2).split(" ")[1])) {
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
   * @param units the key of each project whose outputs a later build may keep, by slug
   */
  public static String write(String fingerprint, BuildSummary summary, List<String> files,
      Map<String, String> units) {
    StringBuilder out = new StringBuilder();
    out.append(HEADER).append('\n');
    out.append("fingerprint ").append(fingerprint).append('\n');
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
    new java.util.TreeMap<>(units).forEach((slug, key) ->
        out.append("unit\t").append(escape(slug)).append('\t').append(key).append('\n'));
    return out.toString();
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
        case "unit" -> { }
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

  /** Adds the relative path and the SHA-256 of the content of every file under {@code root}. */
  private static void listFiles(MessageDigest digest, String label, Path root) throws IOException {
    Map<String, String> files = FileHashes.of(root.toRealPath()).hashes();
    update(digest, label + " " + files.size());
    files.forEach((name, hash) -> update(digest, name + "\t" + hash));
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
    return FileHashes.sha256();
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
