package dev.readiness;

import dev.readiness.model.Problem;
import dev.readiness.render.OutputTree;
import dev.readiness.render.site.SiteRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state file a build leaves in its output: the fingerprint of everything the output depends on
 * (made by {@link BuildCache}), the build's summary, and the key of each unit of outputs that a
 * later build may keep. When the next build has the same fingerprint and the output is intact, it
 * has nothing to do.
 */
public final class BuildState {
  /** The state file's name in the output folder. */
  public static final String FILE = ".readiness-state";

  static final String HEADER = "readiness-state 4";

  /**
   * The line of a build some of whose units are not recorded: the next build is never up to date.
   */
  private static final String INCOMPLETE = "incomplete";

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
   * The keys of the units of outputs the previous build recorded, by {@link
   * SiteRenderer.Unit#id()}.
   */
  public static Map<String, String> units(List<String> lines) {
    Map<String, String> units = new HashMap<>();
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

  /**
   * The summary of the previous build when its fingerprint matches and its output is whole, or
   * null.
   */
  public static BuildSummary upToDate(Path output, List<String> lines, String fingerprint) {
    try {
      if (lines.size() < 3
          || !lines.get(0).equals(HEADER)
          || !lines.get(1).equals("fingerprint " + fingerprint)) {
        return null;
      }
      // A unit the last build did not record (its PDF lacked a font for some characters, and
      // fonts are not in the fingerprint; or it could not be made) is made again, so the build
      // is not up to date: the user may have installed a font, as the warning asks.
      if (lines.contains(INCOMPLETE)) {
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
   * @param units the key of each unit of outputs a later build may keep, by unit
   * @param complete whether every unit is among {@code units}
   */
  public static String write(
      String fingerprint,
      BuildSummary summary,
      List<String> files,
      Map<String, String> units,
      boolean complete) {
    StringBuilder out = new StringBuilder();
    out.append(HEADER).append('\n');
    out.append("fingerprint ").append(fingerprint).append('\n');
    SiteRenderer.Stats s = summary.stats();
    out.append("summary ")
        .append(summary.projects())
        .append(' ')
        .append(summary.reviews())
        .append(' ')
        .append(s.pages())
        .append(' ')
        .append(s.pdfs())
        .append(' ')
        .append(s.files())
        .append('\n');
    out.append("files ").append(listHash(files)).append('\n');
    summary.reviewFiles().forEach(f -> out.append("review\t").append(escape(f)).append('\n'));
    summary.latestFiles().forEach(f -> out.append("latest\t").append(escape(f)).append('\n'));
    for (Problem p : summary.problems()) {
      out.append("problem\t")
          .append(p.severity())
          .append('\t')
          .append(escape(p.code()))
          .append('\t')
          .append(escape(p.file()))
          .append('\t')
          .append(p.line())
          .append('\t')
          .append(escape(p.message()))
          .append('\n');
    }
    if (!complete) {
      out.append(INCOMPLETE).append('\n');
    }
    new TreeMap<>(units)
        .forEach(
            (unit, key) ->
                out.append("unit\t").append(escape(unit)).append('\t').append(key).append('\n'));
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
        case "unit", INCOMPLETE -> {}
        case "review" -> reviews.add(unescape(f[1]));
        case "latest" -> latest.add(unescape(f[1]));
        case "problem" ->
            problems.add(
                new Problem(
                    Problem.Severity.valueOf(f[1]),
                    unescape(f[2]),
                    unescape(f[3]),
                    Integer.parseInt(f[4]),
                    unescape(f[5])));
        default -> throw new IllegalArgumentException("bad state line");
      }
    }
    SiteRenderer.Stats stats =
        new SiteRenderer.Stats(
            Integer.parseInt(counts[3]), Integer.parseInt(counts[4]), Integer.parseInt(counts[5]));
    return new BuildSummary(
        Integer.parseInt(counts[1]),
        Integer.parseInt(counts[2]),
        problems,
        reviews,
        latest,
        stats,
        true);
  }

  /** A hash of a list of file names in sorted order, to notice a manifest that changed. */
  private static String listHash(List<String> files) {
    MessageDigest digest = FileHashes.sha256();
    files.stream().sorted().forEach(f -> update(digest, f));
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
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
