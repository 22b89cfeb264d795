package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.config.Settings;
import dev.readiness.model.Snapshot;
import dev.readiness.read.InputReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {
  @Test
  void copiesTheLatestReviewWithItsDatesMovedOn(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    // SOURCE_DATE_EPOCH is 2026-03-16: the default date.
    Cli.Result r = Cli.run("new", "--input", input.toString(), "--project", "mahavishnu");
    assertEquals(0, r.code(), r.toString());
    Path created = input.resolve("mahavishnu/2026-03-16.md");
    assertTrue(Files.isRegularFile(created), r.toString());
    assertEquals(
        "created "
            + input
            + "/mahavishnu/2026-03-16.md from "
            + input
            + "/mahavishnu/2026-03-09.md",
        r.out().lines().findFirst().orElseThrow());
    assertTrue(r.out().contains("next review 2026-03-23 (every 7 days)"), r.out());
    assertTrue(r.out().contains("97 of 184 checked"), r.out());

    List<String> before = Files.readAllLines(input.resolve("mahavishnu/2026-03-09.md"));
    List<String> after = Files.readAllLines(created);
    assertEquals(before.size(), after.size());
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add((i + 1) + ": " + after.get(i));
      }
    }
    assertEquals(
        List.of(
            "4: **Date**: 2026-03-16",
            "532: **Last Updated**: 2026-03-16",
            "533: **Next Review**: 2026-03-23"),
        changed);

    InputReader reader = new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1);
    Snapshot copy = reader.readOne(created, "copy").snapshot();
    Snapshot original =
        reader.readOne(input.resolve("mahavishnu/2026-03-09.md"), "original").snapshot();
    assertEquals(LocalDate.of(2026, 3, 16), copy.date());
    assertEquals(LocalDate.of(2026, 3, 23), copy.nextReview());
    assertEquals(LocalDate.of(2026, 3, 16), copy.lastUpdated());
    assertEquals(97, copy.done());
    assertEquals(184, copy.total());
    assertEquals(
        original.items().stream().map(i -> i.text() + i.done()).toList(),
        copy.items().stream().map(i -> i.text() + i.done()).toList());
  }

  @Test
  void refusesToOverwriteAndExitsOne(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    assertEquals(
        0,
        Cli.run("new", "--input", input.toString(), "--project", "orion", "--date", "2026-03-16")
            .code());
    Path created = input.resolve("orion/2026-03-16.md");
    Files.writeString(created, "edited by hand\n");

    Cli.Result again =
        Cli.run("new", "--input", input.toString(), "--project", "orion", "--date", "2026-03-16");
    assertEquals(1, again.code(), again.toString());
    assertEquals(
        List.of(
            "readiness: "
                + input
                + "/orion/2026-03-16.md already exists for 2026-03-16; not overwriting it"
                + " (edit that file, or pass --date for another day)"),
        again.err().lines().toList());
    assertEquals("edited by hand\n", Files.readString(created));
  }

  @Test
  void refusesADayThatAlreadyHasAReviewUnderAnotherName(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.copy(input.resolve("orion/2026-03-09.md"), input.resolve("orion/2026-03-20-draft.md"));
    Cli.Result r =
        Cli.run("new", "--input", input.toString(), "--project", "orion", "--date", "2026-03-20");
    assertEquals(1, r.code(), r.toString());
    assertTrue(
        r.err().contains("orion/2026-03-20-draft.md already exists for 2026-03-20"), r.err());
    assertFalse(Files.exists(input.resolve("orion/2026-03-20.md")));
  }

  @Test
  void keepsTheFrontMatterAndUsesThePreviousCadence(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Path latest = input.resolve("orion/2026-03-09.md");
    Files.writeString(
        latest,
        Files.readString(latest)
            .replace("**Next Review**: 2026-03-16", "**Next Review**: 2026-03-23"));
    Cli.Result r =
        Cli.run("new", "--input", input.toString(), "--project", "orion", "--date", "2026-03-23");
    assertEquals(0, r.code(), r.toString());
    String text = Files.readString(input.resolve("orion/2026-03-23.md"), StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith("---\nproject: Orion Payments Gateway\nowner: payments-team\n---\n"), text);
    assertTrue(text.contains("\n**Next Review**: 2026-04-06\n"), text);
    assertTrue(r.out().contains("next review 2026-04-06 (every 14 days)"), r.out());
  }

  @Test
  void needsAProjectWhenThereAreSeveralAndADateAfterTheLatest(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Cli.Result which = Cli.run("new", "--input", input.toString());
    assertEquals(2, which.code(), which.toString());
    assertEquals(
        List.of(
            "readiness: "
                + input
                + " holds 2 projects; pick one with --project SLUG (mahavishnu, orion)"),
        which.err().lines().toList());

    Cli.Result early =
        Cli.run("new", "--input", input.toString(), "--project", "orion", "--date", "2026-03-01");
    assertEquals(2, early.code(), early.toString());
    assertEquals(1, early.err().lines().count(), early.toString());
    assertTrue(
        early.err().contains("must be dated after orion's latest review (2026-03-09"),
        early.toString());

    Cli.Result bad =
        Cli.run("new", "--input", input.toString(), "--project", "orion", "--date", "16/03/2026");
    assertEquals(2, bad.code(), bad.toString());
    assertEquals(
        List.of("readiness: --date must be a date like 2026-03-16, not \"16/03/2026\""),
        bad.err().lines().toList());
    try (var files = Files.list(input.resolve("orion"))) {
      assertEquals(3, files.count(), "nothing written");
    }
  }

  @Test
  void saysWhenTheNewReviewIsDatedAfterToday(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Cli.Result r =
        Cli.run("new", "--input", input.toString(), "--project", "orion", "--date", "2027-03-16");
    assertEquals(0, r.code(), r.toString());
    assertTrue(
        r.out()
            .contains(
                "  note     2027-03-16 is after today (2026-03-16): until then this review is dated in"
                    + " the future (FUTURE_DATE), and it is the one check measures"),
        r.toString());
    Cli.Result tomorrow =
        Cli.run(
            "new", "--input", input.toString(), "--project", "mahavishnu", "--date", "2026-03-17");
    assertFalse(tomorrow.out().contains("note"), tomorrow.toString());
  }
}
