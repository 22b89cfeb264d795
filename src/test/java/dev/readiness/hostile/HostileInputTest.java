package dev.readiness.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readiness.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad input matrix of issue 6, through the command line: each bad file gets one line naming it
 * (and its line where there is one) and the reason; the good project still builds; the exit code
 * follows SPEC (1 when files are skipped, 0 for warnings); no stack trace; the input folder is not
 * written and nothing is left beside the output. The time limit is only a hang guard.
 */
class HostileInputTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  private static final Path SEED =
      Path.of(
          "src/test/resources/corpus/lesleslie__mahavishnu__PRODUCTION_READINESS_CHECKLIST@2026-02-03T0608.md");
  private static final long LIMIT = 5L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;
  Path input;
  Path bad;
  Path output;

  @BeforeEach
  void setUp() throws IOException {
    input = work.resolve("in");
    bad = Files.createDirectories(input.resolve("bad"));
    output = work.resolve("out");
    Files.createDirectories(input.resolve("good"));
    Files.copy(SEED, input.resolve("good/2026-02-02.md"));
  }

  @Test
  void emptyFile() throws IOException {
    write("2026-01-01.md", "");
    write("2026-01-02.md", " \n\n\t\n");
    Build build = build();
    build.skipped(
        "bad/2026-01-01.md: error: is empty; write a checklist or remove the file [UNREADABLE]",
        "bad/2026-01-02.md: error: is empty; write a checklist or remove the file [UNREADABLE]");
  }

  @Test
  void binaryFile() throws IOException {
    Files.write(
        bad.resolve("2026-01-01.md"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
    build()
        .skipped(
            "bad/2026-01-01.md: error: is not text (it contains NUL bytes); checklists must be UTF-8 Markdown"
                + " [UNREADABLE]");
  }

  @Test
  void invalidUtf8() throws IOException {
    Files.write(
        bad.resolve("2026-01-01.md"),
        "# Bad\n\n- [ ] caf\u00e9 ok\n- [ ] caf".getBytes(StandardCharsets.UTF_8));
    Files.write(
        bad.resolve("2026-01-01.md"),
        new byte[] {(byte) 0xe9, '\n'},
        java.nio.file.StandardOpenOption.APPEND);
    build()
        .skipped("bad/2026-01-01.md:4: error: is not valid UTF-8; save it as UTF-8 [UNREADABLE]");
  }

  @Test
  void utf16WithByteOrderMark() throws IOException {
    Files.write(
        bad.resolve("2026-01-01.md"),
        "\uFEFF# Review\n\n- [x] done\n".getBytes(StandardCharsets.UTF_16LE));
    Files.write(
        bad.resolve("2026-01-02.md"),
        "\uFEFF# Review\n\n- [x] done\n".getBytes(StandardCharsets.UTF_16BE));
    build()
        .skipped(
            "bad/2026-01-01.md: error: is UTF-16 text; save it as UTF-8 [UNREADABLE]",
            "bad/2026-01-02.md: error: is UTF-16 text; save it as UTF-8 [UNREADABLE]");
  }

  @Test
  void utf8WithByteOrderMarkAndCrLfBuilds() throws IOException {
    write(
        "2026-01-01.md",
        "\uFEFF# Review\r\n\r\n## Section 1: One\r\n\r\n- [x] done\r\n- [ ] open\r\n");
    Build build = build();
    build.built();
    assertEquals(List.of("1/2"), build.counts("bad"));
  }

  @Test
  void fileJustUnderTheSizeLimitBuilds() throws IOException {
    int items = writeItems("2026-01-01.md", LIMIT - 64, 250);
    assertTrue(Files.size(bad.resolve("2026-01-01.md")) > LIMIT - 400, "just under 5 MiB");
    Build build = build();
    build.built();
    assertEquals(List.of((items + 2) / 3 + "/" + items), build.counts("bad"));
  }

  /**
   * Issue 13: a file under the size limit with more entries than a build reads is skipped, the rest
   * built.
   */
  @Test
  void fileJustUnderTheSizeLimitWithNinetyThousandBoxesIsSkipped() throws IOException {
    int items = writeItems("2026-01-01.md", LIMIT - 64);
    assertTrue(items > 90_000, items + " boxes");
    build()
        .skipped(
            "bad/2026-01-01.md: error: has more than 20,000 task items and table rows, the most readiness"
                + " reads in one file, so it is skipped (it would take too much memory to show); split it into several"
                + " checklists [TOO_MANY_ITEMS]");
  }

  @Test
  void fileOverTheSizeLimit() throws IOException {
    writeItems("2026-01-01.md", LIMIT - 64);
    Files.write(
        bad.resolve("2026-01-01.md"),
        "x"
            .repeat((int) (LIMIT + 1 - Files.size(bad.resolve("2026-01-01.md"))))
            .getBytes(StandardCharsets.UTF_8),
        java.nio.file.StandardOpenOption.APPEND);
    assertEquals(LIMIT + 1, Files.size(bad.resolve("2026-01-01.md")));
    Files.write(bad.resolve("2026-01-02.md"), new byte[(int) (2 * LIMIT)]);
    build()
        .skipped(
            "bad/2026-01-01.md: error: is 5242881 bytes, over the limit of 5242880 bytes (input.maxFileBytes);"
                + " split it or raise the limit [UNREADABLE]",
            "bad/2026-01-02.md: error: is 10.0 MiB, over the 5.0 MiB limit (input.maxFileBytes); split it or raise the"
                + " limit [UNREADABLE]");
  }

  @Test
  void twentyThousandItems() throws IOException {
    StringBuilder text = new StringBuilder("# Big\n\n## Section 1: Everything\n\n");
    for (int i = 0; i < 20_000; i++) {
      text.append(i % 10 == 0 ? "- [x] " : "- [ ] ").append("item ").append(i).append('\n');
    }
    write("2026-01-01.md", text.toString());
    Build build = build();
    build.built();
    assertEquals(List.of("2000/20000"), build.counts("bad"));
  }

  @Test
  void listsNestedOneThousandDeep() throws IOException {
    StringBuilder text = new StringBuilder("# Deep\n\n## Section 1: Nested\n\n");
    for (int i = 0; i < 1_000; i++) {
      text.append("  ".repeat(i))
          .append(i % 2 == 0 ? "- [x] " : "- [ ] ")
          .append("level ")
          .append(i)
          .append('\n');
    }
    write("2026-01-01.md", text.toString());
    Build build = build();
    build.built(
        "bad/2026-01-01.md:106: warning: lists or quotes are nested more than 100 levels deep here (and 898"
            + " more lines); the deeper levels are read as level 100, so items keep their counts but not their nesting"
            + " [DEEP_NESTING]");
    assertEquals(List.of("500/1000"), build.counts("bad"));
  }

  @Test
  void oneMegabyteLine() throws IOException {
    write(
        "2026-01-01.md",
        "# Long\n\n## Section 1: One line\n\n- [x] "
            + "long words ".repeat(100_000)
            + "\n- [ ] "
            + "x".repeat(1_000_000)
            + "\n");
    Build build = build();
    build.built();
    assertEquals(List.of("1/2"), build.counts("bad"));
  }

  @Test
  void malformedFrontMatter() throws IOException {
    String body = "# Review\n\n## Section 1: One\n\n- [x] done\n";
    write("2026-01-01.md", "---\nproject: [Orion, Payments\n---\n" + body);
    write("2026-01-02.md", "---\nproject: Orion\n\towner: team\n---\n" + body);
    write("2026-01-03.md", "---\nproject: Orion\nproject: Payments\n---\n" + body);
    write("2026-01-04.md", "---\n" + billionLaughs() + "---\n" + body);
    write("2026-01-05.md", "---\nproject: Orion\n" + body);
    Build build = build();
    build.built(
        "bad/2026-01-01.md:2: warning: front matter is not valid YAML (expected ',' or ']', but got <stream end>);"
            + " it is ignored [FRONT_MATTER]",
        "bad/2026-01-02.md:3: warning: front matter is not valid YAML (found character '\\t(TAB)' that cannot start"
            + " any token. (Do not use \\t(TAB) for indentation)); it is ignored [FRONT_MATTER]",
        "bad/2026-01-03.md:3: warning: front matter is not valid YAML (found duplicate key project); it is ignored"
            + " [FRONT_MATTER]",
        "bad/2026-01-04.md:2: warning: front matter is not valid YAML (Number of aliases for non-scalar nodes exceeds"
            + " the specified max=20); it is ignored [FRONT_MATTER]",
        "bad/2026-01-05.md:1: warning: front matter opened with \"---\" is never closed; add a closing \"---\" line"
            + " [FRONT_MATTER]");
    assertEquals(List.of("1/1", "1/1", "1/1", "1/1", "1/1"), build.counts("bad"));
  }

  @Test
  void impossibleDates() throws IOException {
    write("2026-02-30.md", "# Review\n\n- [x] done\n");
    write("review.md", "# Review\n**Date**: 2026-02-30\n\n- [x] done\n");
    write("2026-03-01.md", "# Review\n**Date**: 2026-02-30\n\n- [x] done\n");
    Build build = build();
    build.skipped(
        "bad/2026-02-30.md: error: the file name's date 2026-02-30 is not a calendar date; rename the file to a real"
            + " YYYY-MM-DD date [BAD_DATE]",
        "bad/2026-03-01.md:2: warning: the **Date** line \"2026-02-30\" is not a calendar date; write a real date as"
            + " YYYY-MM-DD [BAD_DATE]",
        "bad/review.md: error: has no review date; name it YYYY-MM-DD.md or add a \"**Date**: YYYY-MM-DD\" line"
            + " [NO_DATE]",
        "bad/review.md:2: warning: the **Date** line \"2026-02-30\" is not a calendar date; write a real date as"
            + " YYYY-MM-DD [BAD_DATE]");
    assertEquals(List.of("1/1"), build.counts("bad"));
  }

  @Test
  void undatedFile() throws IOException {
    write("notes.md", "# Notes\n\n- [ ] something\n");
    build()
        .skipped(
            "bad/notes.md: error: has no review date; name it YYYY-MM-DD.md or add a \"**Date**: YYYY-MM-DD\""
                + " line [NO_DATE]");
  }

  @Test
  void twoReviewsOnOneDate() throws IOException {
    write("2026-01-01.md", "# One\n\n- [x] a\n");
    write("2026-01-01-again.md", "# Two\n\n- [ ] a\n");
    Build build = build();
    build.skipped(
        "bad/2026-01-01.md: error: has the same review date 2026-01-01 as IN/bad/2026-01-01-again.md; only"
            + " IN/bad/2026-01-01-again.md is used, so redate or remove one [DUPLICATE_DATE]");
    assertEquals(List.of("0/1"), build.counts("bad"));
  }

  @Test
  void symlinkLoopAndLinkOutsideTheInput() throws IOException {
    Files.createSymbolicLink(bad.resolve("2026-01-01.md"), Path.of("2026-01-01.md"));
    Files.createSymbolicLink(bad.resolve("2026-01-02.md"), Path.of("2026-01-03.md"));
    Files.createSymbolicLink(bad.resolve("2026-01-03.md"), Path.of("2026-01-02.md"));
    Path secret = Files.writeString(work.resolve("secret.md"), "# Secret\n\n- [x] not yours\n");
    Files.createSymbolicLink(bad.resolve("2026-01-04.md"), secret);
    Files.createSymbolicLink(input.resolve("etc"), Path.of("/etc"));
    Files.createSymbolicLink(input.resolve("up"), Path.of(".."));
    write("2026-01-05.md", "# Fine\n\n- [x] ok\n");
    Build build = build();
    String loop =
        "is a link that cannot be followed (Too many levels of symbolic links or unable to access attributes"
            + " of symbolic link); it is not read [OUTSIDE_INPUT]";
    build.skipped(
        "bad/2026-01-01.md: error: " + loop,
        "bad/2026-01-02.md: error: " + loop,
        "bad/2026-01-03.md: error: " + loop,
        "bad/2026-01-04.md: error: is a link to a place outside the input folder; it is not read [OUTSIDE_INPUT]",
        "etc: error: is a link to a place outside the input folder; it is not read [OUTSIDE_INPUT]",
        "up: error: is a link to a place outside the input folder; it is not read [OUTSIDE_INPUT]");
    assertEquals(List.of("1/1"), build.counts("bad"));
    assertFalse(
        build.stdout.contains("not yours")
            || Files.readString(output.resolve("data.json")).contains("not yours"));
  }

  @Test
  void unreadableFile() throws IOException {
    Path locked = write("2026-01-01.md", "# Locked\n\n- [x] a\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(
          !Files.isReadable(locked), "not running as root, where chmod 000 does not stop reads");
      build().skipped("bad/2026-01-01.md: error: cannot be read (permission denied) [UNREADABLE]");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void everyHostileFileAtOnceAndTheGoodProjectIsWhole() throws IOException {
    write("2026-01-01.md", "");
    Files.write(bad.resolve("2026-01-02.md"), new byte[] {0, 1, 2, 3});
    Files.write(bad.resolve("2026-01-03.md"), new byte[] {'#', ' ', (byte) 0xff, '\n'});
    Files.write(bad.resolve("2026-01-04.md"), "\uFEFF# x\n".getBytes(StandardCharsets.UTF_16LE));
    write("2026-01-05.md", "---\n" + billionLaughs() + "---\n# Laughs\n\n- [ ] a\n");
    write("2026-02-30.md", "# x\n");
    write("undated.md", "# x\n");
    write(
        "2026-01-06.md",
        "- ".repeat(5_000) + "[ ] deep\n" + "`a".repeat(5_000) + "\n" + "-".repeat(100_000) + "\n");
    Files.createSymbolicLink(bad.resolve("2026-01-07.md"), Path.of("2026-01-07.md"));
    Build build = build();
    assertEquals(1, build.exit);
    assertEquals(9, build.lines("bad/").size(), build.stderr);
    assertEquals(List.of("39/184"), build.counts("good"));
    assertEquals(List.of("0/1", "0/1"), build.counts("bad"));
  }

  private Build build() throws IOException {
    Map<String, String> inputBefore = Trees.hashes(input);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = {
      "build", "--input", input.toString(), "--output", output.toString(), "--no-pdf", "--jobs", "2"
    };
    int exit =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () ->
                Main.execute(
                    new Main(Map.of("SOURCE_DATE_EPOCH", "1773619200")),
                    args,
                    new PrintWriter(out, true),
                    new PrintWriter(err, true)));
    assertEquals(inputBefore, Trees.hashes(input), "the input folder is never written");
    try (Stream<Path> beside = Files.list(work)) {
      assertEquals(
          List.of("in", "out"),
          beside
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.equals("secret.md"))
              .sorted()
              .toList(),
          "nothing is left beside the output");
    }
    return new Build(exit, out.toString(), err.toString().replace(input.toString(), "IN"));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(bad.resolve(name), text, StandardCharsets.UTF_8);
  }

  /**
   * A checklist of about {@code size} bytes; every third item is checked. Returns the item count.
   */
  private int writeItems(String name, long size) throws IOException {
    return writeItems(name, size, 0);
  }

  /** {@link #writeItems(String, long)} with items {@code padding} characters longer. */
  private int writeItems(String name, long size, int padding) throws IOException {
    StringBuilder text = new StringBuilder("# Large\n\n## Section 1: All\n\n");
    int items = 0;
    while (true) {
      String item =
          (items % 3 == 0 ? "- [x] " : "- [ ] ")
              + "an item of a rather large checklist, number "
              + items
              + " "
              + "word ".repeat(padding / 5)
              + "\n";
      if (text.length() + item.length() > size) {
        break;
      }
      text.append(item);
      items++;
    }
    write(name, text.toString());
    return items;
  }

  private static String billionLaughs() {
    StringBuilder yaml =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, "*" + prev)))
          .append("]\n");
    }
    return yaml.toString();
  }

  /** What one build printed and wrote. */
  private final class Build {
    final int exit;
    final String stdout;
    final String stderr;

    Build(int exit, String stdout, String stderr) {
      this.exit = exit;
      this.stdout = stdout;
      this.stderr = stderr;
      assertFalse(
          stderr.contains("\tat ") || stderr.contains("Exception") || stderr.contains("Error:"),
          "no stack trace without --verbose:\n" + stderr);
      assertFalse(
          stderr.contains("readiness: error"), "the build itself does not fail:\n" + stderr);
    }

    /**
     * The build exits 1 and prints exactly these lines about the bad project; the good one is
     * whole.
     */
    void skipped(String... expected) throws IOException {
      assertEquals(1, exit, stderr);
      check(expected);
    }

    /**
     * The build exits 0 and prints exactly these lines about the bad project; the good one is
     * whole.
     */
    void built(String... expected) throws IOException {
      assertEquals(0, exit, stderr);
      check(expected);
    }

    private void check(String... expected) throws IOException {
      List<String> about = new ArrayList<>(lines("bad/"));
      about.addAll(lines("etc:"));
      about.addAll(lines("up:"));
      assertEquals(
          Arrays.stream(expected).map(e -> "IN/" + e).sorted().toList(),
          about.stream().sorted().toList());
      assertEquals(List.of("39/184"), counts("good"));
    }

    /**
     * The one-line problems about files under {@code about}: errors as the build printed them, and
     * warnings from data.json in the same form (the build groups warnings by file for people).
     */
    List<String> lines(String about) throws IOException {
      List<String> lines =
          new ArrayList<>(
              stderr
                  .lines()
                  .filter(l -> l.startsWith("IN/" + about) && l.contains(": error: "))
                  .toList());
      Path data = output.resolve("data.json");
      if (Files.exists(data)) {
        for (JsonNode p : JSON.readTree(data.toFile()).get("problems")) {
          String file = p.get("file").asText().replace(input.toString(), "IN");
          if (p.get("severity").asText().equals("warning") && file.startsWith("IN/" + about)) {
            int line = p.get("line").asInt();
            lines.add(
                file
                    + (line > 0 ? ":" + line : "")
                    + ": warning: "
                    + p.get("message").asText()
                    + " ["
                    + p.get("code").asText()
                    + "]");
          }
        }
      }
      return lines;
    }

    /**
     * "done/total" of each review of a project in data.json, oldest first; empty when it was not
     * built.
     */
    List<String> counts(String slug) throws IOException {
      JsonNode data = JSON.readTree(output.resolve("data.json").toFile());
      List<String> counts = new ArrayList<>();
      for (JsonNode project : data.get("projects")) {
        if (project.get("slug").asText().equals(slug)) {
          for (JsonNode review : project.get("reviews")) {
            counts.add(review.get("done").asInt() + "/" + review.get("total").asInt());
          }
        }
      }
      return counts;
    }
  }
}
