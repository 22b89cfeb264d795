package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.BuildPipeline;
import dev.readiness.hostile.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
  private static final Pattern SUMMARY =
      Pattern.compile(
          "built .+/site: 2 projects, 8 reviews, \\d+ pages?, 10 PDFs; 57 warnings, 0 errors; \\d+\\.\\d s");

  @Test
  void endsWithOneSummaryLine(@TempDir Path dir) {
    Cli.Result r = Cli.run("build", "--output", dir.resolve("site").toString());
    assertEquals(0, r.code(), r.toString());
    List<String> out = r.out().lines().toList();
    assertEquals(1, out.size(), r.toString());
    assertTrue(SUMMARY.matcher(out.get(0)).matches(), out.get(0));
  }

  @Test
  void groupsWarningsByFileLatestReviewsInFull(@TempDir Path dir) {
    Cli.Result r = Cli.run("build", "--output", dir.resolve("site").toString());
    List<String> err = r.err().lines().toList();
    // A project's older reviews: one line with their counts by code. By hand from --verbose:
    // 02-02 has 14 (8 STATED_DRIFT, 3 COMPLETE_WITH_OPEN, 1 CHECKMARK_UNCHECKED, 1 CONTRADICTION,
    // 1 UNSIGNED), 02-09 11 (6, 3, 0, 1, 1), 02-16 12 (6, 3, 0, 1, 1 and 1 REVIEW_OVERDUE),
    // 03-02 9 (6, 1, 0, 1, 1): 46 = 26 + 10 + 1 + 4 + 4 + 1. Orion's older reviews have none.
    assertEquals(
        "checklists/mahavishnu: 46 warnings in 4 older reviews (26 STATED_DRIFT, 10 COMPLETE_WITH_OPEN,"
            + " 4 CONTRADICTION, 4 UNSIGNED, 1 CHECKMARK_UNCHECKED, 1 REVIEW_OVERDUE)",
        err.get(0));
    // The latest review of each project: a header, then line, code and message.
    // SOURCE_DATE_EPOCH is 2026-03-16, the day the latest reviews name as their next: not overdue
    // yet.
    int latest = err.indexOf("checklists/mahavishnu/2026-03-09.md: 10 warnings");
    assertTrue(latest > 0, r.err());
    assertEquals(
        "     28  COMPLETE_WITH_OPEN  \"1. Security & Compliance\" is marked complete but 11 of its 23 items"
            + " are open (first: \"No secrets in git history\"); check the items or drop the complete mark",
        err.get(latest + 1));
    assertTrue(
        err.get(latest + 9)
            .startsWith(
                "    414  STATED_DRIFT        the overall score is stated as 80/100 but"
                    + " 97 of 184 boxes are checked (52.7%)"),
        err.get(latest + 9));
    int orion = err.indexOf("checklists/orion/2026-03-09.md: 1 warning");
    assertEquals(latest + 11, orion, r.err());
    assertTrue(
        err.get(orion + 1)
            .startsWith("     15  COMPLETE_WITH_OPEN  \"1. Security\" is marked complete"),
        r.err());
    assertEquals(
        "(older reviews' content warnings are counted; run with --verbose to list each of them)",
        err.get(orion + 2));
    assertEquals(1 + 11 + 2 + 1, err.size(), r.err());
  }

  @Test
  void verboseListsEveryWarningUnderItsFile(@TempDir Path dir) {
    Cli.Result r = Cli.run("build", "--verbose", "--output", dir.resolve("site").toString());
    List<String> err = r.err().lines().toList();
    long headers =
        err.stream().filter(l -> l.matches("checklists/\\S+\\.md: \\d+ warnings?")).count();
    long warnings = err.stream().filter(l -> l.matches(" +\\d+  [A-Z_]+ +\\S.*")).count();
    assertEquals(6, headers, r.err());
    assertEquals(57, warnings, r.err());
    assertTrue(err.contains("checklists/mahavishnu/2026-02-02.md: 14 warnings"), r.err());
    assertTrue(
        err.stream()
            .anyMatch(
                l -> l.startsWith("     60  CHECKMARK_UNCHECKED  \"Session-Buddy encryption")),
        r.err());
  }

  @Test
  void aPdfWarningIsReportedWithTheFilesOtherWarningsAndCounted(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectories(dir.resolve("in/p"));
    // U+0378 is unassigned: no font has it, on any machine.
    Files.writeString(
        input.resolve("2026-01-05.md"), "# P\n\n## 1. A\n\n- [x] Kept \u0378 here\n- [x] Done\n");
    Cli.Result r =
        Cli.run(
            Cli.EPOCH,
            new Terminal(true, false),
            "build",
            "--input",
            input.getParent().toString(),
            "--output",
            dir.resolve("site").toString());
    assertEquals(0, r.code(), r.toString());
    List<String> err = r.err().lines().toList();
    String file = input.getParent() + "/p/2026-01-05.md";
    assertEquals(file + ": 1 warning", err.get(0), r.err());
    assertTrue(
        err.get(1)
            .matches(" +- +PDF_MISSING_GLYPHS  1 character \\(unknown: U\\+0378\\) have no font.*"),
        r.err());
    assertEquals(2, err.size(), r.err());
    assertTrue(r.out().contains("; 1 warning, 0 errors;"), r.out());
    // Installed fonts are not in the fingerprint: with such a warning the next build runs again.
    Cli.Result again =
        Cli.run(
            Cli.EPOCH,
            new Terminal(true, false),
            "build",
            "--input",
            input.getParent().toString(),
            "--output",
            dir.resolve("site").toString());
    assertTrue(again.out().startsWith("built "), again.out());

    Cli.Result strict =
        Cli.run(
            Cli.EPOCH,
            new Terminal(true, false),
            "build",
            "--strict",
            "--input",
            input.getParent().toString(),
            "--output",
            dir.resolve("site2").toString());
    assertEquals(1, strict.code(), strict.toString());
  }

  @Test
  void anInputWithoutDatedChecklistsIsAnErrorThatNamesTheFolderThatHasThemAndWritesNothing(
      @TempDir Path dir) throws Exception {
    Path repository = Files.createDirectories(dir.resolve("repo"));
    Cli.copyChecklists(repository);
    Files.createDirectories(repository.resolve("docs"));
    Files.writeString(repository.resolve("docs/notes.txt"), "not a checklist\n");
    Path site = dir.resolve("site");
    assertEquals(
        0,
        Cli.run(
                "build",
                "--no-pdf",
                "--input",
                repository.resolve("checklists").toString(),
                "--output",
                site.toString())
            .code());
    Map<String, String> before = Trees.hashes(site);

    for (String strict : List.of("--no-pdf", "--strict")) {
      Cli.Result r =
          Cli.run("build", strict, "--input", repository.toString(), "--output", site.toString());
      assertEquals(1, r.code(), r.toString());
      assertEquals(
          List.of(
              repository
                  + ": error: holds no dated checklist (a YYYY-MM-DD.md file, in it or in a folder"
                  + " per project), so nothing was built and the output was left as it was; did you mean --input "
                  + repository
                  + "/checklists (8 dated checklists in 2 folders)? [NO_CHECKLISTS]"),
          r.err().lines().toList());
      assertTrue(
          r.out()
              .matches("not built: \\S+/site left as it was; 0 warnings, 1 error; \\d+\\.\\d s\n"),
          r.out());
      assertEquals(before, Trees.hashes(site), "the previous site is left as it was");
    }
    Cli.Result fresh =
        Cli.run(
            "build", "--input", repository.toString(), "--output", dir.resolve("new").toString());
    assertEquals(1, fresh.code());
    assertFalse(Files.exists(dir.resolve("new")), "no empty site is made");
  }

  @Test
  void anInputWhoseChecklistsAreAllUnusableSaysSoAndWritesNothing(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectories(dir.resolve("in/p"));
    Files.writeString(input.resolve("2026-01-05.md"), "");
    Cli.Result r =
        Cli.run(
            "build",
            "--input",
            input.getParent().toString(),
            "--output",
            dir.resolve("site").toString());
    assertEquals(1, r.code(), r.toString());
    assertEquals(
        List.of(
            input.getParent()
                + ": error: gave no review: none of its checklists could be used (each has"
                + " an error of its own), so nothing was built and the output was left as it was [NO_CHECKLISTS]",
            input
                + "/2026-01-05.md: error: is empty; write a checklist or remove the file [UNREADABLE]"),
        r.err().lines().toList());
    assertFalse(Files.exists(dir.resolve("site")));
  }

  @Test
  void namesAFileLevelProblemOfAnOlderReview(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Path older = input.resolve("orion/2026-03-02.md");
    Files.writeString(
        older, Files.readString(older).replace("owner: payments-team", "owner: [payments-team"));
    Cli.Result r =
        Cli.run(
            "build",
            "--no-pdf",
            "--input",
            input.toString(),
            "--output",
            dir.resolve("site").toString());
    assertEquals(0, r.code(), r.toString());
    List<String> err = r.err().lines().toList();
    int header = err.indexOf(input + "/orion/2026-03-02.md: 1 warning");
    assertTrue(header > 0, r.err());
    assertTrue(err.get(header + 1).matches(" +\\d+  FRONT_MATTER  .+"), r.err());
    // The content warnings of older reviews are still counted by folder.
    assertTrue(
        err.get(0).startsWith(input + "/mahavishnu: 46 warnings in 4 older reviews"), r.err());
  }

  @Test
  void strictIgnoresWarningsTurnedOffAndErrorCodesFailTheBuild(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in/p"));
    Files.writeString(
        input.resolve("2026-01-05.md"), "# P\n\n## 1. A ✅\n\n- [x] Done\n- [ ] Open\n");
    Path config = dir.resolve("readiness.yaml");
    Files.writeString(config, "warnings: {COMPLETE_WITH_OPEN: off}\n");
    Cli.Result off =
        Cli.run(
            "build",
            "--strict",
            "--no-pdf",
            "--input",
            input.getParent().toString(),
            "--output",
            dir.resolve("site").toString());
    assertEquals(0, off.code(), off.toString());
    assertTrue(off.out().contains("; 0 warnings, 0 errors;"), off.out());

    Files.writeString(config, "warnings: {COMPLETE_WITH_OPEN: error}\n");
    Cli.Result error =
        Cli.run(
            "build",
            "--no-pdf",
            "--input",
            input.getParent().toString(),
            "--output",
            dir.resolve("site").toString());
    assertEquals(1, error.code(), error.toString());
    assertTrue(error.out().contains("; 0 warnings, 1 error;"), error.out());
    assertTrue(
        error
            .err()
            .startsWith(
                input
                    + "/2026-01-05.md:3: error: \"1. A\" is marked complete but 1 of its"
                    + " 2 items is open"),
        error.err());
  }

  @Test
  void quietPrintsNothingButErrors(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.writeString(input.resolve("orion/2026-03-10.md"), "");
    Cli.Result r =
        Cli.run(
            "build",
            "--quiet",
            "--input",
            input.toString(),
            "--output",
            dir.resolve("site").toString());
    assertEquals(1, r.code(), r.toString());
    assertEquals("", r.out());
    List<String> err = r.err().lines().toList();
    assertEquals(1, err.size(), r.err());
    assertTrue(err.get(0).startsWith(input + "/orion/2026-03-10.md: error: "), r.err());
  }

  @Test
  void drawsAProgressBarOnlyWhenStderrIsATerminal(@TempDir Path dir) {
    Terminal stderrTty = new Terminal(false, true);
    Cli.Result bar =
        Cli.run(Cli.EPOCH, stderrTty, "build", "--output", dir.resolve("a").toString());
    assertEquals(0, bar.code(), bar.toString());
    assertTrue(bar.err().startsWith("\r["), bar.err());
    assertTrue(bar.err().contains("reading input"), bar.err());
    // The bar is cleared (carriage return, blanks, carriage return) before the warnings start.
    int cleared = bar.err().lastIndexOf('\r');
    assertTrue(bar.err().substring(0, cleared).endsWith(" "), bar.err());
    assertTrue(
        bar.err()
            .substring(cleared + 1)
            .startsWith("checklists/mahavishnu: 46 warnings in 4 older reviews"),
        bar.err());
    assertFalse(bar.out().contains("\r"), bar.out());

    Cli.Result quiet =
        Cli.run(Cli.EPOCH, stderrTty, "build", "--quiet", "--output", dir.resolve("b").toString());
    assertFalse(quiet.err().contains("\r"), quiet.err());
    Cli.Result pipe =
        Cli.run(
            Cli.EPOCH, new Terminal(true, false), "build", "--output", dir.resolve("c").toString());
    assertFalse(pipe.err().contains("\r"), pipe.err());
  }

  @Test
  void theBarFillsTowardsThePreviousBuildsFileCount(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("site");
    Files.createDirectories(output);
    Files.writeString(output.resolve(".readiness-manifest"), "a\nb\nc\nd\n");
    StringWriter sink = new StringWriter();
    try (ProgressBar bar = ProgressBar.start(new PrintWriter(sink), output, true)) {
      assertTrue(bar.line(0.25).endsWith("]       reading input  0.3 s"), bar.line(0.25));
      int[] written = {2};
      bar.rendering(
          dev.readiness.BuildPipeline.analyze(
              new BuildPipeline.Options(
                  Cli.CHECKLISTS,
                  "checklists",
                  dev.readiness.config.Settings.DEFAULTS,
                  null,
                  false,
                  1,
                  java.time.Clock.systemUTC())),
          () -> written[0]);
      assertEquals("[############............]  50%  writing 2 files  1.0 s", bar.line(1.0));
      written[0] = 4;
      assertEquals(
          "[#######################.]  99%  writing 4 files  1.5 s",
          bar.line(1.5), "never 100% before done");
      written[0] = 1;
      assertEquals("[######..................]  25%  writing 1 file  2.0 s", bar.line(2.0));
    }
  }

  @Test
  void dashOIsTheOutputAndCleanRendersEverythingAgain(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("public");
    Cli.Result first = Cli.run("build", "--no-pdf", "-o", site.toString());
    assertEquals(0, first.code(), first.toString());
    assertTrue(Files.isRegularFile(site.resolve("index.html")), first.toString());
    assertTrue(first.out().startsWith("built " + site + ": 2 projects, 8 reviews, "), first.out());

    Cli.Result again = Cli.run("build", "--no-pdf", "-o", site.toString());
    assertTrue(again.out().startsWith("up to date " + site + ": "), again.out());

    // A kept page is the previous build's file (same inode); --clean writes every page anew.
    Path page = site.resolve("projects/orion/index.html");
    Object before = Files.getAttribute(page, "unix:ino");
    Cli.Result clean = Cli.run("build", "--no-pdf", "--clean", "-o", site.toString());
    assertEquals(0, clean.code(), clean.toString());
    assertTrue(clean.out().startsWith("built " + site + ": 2 projects, 8 reviews, "), clean.out());
    assertFalse(
        before.equals(Files.getAttribute(page, "unix:ino")), "--clean rendered the page again");
    assertEquals(
        first.out().replaceAll("; [0-9.]+ s$", ""), clean.out().replaceAll("; [0-9.]+ s$", ""));
  }

  @Test
  void quietAndVerboseTogetherIsAUsageError(@TempDir Path dir) {
    Cli.Result r = Cli.run("build", "-q", "-v", "-o", dir.resolve("site").toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        List.of("readiness: --quiet and --verbose cannot be used together; pick one"),
        r.err().lines().toList());
    assertFalse(Files.exists(dir.resolve("site")));
  }
}
