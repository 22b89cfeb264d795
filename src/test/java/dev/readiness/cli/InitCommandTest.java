package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.analyze.Analyzer;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.model.Section;
import dev.readiness.model.Signature;
import dev.readiness.model.Snapshot;
import dev.readiness.read.InputReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 16); // Cli.EPOCH

  @Test
  void writesTodaysFirstReviewFromTheBundledTemplate(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("reviews");
    Cli.Result r = Cli.run("init", "--input", input.toString(), "--project", "billing");
    assertEquals(0, r.code(), r.toString());
    Path created = input.resolve("billing/2026-03-16.md");
    assertEquals(
        List.of(
            "created " + input + "/billing/2026-03-16.md from the bundled template",
            "  next review 2026-03-23 (every 7 days)",
            "  edit it, then: readiness build --input "
                + input
                + "; the next review: readiness new --project billing"),
        r.out().lines().toList());
    assertEquals("", r.err());

    InputReader.FileResult read =
        new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1)
            .readOne(created, "billing/2026-03-16.md");
    assertEquals(List.of(), read.problems(), "the template reads without a problem");
    Snapshot s = read.snapshot();
    assertEquals("billing — Production Readiness", s.title());
    assertEquals("billing", s.project());
    assertEquals(TODAY, s.date());
    assertEquals(TODAY, s.lastUpdated());
    assertEquals(TODAY.plusDays(7), s.nextReview());
    List<String> sections = new ArrayList<>();
    for (Section section : s.sections()) {
      sections.add(
          section.number()
              + " "
              + section.title()
              + " "
              + section.done()
              + "/"
              + section.total()
              + " stated "
              + section.statedPercent()
              + " "
              + section.declared().key());
    }
    assertEquals(
        List.of(
            "1 Security 0/6 stated 0.0 in-progress",
            "2 Reliability 0/5 stated 0.0 in-progress",
            "3 Observability 0/5 stated 0.0 in-progress",
            "4 Deployment & Rollback 0/5 stated 0.0 in-progress",
            "5 Data & Recovery 0/4 stated 0.0 in-progress",
            "6 Operations & Support 0/4 stated 0.0 in-progress",
            "7 Documentation & Compliance 0/4 stated 0.0 in-progress"),
        sections);
    assertEquals(0.0, s.statedScore());
    assertEquals(List.of(), s.blockers(), "\"None currently blocking\" is no blocker");
    assertEquals(
        List.of("Engineering Lead", "Operations Lead", "Security Lead", "Product Owner"),
        s.signOff().stream().map(Signature::role).toList());
    assertTrue(s.signOff().stream().noneMatch(Signature::signed));
    assertEquals(1, s.risks().size());

    // Analyzed on its date, the one warning is the expected one: nobody has signed yet.
    Review review =
        new Analyzer(Settings.DEFAULTS, TODAY).single(s, "billing/2026-03-16.md", read.problems());
    assertEquals(List.of("UNSIGNED"), review.warnings().stream().map(Problem::code).toList());
    assertEquals(0, review.done());
    assertEquals(33, review.total());

    Cli.Result build =
        Cli.run(
            "build", "--input", input.toString(), "--no-pdf", "-o", dir.resolve("site").toString());
    assertEquals(0, build.code(), build.toString());
    assertTrue(
        build.out().contains(": 1 project, 1 review, ")
            && build.out().contains("; 1 warning, 0 errors;"),
        build.out());
  }

  @Test
  void startsFromAFileWithItsDatesMovedToToday(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("checklists");
    Path from = Path.of("checklists/orion/2026-03-09.md");
    Cli.Result r =
        Cli.run(
            "init",
            "--input",
            input.toString(),
            "--project",
            "payments",
            "--from",
            from.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(
        r.out()
            .startsWith(
                "created "
                    + input
                    + "/payments/2026-03-16.md from checklists/orion/2026-03-09.md\n"),
        r.out());
    List<String> before = Files.readAllLines(from);
    List<String> after = Files.readAllLines(input.resolve("payments/2026-03-16.md"));
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(after.get(i));
      }
    }
    assertEquals(before.size(), after.size());
    assertEquals(
        List.of(
            "**Date**: 2026-03-16", "**Last Updated**: 2026-03-16", "**Next Review**: 2026-03-23"),
        changed);
  }

  @Test
  void neverOverwritesNorRestartsAProject(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Cli.Result started = Cli.run("init", "--input", input.toString(), "--project", "orion");
    assertEquals(1, started.code(), started.toString());
    assertEquals(
        List.of(
            "readiness: "
                + input
                + "/orion/2026-02-23.md exists, so orion has started already; start its"
                + " next review with: readiness new --project orion --input "
                + input),
        started.err().lines().toList());
    assertFalse(Files.exists(input.resolve("orion/2026-03-16.md")));

    // A file of the day that is not a checklist the reader takes (a draft) is still not
    // overwritten.
    Path draft = Files.createDirectories(input.resolve("fresh")).resolve("2026-03-16.md.draft");
    Files.writeString(draft, "mine");
    Files.writeString(input.resolve("fresh/README.md"), "about this project");
    assertEquals(0, Cli.run("init", "--input", input.toString(), "--project", "fresh").code());
    Path created = input.resolve("fresh/2026-03-16.md");
    String text = Files.readString(created);
    Cli.Result again = Cli.run("init", "--input", input.toString(), "--project", "fresh");
    assertEquals(1, again.code(), again.toString());
    assertEquals(text, Files.readString(created));
    assertEquals("mine", Files.readString(draft));
  }

  @Test
  void usageErrors(@TempDir Path dir) throws Exception {
    Cli.Result none = Cli.run("init");
    assertEquals(2, none.code(), none.toString());
    assertEquals(
        List.of(
            "readiness: Missing required option: '--project=SLUG' (see 'readiness init --help')"),
        none.err().lines().toList());

    Cli.Result slug = Cli.run("init", "--input", dir.toString(), "--project", "Orion Payments");
    assertEquals(2, slug.code(), slug.toString());
    assertEquals(
        List.of(
            "readiness: --project Orion Payments is not a slug; use lowercase letters, digits and -, e.g."
                + " orion-payments"),
        slug.err().lines().toList());

    Cli.Result from =
        Cli.run(
            "init",
            "--input",
            dir.toString(),
            "--project",
            "x",
            "--from",
            dir.resolve("no.md").toString());
    assertEquals(2, from.code(), from.toString());
    assertEquals(
        List.of("readiness: " + dir.resolve("no.md") + ": no such file"),
        from.err().lines().toList());

    Path file = Files.writeString(dir.resolve("a-file"), "");
    Cli.Result notFolder = Cli.run("init", "--input", file.toString(), "--project", "x");
    assertEquals(2, notFolder.code(), notFolder.toString());
    assertEquals(
        List.of(
            "readiness: " + file + " is a file; pass --input DIR, the folder for your checklists"),
        notFolder.err().lines().toList());
    try (var entries = Files.list(dir)) {
      assertEquals(List.of(file), entries.toList(), "nothing was written");
    }
  }
}
