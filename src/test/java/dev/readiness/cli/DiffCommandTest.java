package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OLD = "checklists/mahavishnu/2026-02-09.md";
  private static final String NEW = "checklists/mahavishnu/2026-02-16.md";

  /** The answer key of docs/example-history.md, "2026-02-09 → 2026-02-16". */
  @Test
  void showsTheDiffOfTheAnswerKey() {
    Cli.Result r = Cli.run("diff", OLD, NEW);
    assertEquals(0, r.code(), r.toString());
    String expected =
        """
        checklists/mahavishnu/2026-02-09.md → checklists/mahavishnu/2026-02-16.md
        review    2026-02-09 → 2026-02-16
        checked   58 → 66
        computed  31.4% → 35.7%  (+4.3)
        stated    58 → 63  (+5)

        done (9)
          2. Monitoring & Observability: Historical data visualization
          2. Monitoring & Observability: Alert status dashboard
          4. Performance & Scalability: Database connection pools sized
          5. Infrastructure & Deployment: Automated deployment process
          5. Infrastructure & Deployment: Kubernetes manifests ready
          5. Infrastructure & Deployment: Health checks configured
          7. Testing Quality: Critical paths tested
          7. Testing Quality: Tests passing consistently
          7. Testing Quality: Coverage reports generated

        reopened (1)
          5. Infrastructure & Deployment: Rollback procedures tested

        reworded (1)
          8. Operational Readiness: "Incident escalation paths defined" → "Incident escalation paths defined and documented"

        blockers resolved (2)
          CI/CD Pipeline
          Monitoring Dashboards
        """;
    assertEquals(expected, r.out());
    assertEquals("", r.err());
  }

  @Test
  void showsSectionRenamesRemovalsAndOpenedBlockers() {
    Cli.Result r = Cli.run("diff", NEW, "checklists/mahavishnu/2026-03-02.md");
    assertEquals(0, r.code(), r.toString());
    String out = r.out();
    assertTrue(
        out.contains("\nsections renamed (1)\n  6. Documentation → 6. Documentation & Runbooks\n"),
        out);
    assertTrue(
        out.contains(
            "\nremoved (1)\n  [ ] 5. Infrastructure & Deployment: Terraform scripts created (if applicable)\n"),
        out);
    assertTrue(out.contains("\nblockers opened (1)\n  Rollback Procedures\n"), out);
    assertTrue(out.contains("\nblockers resolved (1)\n  Load Testing\n"), out);
    assertTrue(out.contains("computed  35.7% → 45.1%  (+9.4)"), out);
    assertTrue(out.contains("\ndone (17)\n"), out);
  }

  @Test
  void showsAnItemAddedChecked() {
    Cli.Result r = Cli.run("diff", "checklists/mahavishnu/2026-02-02.md", OLD);
    assertEquals(0, r.code(), r.toString());
    assertTrue(
        r.out()
            .contains(
                "\nadded (1)\n  [x] 4. Performance & Scalability: Load test environment provisioned (staging-perf)\n"),
        r.out());
    assertTrue(r.out().contains("computed  21.2% → 31.4%  (+10.2)"), r.out());
  }

  @Test
  void saysSoWhenNothingChanged() {
    Cli.Result r = Cli.run("diff", NEW, NEW);
    assertEquals(0, r.code(), r.toString());
    assertTrue(
        r.out()
            .endsWith(
                "computed  35.7% → 35.7%  (±0)\nstated    63 → 63  (±0)\n\n"
                    + "no changes to items, sections or blockers\n"),
        r.out());
  }

  @Test
  void jsonIsTheDiffObjectOfDataJson(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    assertEquals(0, Cli.run("build", "--quiet", "--no-pdf", "--output", site.toString()).code());
    JsonNode data = JSON.readTree(site.resolve("data.json").toFile());
    JsonNode mahavishnu = data.get("projects").get(0);
    assertEquals("mahavishnu", mahavishnu.get("slug").asText());

    Cli.Result r = Cli.run("diff", OLD, NEW, "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode diff = JSON.readTree(r.out());
    assertEquals(mahavishnu.get("diffs").get(1), diff);
    assertEquals(4.3, diff.get("percentChange").asDouble());
    assertEquals("Rollback procedures tested", diff.get("reopened").get(0).get("text").asText());
    assertEquals(
        "Incident escalation paths defined and documented",
        diff.get("reworded").get(0).get("to").asText());
    assertEquals(
        List.of("CI/CD Pipeline", "Monitoring Dashboards"),
        List.of(
            diff.get("blockersResolved").get(0).asText(),
            diff.get("blockersResolved").get(1).asText()));

    JsonNode orion = data.get("projects").get(1);
    Cli.Result o =
        Cli.run(
            "diff",
            "checklists/orion/2026-03-02.md",
            "checklists/orion/2026-03-09.md",
            "--format",
            "json");
    assertEquals(orion.get("diffs").get(1), JSON.readTree(o.out()));
  }

  @Test
  void showsTheRowsOfStatusTablesWithPartialOnesMarked(@TempDir Path dir) throws Exception {
    Path old = dir.resolve("2026-03-02.md");
    Path now = dir.resolve("2026-03-09.md");
    java.nio.file.Files.writeString(
        old,
        """
        ## Readiness
        | Check | Status |
        |---|---|
        | Backups | ⚠️ |
        """);
    java.nio.file.Files.writeString(
        now,
        """
        ## Readiness
        | Check | Status |
        |---|---|
        | Backups | ✅ |
        | Alerts | 🟡 in progress |
        | Pager | ❌ |
        """);
    Cli.Result r = Cli.run("diff", old.toString(), now.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(
        r.out()
            .contains(
                """
        done (1)
          Readiness: Backups

        added (2)
          [~] Readiness: Alerts
          [ ] Readiness: Pager
        """),
        r.out());
    JsonNode diff =
        JSON.readTree(Cli.run("diff", old.toString(), now.toString(), "--format", "json").out());
    assertTrue(diff.get("added").get(0).get("partial").asBoolean());
    assertFalse(diff.get("added").get(1).get("partial").asBoolean());
    assertEquals(5, diff.get("added").get(0).get("line").asInt());

    JsonNode review = JSON.readTree(Cli.run("inspect", now.toString(), "--json").out());
    assertEquals(1, review.get("partial").asInt());
    assertEquals(1, review.get("sections").get(0).get("partial").asInt());
    JsonNode alerts = review.get("sections").get(0).get("items").get(1);
    assertEquals("table", alerts.get("kind").asText());
    assertTrue(alerts.get("partial").asBoolean());
    assertFalse(alerts.get("done").asBoolean());
  }

  @Test
  void coloursOnlyOnATerminalWithoutNoColor() {
    Terminal tty = new Terminal(true, true);
    Cli.Result coloured = Cli.run(Map.of(), tty, "diff", OLD, NEW);
    assertEquals(0, coloured.code());
    assertTrue(
        coloured
            .out()
            .contains(
                "  \u001b[31m5. Infrastructure & Deployment: Rollback procedures tested\u001b[0m\n"),
        coloured.out());
    assertTrue(coloured.out().contains("\u001b[32m(+4.3)\u001b[0m"), coloured.out());

    Cli.Result noColor = Cli.run(Map.of("NO_COLOR", "1"), tty, "diff", OLD, NEW);
    assertFalse(noColor.out().contains("\u001b"), noColor.out());
    assertEquals(Cli.run("diff", OLD, NEW).out(), noColor.out());

    Cli.Result pipe = Cli.run(Map.of(), Terminal.NONE, "diff", OLD, NEW);
    assertFalse(pipe.out().contains("\u001b"), pipe.out());

    // no-color.org: an empty NO_COLOR does not count as set.
    Cli.Result empty = Cli.run(Map.of("NO_COLOR", ""), tty, "diff", OLD, NEW);
    assertTrue(empty.out().contains("\u001b["), empty.out());

    Cli.Result check = Cli.run(Map.of("NO_COLOR", "yes"), tty, "check");
    assertFalse(check.out().contains("\u001b"), check.out());
    Cli.Result checkColoured = Cli.run(Map.of(), tty, "check");
    assertTrue(checkColoured.out().contains("\u001b[31mFAIL\u001b[0m"), checkColoured.out());
  }

  @Test
  void aMissingFileIsAUsageError() {
    Cli.Result r = Cli.run("diff", OLD, "checklists/mahavishnu/2099-01-01.md");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        List.of("readiness: checklists/mahavishnu/2099-01-01.md: no such file"),
        r.err().lines().toList());
  }

  @Test
  void needsTwoFiles() {
    Cli.Result r = Cli.run("diff", OLD);
    assertEquals(2, r.code(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().contains("NEW.md"), r.toString());
  }

  @Test
  void projectComparesItsTwoLatestReviewsAsTheFilesWould() {
    Cli.Result files =
        Cli.run("diff", "checklists/orion/2026-03-02.md", "checklists/orion/2026-03-09.md");
    Cli.Result project = Cli.run("diff", "--project", "orion");
    assertEquals(0, project.code(), project.toString());
    assertEquals(files.out(), project.out());
    assertTrue(
        project
            .out()
            .startsWith("checklists/orion/2026-03-02.md → checklists/orion/2026-03-09.md\n"),
        project.out());
    assertEquals("", project.err());
    assertEquals(
        Cli.run(
                "diff",
                "checklists/orion/2026-03-02.md",
                "checklists/orion/2026-03-09.md",
                "--format",
                "json")
            .out(),
        Cli.run("diff", "--project", "orion", "--format", "json").out());
  }

  @Test
  void projectNeedsTwoReviewsAndNoFiles(@TempDir Path dir) throws Exception {
    Path input = java.nio.file.Files.createDirectories(dir.resolve("in/solo"));
    java.nio.file.Files.copy(
        Path.of("checklists/orion/2026-03-09.md"), input.resolve("2026-03-09.md"));
    Cli.Result one = Cli.run("diff", "--input", input.getParent().toString(), "--project", "solo");
    assertEquals(2, one.code(), one.toString());
    assertEquals(
        List.of(
            "readiness: solo has one review (2026-03-09, "
                + input.getParent()
                + "/solo/2026-03-09.md);"
                + " a diff needs two"),
        one.err().lines().toList());

    Cli.Result both = Cli.run("diff", OLD, "--project", "orion");
    assertEquals(2, both.code(), both.toString());
    assertEquals(
        List.of("readiness: pass either two files or --project SLUG, not both"),
        both.err().lines().toList());

    Cli.Result none = Cli.run("diff");
    assertEquals(2, none.code(), none.toString());
    assertEquals(
        List.of(
            "readiness: diff needs two files, OLD.md NEW.md, or --project SLUG for a project's two latest"
                + " reviews"),
        none.err().lines().toList());

    Cli.Result unknown = Cli.run("diff", "--project", "orio");
    assertEquals(2, unknown.code(), unknown.toString());
    assertEquals(
        List.of("readiness: no project \"orio\" in checklists; projects: mahavishnu, orion"),
        unknown.err().lines().toList());
  }
}
