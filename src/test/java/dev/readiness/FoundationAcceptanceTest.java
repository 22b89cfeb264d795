package dev.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readiness.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 2's acceptance through the command line: inspect the seed, build the bundled example. */
class FoundationAcceptanceTest {
  private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1773100800");

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(new Main(ENV), args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void inspectJsonGivesTheSeedsHandCounts() throws IOException {
    Run run =
        run(
            "inspect",
            Fixtures.resourcePath("seed/production-readiness-checklist.md").toString(),
            "--json");
    assertEquals(0, run.code(), run.err());
    JsonNode review = new ObjectMapper().readTree(run.out());
    assertEquals(39, review.get("done").asInt());
    assertEquals(184, review.get("total").asInt());
    assertEquals(21.2, review.get("percent").asDouble());
    assertEquals(52, review.get("statedScore").asInt());
    List<String> counts = new ArrayList<>();
    review
        .get("sections")
        .forEach(s -> counts.add(s.get("done").asInt() + "/" + s.get("total").asInt()));
    assertEquals(
        List.of("6/23", "12/18", "13/13", "5/19", "0/20", "0/20", "0/20", "3/21", "0/15", "0/15"),
        counts);
    List<String> codes = new ArrayList<>();
    review.get("warnings").forEach(w -> codes.add(w.get("code").asText()));
    assertTrue(
        codes.containsAll(
            List.of("STATED_DRIFT", "CHECKMARK_UNCHECKED", "COMPLETE_WITH_OPEN", "CONTRADICTION")));
    assertEquals(184, countItems(review));
  }

  private static int countItems(JsonNode review) {
    int n = 0;
    for (JsonNode s : review.get("sections")) {
      n += s.get("items").size();
    }
    return n;
  }

  @Test
  void inspectPrintsAReadableSummary() {
    Run run =
        run("inspect", Fixtures.resourcePath("seed/production-readiness-checklist.md").toString());
    assertEquals(0, run.code());
    assertTrue(run.out().contains("computed  39 of 184 items checked = 21.2%"), run.out());
    assertTrue(run.out().contains("stated    52/100 (drift −30.8)"), run.out());
  }

  @Test
  void buildWritesDataJsonForTheBundledExample(@TempDir Path out) throws IOException {
    Run run =
        run(
            "build",
            "--input",
            Fixtures.checklists().toString(),
            "--output",
            out.resolve("site").toString(),
            "--no-pdf",
            "--quiet");
    assertEquals(0, run.code(), run.err());
    JsonNode data = new ObjectMapper().readTree(Files.readString(out.resolve("site/data.json")));
    assertEquals("readiness " + Version.number(), data.get("generator").asText());
    assertEquals("2026-03-10T00:00:00Z", data.get("generatedAt").asText());
    JsonNode first = data.get("projects").get(0).get("reviews").get(0);
    assertEquals("2026-02-02", first.get("date").asText());
    assertEquals("mahavishnu/2026-02-02.md", first.get("source").asText());
    assertEquals(39, first.get("done").asInt());
    assertEquals(2, data.get("projects").size());
    assertEquals(4, data.get("projects").get(0).get("diffs").size());
  }

  @Test
  void exitsTwoWithOneLineForUsageErrors(@TempDir Path dir) throws IOException {
    Run missing = run("build", "--input", dir.resolve("nope").toString());
    assertEquals(2, missing.code());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    assertTrue(missing.err().contains("no such folder"));

    Run unknown = run("build", "--frobnicate");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().startsWith("readiness: unknown option '--frobnicate'"), unknown.err());

    Files.createDirectories(dir.resolve("in"));
    Files.writeString(dir.resolve("readiness.yaml"), "gate:\n  minPercnt: 80\n");
    Run config =
        run(
            "build",
            "--input",
            dir.resolve("in").toString(),
            "--output",
            dir.resolve("out").toString());
    assertEquals(2, config.code());
    assertTrue(
        config.err().contains("readiness.yaml:2: gate.minPercnt: unknown key"), config.err());
    assertTrue(!config.err().contains("Exception"), config.err());
  }

  @Test
  void exitsOneWhenFilesAreSkippedAndBuildsTheRest(@TempDir Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in/p"));
    Files.writeString(in.resolve("2026-01-05.md"), "## A\n- [x] a\n");
    Files.writeString(in.resolve("undated.md"), "## A\n- [x] a\n");
    Run run =
        run(
            "build",
            "--input",
            dir.resolve("in").toString(),
            "--output",
            dir.resolve("out").toString(),
            "--no-pdf");
    assertEquals(1, run.code());
    assertTrue(run.err().contains("undated.md: error: has no review date"), run.err());
    assertTrue(Files.exists(dir.resolve("out/data.json")));
  }

  @Test
  void refusesAnOutputFolderThatOverlapsTheInput(@TempDir Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in/p"));
    Files.writeString(in.resolve("2026-01-05.md"), "## A\n- [x] a\n");
    for (String output : List.of("in", "in/site", ".")) {
      Run run =
          run(
              "build",
              "--input",
              dir.resolve("in").toString(),
              "--output",
              dir.resolve(output).toString());
      assertEquals(2, run.code(), output + ": " + run.err());
      assertTrue(run.err().contains("overlaps --input"), run.err());
    }
    assertTrue(Files.exists(in.resolve("2026-01-05.md")));
  }

  @Test
  void pairsRewordedItemsWithinABudgetOnHugeSections() {
    StringBuilder before = new StringBuilder("## A\n");
    StringBuilder after = new StringBuilder("## A\n");
    for (int i = 0; i < 2_000; i++) {
      before.append("- [ ] old item ").append(i).append('\n');
      after.append("- [x] new item ").append(i).append('\n');
    }
    var diff =
        dev.readiness.analyze.DiffCalculator.diff(
            Fixtures.parse(before.toString()).snapshot(),
            Fixtures.parse(after.toString()).snapshot());
    assertEquals(2_000, diff.removed().size());
    assertEquals(2_000, diff.added().size());
    assertTrue(diff.reworded().isEmpty());
  }
}
