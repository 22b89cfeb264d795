package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void failsEveryProjectBelowTheDefaultGateAndNamesTheReasons() {
    Cli.Result r = Cli.run("check");
    assertEquals(1, r.code(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(
        lines.contains(
            "FAIL  mahavishnu  2026-03-09 (7 days ago)  52.7% (97/184), 2 open blockers, stated 80/100, 1 of 5 signed"),
        r.toString());
    assertTrue(lines.contains("      - 52.7% complete is below the minimum of 80%"), r.toString());
    assertTrue(lines.contains("      - 2 open blockers (at most 0 allowed)"), r.toString());
    assertTrue(
        lines.contains(
            "      - the stated score is 27.3 points from the computed percent (at most 10 allowed)"),
        r.toString());
    assertTrue(
        lines.contains(
            "FAIL  orion       2026-03-09 (7 days ago)  60% (6/10), 1 open blocker, stated 58/100"),
        r.toString());
    assertTrue(lines.contains("      - 60% complete is below the minimum of 80%"), r.toString());
    assertTrue(lines.contains("2 of 2 projects fail the gate"), r.toString());
    assertEquals("", r.err());
  }

  @Test
  void passesWhenEveryRuleHoldsAndExitsZero() {
    Cli.Result r =
        Cli.run("check", "--min-percent", "50", "--max-open-blockers", "2", "--max-drift", "none");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("PASS  mahavishnu  2026-03-09"), r.toString());
    assertTrue(r.out().contains("PASS  orion       2026-03-09"), r.toString());
    assertFalse(r.out().contains("FAIL"), r.toString());
    assertTrue(r.out().contains("all 2 projects pass the gate"), r.toString());
  }

  @Test
  void checksOneProjectWithAnInclusiveMinimum() {
    Cli.Result r =
        Cli.run("check", "--project", "orion", "--min-percent", "60", "--max-open-blockers", "1");
    assertEquals(0, r.code(), r.toString());
    assertTrue(
        r.out().startsWith("PASS  orion  2026-03-09 (7 days ago)  60% (6/10)"), r.toString());
    assertFalse(r.out().contains("mahavishnu"), r.toString());
  }

  @Test
  void failsOnOpenBlockersAlone() {
    Cli.Result r =
        Cli.run("check", "--project", "orion", "--min-percent", "0", "--max-drift", "none");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("FAIL  orion"), r.toString());
    assertEquals(
        List.of("      - 1 open blocker (at most 0 allowed)"),
        r.out().lines().filter(l -> l.startsWith("      - ")).toList(),
        r.toString());
  }

  @Test
  void failsOnDriftAlone() {
    // orion 2026-03-09: 60.0% computed, 58 stated: 2 points apart.
    Cli.Result r =
        Cli.run(
            "check",
            "--project",
            "orion",
            "--min-percent",
            "0",
            "--max-open-blockers",
            "5",
            "--max-drift",
            "1.5");
    assertEquals(1, r.code(), r.toString());
    assertEquals(
        List.of(
            "      - the stated score is 2 points from the computed percent (at most 1.5 allowed)"),
        r.out().lines().filter(l -> l.startsWith("      - ")).toList(),
        r.toString());

    Cli.Result within =
        Cli.run(
            "check",
            "--project",
            "orion",
            "--min-percent",
            "0",
            "--max-open-blockers",
            "5",
            "--max-drift",
            "2");
    assertEquals(0, within.code(), within.toString());
  }

  @Test
  void failsUnsignedReviewsWhenSignOffIsRequired() {
    Cli.Result r =
        Cli.run(
            "check",
            "--project",
            "mahavishnu",
            "--min-percent",
            "50",
            "--max-open-blockers",
            "2",
            "--max-drift",
            "none",
            "--require-signoff");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("FAIL  mahavishnu"), r.toString());
    assertEquals(
        List.of("      - 4 of 5 sign-off roles unsigned"),
        r.out().lines().filter(l -> l.startsWith("      - ")).toList(),
        r.toString());
    assertTrue(
        r.out()
            .contains(
                "gate: at least 50% complete, at most 2 open blockers, no limit on stated-score"
                    + " drift, every sign-off role signed"),
        r.toString());
  }

  @Test
  void takesTheGateFromTheConfigAndLetsOptionsWin(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.writeString(
        dir.resolve("readiness.yaml"),
        "gate: {minPercent: 50, maxOpenBlockers: 2, maxDrift: 30, requireSignoff: true}\n");

    Cli.Result fromConfig = Cli.run("check", "--input", input.toString());
    assertEquals(1, fromConfig.code(), fromConfig.toString());
    assertTrue(
        fromConfig.out().contains("      - 4 of 5 sign-off roles unsigned"), fromConfig.toString());
    assertTrue(
        fromConfig.out().contains("      - no sign-off section, and sign-off is required"),
        fromConfig.toString());

    Cli.Result overridden = Cli.run("check", "--input", input.toString(), "--no-require-signoff");
    assertEquals(0, overridden.code(), overridden.toString());
    assertTrue(
        overridden
            .out()
            .contains(
                "gate: at least 50% complete, at most 2 open blockers, stated score within"
                    + " 30 points of the computed percent, sign-off not required"),
        overridden.toString());

    Cli.Result stricter =
        Cli.run(
            "check", "--input", input.toString(), "--no-require-signoff", "--min-percent", "55");
    assertEquals(1, stricter.code(), stricter.toString());
    assertTrue(stricter.out().contains("FAIL  mahavishnu"), stricter.toString());
    assertTrue(
        stricter.out().contains("      - 52.7% complete is below the minimum of 55%"),
        stricter.toString());
    assertTrue(stricter.out().contains("PASS  orion"), stricter.toString());
    assertTrue(stricter.out().contains("1 of 2 projects fails the gate"), stricter.toString());
  }

  @Test
  void jsonHoldsTheFiguresOfDataJson(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    Cli.Result build = Cli.run("build", "--quiet", "--no-pdf", "--output", site.toString());
    assertEquals(0, build.code(), build.toString());
    JsonNode data = JSON.readTree(site.resolve("data.json").toFile());

    Cli.Result r = Cli.run("check", "--format", "json");
    assertEquals(1, r.code(), r.toString());
    JsonNode check = JSON.readTree(r.out());
    assertFalse(check.get("pass").asBoolean());
    assertEquals(data.get("gate"), check.get("gate"));
    assertEquals(data.get("generatedAt"), check.get("generatedAt"));
    assertEquals(2, check.get("projects").size());
    for (JsonNode project : check.get("projects")) {
      JsonNode expected = null;
      for (JsonNode p : data.get("projects")) {
        if (p.get("slug").equals(project.get("slug"))) {
          expected = p;
        }
      }
      assertTrue(expected != null, "project in data.json: " + project.get("slug"));
      assertEquals(expected.get("name"), project.get("name"));
      JsonNode latest = expected.get("reviews").get(expected.get("reviews").size() - 1);
      for (String key :
          List.of(
              "date",
              "source",
              "done",
              "total",
              "percent",
              "statedScore",
              "scoreDrift",
              "verdict")) {
        assertEquals(latest.get(key), project.get(key), project.get("slug") + " " + key);
      }
      assertEquals(latest.get("blockers").size(), project.get("openBlockers").asInt());
      for (int i = 0; i < latest.get("blockers").size(); i++) {
        for (String key : List.of("title", "detail", "firstSeen", "ageDays")) {
          assertEquals(
              latest.get("blockers").get(i).get(key), project.get("blockers").get(i).get(key));
        }
      }
    }
    JsonNode mahavishnu = check.get("projects").get(0);
    assertEquals("mahavishnu", mahavishnu.get("slug").asText());
    assertEquals(97, mahavishnu.get("done").asInt());
    assertEquals(184, mahavishnu.get("total").asInt());
    assertEquals(52.7, mahavishnu.get("percent").asDouble());
    assertEquals(1, mahavishnu.get("signOff").get("signed").asInt());
    assertEquals(5, mahavishnu.get("signOff").get("roles").asInt());
    assertEquals("Documentation", mahavishnu.get("blockers").get(0).get("title").asText());
    assertEquals(35, mahavishnu.get("blockers").get(0).get("ageDays").asInt());
  }

  @Test
  void jsonVerdictFollowsTheOptions() throws Exception {
    Cli.Result r =
        Cli.run(
            "check",
            "--format",
            "json",
            "--project",
            "orion",
            "--min-percent",
            "60",
            "--max-open-blockers",
            "1");
    assertEquals(0, r.code(), r.toString());
    JsonNode check = JSON.readTree(r.out());
    assertTrue(check.get("pass").asBoolean());
    assertEquals(60, check.get("gate").get("minPercent").asInt());
    assertEquals(1, check.get("projects").size());
    assertTrue(check.get("projects").get(0).get("verdict").get("pass").asBoolean());
    assertEquals(0, check.get("projects").get(0).get("verdict").get("reasons").size());
  }

  @Test
  void anUnknownProjectIsAUsageError() {
    Cli.Result r = Cli.run("check", "--project", "nope");
    assertEquals(2, r.code(), r.toString());
    assertEquals(
        List.of("readiness: no project \"nope\" in checklists; projects: mahavishnu, orion"),
        r.err().lines().toList());
    assertEquals("", r.out());
  }

  @Test
  void rejectsGateValuesOutOfRange() {
    Cli.Result percent = Cli.run("check", "--min-percent", "120");
    assertEquals(2, percent.code(), percent.toString());
    assertEquals(
        List.of("readiness: --min-percent must be between 0 and 100, not 120.0"),
        percent.err().lines().toList());

    Cli.Result drift = Cli.run("check", "--max-drift", "lots");
    assertEquals(2, drift.code(), drift.toString());
    assertTrue(drift.err().startsWith("readiness: --max-drift must be a number"), drift.toString());

    Cli.Result format = Cli.run("check", "--format", "yaml");
    assertEquals(2, format.code(), format.toString());
    assertEquals(1, format.err().lines().count(), format.toString());
    assertTrue(format.err().contains("--format"), format.toString());
  }

  @Test
  void unreadableFilesFailTheGate(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.write(input.resolve("orion/2026-03-10.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    Cli.Result r =
        Cli.run(
            "check",
            "--input",
            input.toString(),
            "--min-percent",
            "0",
            "--max-open-blockers",
            "5",
            "--max-drift",
            "none");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("all 2 projects pass the gate"), r.toString());
    assertTrue(r.err().contains("2026-03-10.md"), r.toString());
    assertTrue(
        r.err().contains("1 file could not be read, so the gate cannot vouch for them"),
        r.toString());
  }

  @Test
  void aGateForOneProjectReadsThatProjectOnly(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.write(input.resolve("orion/2026-03-10.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    Cli.Result mahavishnu =
        Cli.run(
            "check",
            "--input",
            input.toString(),
            "--project",
            "mahavishnu",
            "--min-percent",
            "0",
            "--max-open-blockers",
            "5",
            "--max-drift",
            "none");
    // Orion's unreadable file is not read, so it neither shows nor fails Mahavishnu's gate.
    assertEquals(0, mahavishnu.code(), mahavishnu.toString());
    assertEquals("", mahavishnu.err(), mahavishnu.toString());
    assertTrue(mahavishnu.out().contains("mahavishnu"), mahavishnu.toString());

    Cli.Result orion =
        Cli.run(
            "check",
            "--input",
            input.toString(),
            "--project",
            "orion",
            "--min-percent",
            "0",
            "--max-open-blockers",
            "5",
            "--max-drift",
            "none");
    assertEquals(1, orion.code(), orion.toString());
    assertTrue(orion.err().contains("orion/2026-03-10.md"), orion.toString());

    Cli.Result unknown = Cli.run("check", "--input", input.toString(), "--project", "nope");
    assertEquals(2, unknown.code(), unknown.toString());
    assertEquals(
        List.of("readiness: no project \"nope\" in " + input + "; projects: mahavishnu, orion"),
        unknown.err().lines().toList());
  }

  @Test
  void anInputWithoutReviewsFails(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("empty"));
    Cli.Result r = Cli.run("check", "--input", input.toString());
    assertEquals(1, r.code(), r.toString());
    assertEquals(
        List.of("readiness: no dated checklists in " + input + "; nothing to check"),
        r.err().lines().toList());
  }

  @Test
  void saysWhenTheLatestReviewIsDatedAfterToday(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.copy(input.resolve("orion/2026-03-09.md"), input.resolve("orion/2027-03-09.md"));
    Cli.Result r = Cli.run("check", "--input", input.toString(), "--project", "orion");
    List<String> lines = r.out().lines().toList();
    assertTrue(
        lines.get(0).startsWith("FAIL  orion  2027-03-09 (in 358 days)  60% (6/10)"), r.toString());
    assertTrue(
        lines.contains(
            "      ! "
                + input
                + "/orion/2027-03-09.md: warning: the file name dates this review"
                + " 2027-03-09, 358 days after the build date 2026-03-16; as the newest review it is the one the gate"
                + " measures, so correct the date (a mistyped year, or readiness new --date in the future?) [FUTURE_DATE]"),
        r.toString());

    JsonNode json =
        JSON.readTree(
                Cli.run(
                        "check",
                        "--input",
                        input.toString(),
                        "--project",
                        "orion",
                        "--format",
                        "json")
                    .out())
            .get("projects")
            .get(0);
    assertTrue(json.get("futureDate").asBoolean(), json.toString());
    assertEquals(-358, json.get("ageDays").asInt());
  }

  @Test
  void showsTheAgeOfTheLatestReviewAndFailsItWhenTooOld() throws Exception {
    Cli.Result within =
        Cli.run(
            "check",
            "--project",
            "orion",
            "--min-percent",
            "0",
            "--max-open-blockers",
            "1",
            "--max-review-age-days",
            "7");
    assertEquals(0, within.code(), within.toString());
    assertTrue(
        within.out().startsWith("PASS  orion  2026-03-09 (7 days ago)  60% (6/10)"),
        within.toString());

    Cli.Result stale =
        Cli.run(
            "check",
            "--project",
            "orion",
            "--min-percent",
            "0",
            "--max-open-blockers",
            "1",
            "--max-review-age-days",
            "6");
    assertEquals(1, stale.code(), stale.toString());
    assertEquals(
        List.of("      - the latest review is 7 days old (at most 6 days allowed); hold a review"),
        stale.out().lines().filter(l -> l.startsWith("      - ")).toList(),
        stale.toString());
    assertTrue(stale.out().contains(", latest review at most 6 days old"), stale.toString());
    JsonNode json =
        JSON.readTree(
            Cli.run("check", "--project", "orion", "--max-review-age-days", "6", "--format", "json")
                .out());
    assertEquals(6, json.get("gate").get("maxReviewAgeDays").asInt());
    assertEquals(7, json.get("projects").get(0).get("ageDays").asInt());
  }

  @Test
  void takesTheMaximumReviewAgeFromTheConfig(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.writeString(
        dir.resolve("readiness.yaml"),
        "gate: {minPercent: 0, maxOpenBlockers: 1, maxReviewAgeDays: 5}\n");
    Cli.Result r = Cli.run("check", "--input", input.toString(), "--project", "orion");
    assertEquals(1, r.code(), r.toString());
    assertTrue(
        r.out()
            .contains(
                "      - the latest review is 7 days old (at most 5 days allowed); hold a review"),
        r.toString());
    assertEquals(
        0,
        Cli.run(
                "check",
                "--input",
                input.toString(),
                "--project",
                "orion",
                "--max-review-age-days",
                "none")
            .code());
    assertEquals(2, Cli.run("check", "--max-review-age-days", "-1").code());
  }

  @Test
  void readsTheConfigurationInsideTheInputFolder(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.writeString(
        input.resolve("readiness.yaml"), "gate: {minPercent: 0, maxOpenBlockers: 5}\n");
    Cli.Result r = Cli.run("check", "--input", input.toString(), "--project", "orion");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
  }

  @Test
  void namesTheConfigurationInsideTheInputFolderWhenTheOneBesideWins(@TempDir Path dir)
      throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.writeString(
        input.resolve("readiness.yaml"), "gate: {minPercent: 0, maxOpenBlockers: 5}\n");
    Files.writeString(dir.resolve("readiness.yaml"), "gate: {minPercent: 100}\n");
    Cli.Result r = Cli.run("check", "--input", input.toString(), "--project", "orion");
    assertEquals(1, r.code(), r.toString());
    assertEquals(
        List.of(
            "readiness: note: "
                + input.resolve("readiness.yaml")
                + " is not used: "
                + dir.resolve("readiness.yaml")
                + " beside the input folder comes first; merge them into one"),
        r.err().lines().toList());
  }

  @Test
  void aWarningRaisedToAnErrorFailsTheGate(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.writeString(
        dir.resolve("readiness.yaml"),
        "gate: {minPercent: 0, maxOpenBlockers: 5}\nwarnings: {COMPLETE_WITH_OPEN: error}\n");
    Cli.Result r = Cli.run("check", "--input", input.toString(), "--project", "orion");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("PASS  orion"), r.toString());
    assertEquals(
        List.of(
            input
                + "/orion/2026-03-09.md:15: error: \"1. Security\" is marked complete but 1 of its 4"
                + " items is open (first: \"Penetration test report signed off\"); check the items or drop the complete"
                + " mark [COMPLETE_WITH_OPEN]",
            "readiness: 1 warning is an error by 'warnings:' in the configuration"),
        r.err().lines().toList());

    Files.writeString(
        dir.resolve("readiness.yaml"),
        "gate: {minPercent: 0, maxOpenBlockers: 5}\nwarnings: {COMPLETE_WITH_OPEN: off}\n");
    Cli.Result off = Cli.run("check", "--input", input.toString(), "--project", "orion");
    assertEquals(0, off.code(), off.toString());
    assertEquals("", off.err());
  }

  @Test
  void findsTheConfigurationBesideTheInputWhenRunFromInsideIt(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Files.writeString(
        dir.resolve("readiness.yaml"),
        "gate: {minPercent: 0, maxOpenBlockers: 5, maxDrift: null}\n");
    ProcessBuilder child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.awt.headless=true",
                "dev.readiness.cli.Main",
                "check",
                "--input",
                ".",
                "--project",
                "orion")
            .directory(input.toFile())
            .redirectErrorStream(true);
    child.environment().put("SOURCE_DATE_EPOCH", Cli.EPOCH.get("SOURCE_DATE_EPOCH"));
    Process process = child.start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.startsWith("PASS  orion"), output);
    assertTrue(
        output.contains(
            "gate: at least 0% complete, at most 5 open blockers, no limit on stated-score drift"),
        output);
  }
}
