package dev.readiness.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.analyze.Analyzer;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.config.Settings;
import dev.readiness.model.Item;
import dev.readiness.model.Problem;
import dev.readiness.model.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputReaderTest {
  @TempDir Path input;

  private static final String BODY = "## Security\n- [x] RBAC configured\n- [ ] TLS everywhere\n";

  private Inventory read() throws IOException {
    return read(Settings.DEFAULTS);
  }

  private Inventory read(Settings settings) throws IOException {
    return new InputReader(settings.input().maxFileBytes(), settings.soleProject(), 2)
        .read(input, "in");
  }

  /** The projects' names as the analysis gives them: a name in the configuration wins. */
  private List<String> names(Settings settings) throws IOException {
    return new Analyzer(settings, LocalDate.of(2026, 3, 1))
        .analyze(read(settings), "in", "readiness test", Instant.EPOCH).projects().stream()
            .map(ProjectReport::name)
            .toList();
  }

  private void write(String relative, String text) throws IOException {
    Path file = input.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void reviewsOfOneProjectShareTheTextsTheyRepeat() throws IOException {
    Inventory inventory =
        new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 2)
            .read(Path.of("checklists"), "checklists");
    List<Snapshot> reviews = inventory.projects().get(0).reviews();
    Snapshot first = reviews.get(0);
    Snapshot second = reviews.get(1);
    int shared = 0;
    for (Item a : first.items()) {
      for (Item b : second.items()) {
        if (a.text().equals(b.text())) {
          assertSame(a.text(), b.text(), "one copy of: " + a.text());
          assertSame(a.markdown(), b.markdown(), "one copy of: " + a.markdown());
          shared++;
          break;
        }
      }
    }
    // A week later nearly every item reads as before (see docs/example-history.md).
    assertTrue(
        shared >= first.items().size() - 5,
        "shared " + shared + " of " + first.items().size() + " item texts");
    int sameSections = 0;
    for (int i = 0; i < Math.min(first.sections().size(), second.sections().size()); i++) {
      String a = first.sections().get(i).markdown();
      String b = second.sections().get(i).markdown();
      if (a.equals(b)) {
        assertSame(a, b);
        sameSections++;
      }
    }
    assertTrue(sameSections > 0, "no section kept its text");
  }

  @Test
  void readsOneFolderPerProjectWithReviewsOldestFirst() throws IOException {
    write("orion/2026-03-09.md", BODY);
    write("orion/2026-02-23-kickoff.md", BODY);
    write("Payments API/2026-01-05.md", BODY);
    write("README.md", "# not a checklist\n");
    write("orion/_draft.md", BODY);
    write("orion/notes.txt", "ignored");
    Inventory inv = read();
    assertEquals(
        List.of("orion", "payments-api"), inv.projects().stream().map(ProjectInput::slug).toList());
    ProjectInput orion = inv.projects().get(0);
    assertEquals(
        List.of(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 9)),
        orion.reviews().stream().map(Snapshot::date).toList());
    assertEquals("orion/2026-02-23-kickoff.md", orion.reviews().get(0).source());
    assertTrue(inv.problems().isEmpty(), inv.problems().toString());
  }

  @Test
  void makesOneProjectOfDatedFilesDirectlyInTheFolder() throws IOException {
    write("2026-02-02.md", "**Project**: Mahavishnu MCP Ecosystem\n" + BODY);
    write("2026-02-09.md", "**Project**: Mahavishnu MCP Ecosystem\n" + BODY);
    Inventory inv = read();
    assertEquals(1, inv.projects().size());
    assertEquals("mahavishnu-mcp-ecosystem", inv.projects().get(0).slug());
    assertEquals("Mahavishnu MCP Ecosystem", inv.projects().get(0).name());
    assertEquals(2, inv.projects().get(0).reviews().size());
  }

  @Test
  void takesTheSingleProjectSlugFromTheConfigurationFirst() throws IOException {
    write("2026-02-02.md", "**Project**: Something Else\n" + BODY);
    Settings settings =
        new Settings(
            Settings.Site.DEFAULTS,
            Map.of("orion", new Settings.ProjectSettings("Orion", null, null)),
            Settings.Gate.DEFAULTS,
            Settings.Pdf.DEFAULTS,
            Settings.Input.DEFAULTS);
    Inventory inv = read(settings);
    assertEquals("orion", inv.projects().get(0).slug());
    assertEquals(
        "Something Else", inv.projects().get(0).name(), "the reader names it as its files do");
    assertEquals(List.of("Orion"), names(settings), "the analysis applies the configured name");
  }

  @Test
  void namesProjectsByConfigThenFrontMatterThenProjectLineThenSlug() throws IOException {
    write(
        "a/2026-01-01.md", "---\nproject: From Front Matter\n---\n**Project**: From Line\n" + BODY);
    write("b/2026-01-01.md", "**Project**: Old Line\n" + BODY);
    write("b/2026-01-08.md", "**Project**: From Latest Line\n" + BODY);
    write("c/2026-01-01.md", BODY);
    write("d/2026-01-01.md", BODY);
    Settings settings =
        new Settings(
            Settings.Site.DEFAULTS,
            Map.of("d", new Settings.ProjectSettings("From Config", null, null)),
            Settings.Gate.DEFAULTS,
            Settings.Pdf.DEFAULTS,
            Settings.Input.DEFAULTS);
    assertEquals(
        List.of("From Front Matter", "From Latest Line", "c", "d"),
        read(settings).projects().stream().map(ProjectInput::name).toList());
    assertEquals(
        List.of("From Front Matter", "From Latest Line", "c", "From Config"), names(settings));
  }

  @Test
  void datesByFileNameThenFrontMatterThenDateLineAndWarnsOnMismatch() throws IOException {
    write("p/2026-03-09.md", "**Date**: 2026-03-08\n" + BODY);
    write("p/review-b.md", "---\ndate: 2026-03-16\n---\n**Date**: 2026-03-15\n" + BODY);
    write("p/review-c.md", "**Date**: 2026-03-23\n" + BODY);
    Inventory inv = read();
    assertEquals(
        List.of(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23)),
        inv.projects().get(0).reviews().stream().map(Snapshot::date).toList());
    assertEquals(
        List.of(
            new Problem(
                Problem.Severity.WARNING,
                "DATE_MISMATCH",
                "in/p/2026-03-09.md",
                1,
                "the document says 2026-03-08 but the file name says 2026-03-09; the file name wins, so correct one of them")),
        inv.problems());
  }

  @Test
  void reportsAndSkipsAFileWithoutADate() throws IOException {
    write("p/2026-03-09.md", BODY);
    write("p/undated.md", BODY);
    Inventory inv = read();
    assertEquals(1, inv.projects().get(0).reviews().size());
    assertEquals(1, inv.problems().size());
    Problem p = inv.problems().get(0);
    assertEquals("NO_DATE", p.code());
    assertEquals(Problem.Severity.ERROR, p.severity());
    assertEquals("in/p/undated.md", p.file());
  }

  @Test
  void reportsTwoReviewsOnOneDateNamingBothFiles() throws IOException {
    write("p/2026-03-09.md", BODY);
    write("p/2026-03-09-again.md", BODY);
    Inventory inv = read();
    assertEquals(
        List.of("p/2026-03-09-again.md"),
        inv.projects().get(0).reviews().stream().map(Snapshot::source).toList());
    Problem p = inv.problems().get(0);
    assertEquals("DUPLICATE_DATE", p.code());
    assertTrue(
        p.file().equals("in/p/2026-03-09.md") && p.message().contains("in/p/2026-03-09-again.md"),
        p.toString());
  }

  @Test
  void rejectsImpossibleDatesInFileNames() throws IOException {
    write("p/2026-02-30.md", BODY);
    write("p/2026-03-01.md", BODY);
    Inventory inv = read();
    assertEquals(1, inv.projects().get(0).reviews().size());
    assertEquals("BAD_DATE", inv.problems().get(0).code());
    assertEquals("in/p/2026-02-30.md", inv.problems().get(0).file());
  }

  @Test
  void reportsUnreadableFilesAndBuildsTheRest() throws IOException {
    write("p/2026-03-01.md", BODY);
    write("p/2026-03-02.md", "");
    Files.write(
        input.resolve("p/2026-03-03.md"), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
    Files.write(input.resolve("p/2026-03-04.md"), new byte[] {(byte) 0xFF, (byte) 0xFE, '#', 0});
    Files.write(input.resolve("p/2026-03-05.md"), new byte[] {'#', 0, 1, 2});
    write("p/2026-03-06.md", "x".repeat(2000));
    Inventory inv =
        read(
            new Settings(
                Settings.Site.DEFAULTS,
                Map.of(),
                Settings.Gate.DEFAULTS,
                Settings.Pdf.DEFAULTS,
                new Settings.Input(1024)));
    assertEquals(1, inv.projects().get(0).reviews().size());
    assertEquals(
        List.of(
            "in/p/2026-03-02.md: error: is empty; write a checklist or remove the file [UNREADABLE]",
            "in/p/2026-03-03.md:1: error: is not valid UTF-8; save it as UTF-8 [UNREADABLE]",
            "in/p/2026-03-04.md: error: is UTF-16 text; save it as UTF-8 [UNREADABLE]",
            "in/p/2026-03-05.md: error: is not text (it contains NUL bytes); checklists must be UTF-8 Markdown [UNREADABLE]",
            "in/p/2026-03-06.md: error: is 2.0 KiB, over the 1.0 KiB limit (input.maxFileBytes); split it or raise the limit [UNREADABLE]"),
        inv.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void publishesTwoFoldersWithTheSameSlugUnderDistinctSlugs() throws IOException {
    write("Orion/2026-03-09.md", BODY);
    write("orion/2026-03-09.md", BODY);
    Inventory inv = read();
    assertEquals(
        List.of("orion", "orion-2"), inv.projects().stream().map(ProjectInput::slug).toList());
    assertEquals("SLUG_CLASH", inv.problems().get(0).code());
  }

  @Test
  void refusesLinksThatLeaveTheInputFolder(@TempDir Path outside) throws IOException {
    write("p/2026-03-09.md", BODY);
    Files.writeString(outside.resolve("2026-03-10.md"), BODY);
    Files.createSymbolicLink(input.resolve("p/2026-03-10.md"), outside.resolve("2026-03-10.md"));
    Files.createSymbolicLink(input.resolve("elsewhere"), outside);
    Inventory inv = read();
    assertEquals(1, inv.projects().size());
    assertEquals(1, inv.projects().get(0).reviews().size());
    assertEquals(
        List.of("in/elsewhere", "in/p/2026-03-10.md"),
        inv.problems().stream().map(Problem::file).toList());
    assertTrue(inv.problems().stream().allMatch(p -> p.code().equals("OUTSIDE_INPUT")));
  }
}
