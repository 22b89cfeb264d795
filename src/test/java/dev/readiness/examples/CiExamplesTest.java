package dev.readiness.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.readiness.Version;
import dev.readiness.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The CI recipes of examples/ci/ are YAML their CI reads, and every readiness command line in them
 * is one this version accepts: parsed with the real command line, so a renamed option fails here.
 */
class CiExamplesTest {
  private static final Path GITHUB = Path.of("examples/ci/github-actions.yml");
  private static final Path GITLAB = Path.of("examples/ci/gitlab-ci.yml");

  @Test
  void everyReadinessCommandLineIsValidForThisVersion() throws IOException {
    for (Path file : List.of(GITHUB, GITLAB)) {
      List<List<String>> commands = commands(load(file));
      List<String> names = new ArrayList<>();
      for (List<String> words : commands) {
        ParseResult parsed = parse(file, words);
        names.add(
            parsed.hasSubcommand()
                ? parsed.subcommand().commandSpec().name()
                : String.join(" ", words));
      }
      assertTrue(names.contains("check"), file + " runs the gate: " + names);
      assertTrue(names.contains("build"), file + " builds the site: " + names);
    }
  }

  @Test
  void theyInstallThisVersionsReleaseArchive() throws IOException {
    for (Path file : List.of(GITHUB, GITLAB)) {
      Map<String, Object> yaml = load(file);
      Map<String, Object> variables =
          map(yaml.containsKey("env") ? yaml.get("env") : yaml.get("variables"));
      assertEquals(
          Version.number(),
          variables.get("READINESS_VERSION"),
          file + ": update the recipes on a release");
      assertTrue(
          String.valueOf(variables.get("READINESS_URL"))
              .endsWith("/readiness-" + Version.number() + ".tar.gz"),
          file + ": " + variables.get("READINESS_URL"));
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertTrue(
          text.contains("curl -fsSL \"$READINESS_URL\" | tar -xz -C"),
          file + " unpacks the archive");
    }
  }

  @Test
  void githubPublishesAndCachesTheFolderItBuilds() throws IOException {
    Map<String, Object> jobs = map(load(GITHUB).get("jobs"));
    assertEquals(List.of("gate", "site", "deploy"), List.copyOf(jobs.keySet()));
    String output = buildOutput(GITHUB, map(jobs.get("site")));
    List<Map<String, Object>> steps = steps(map(jobs.get("site")));
    assertEquals(
        List.of(output, ".readiness-cache"),
        List.of(String.valueOf(with(steps, "actions/cache@").get("path")).strip().split("\n")),
        "the last build and the parse cache are cached");
    Map<String, Object> build =
        steps.stream()
            .filter(s -> String.valueOf(s.get("run")).contains("readiness build"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "${{ github.workspace }}/.readiness-cache",
        map(build.get("env")).get("READINESS_CACHE_DIR"),
        "the build keeps its parses in the cached folder");
    assertEquals(
        output,
        with(steps, "actions/upload-pages-artifact@").get("path"),
        "the build is published");
    assertTrue(
        String.valueOf(steps(map(jobs.get("deploy"))).get(0).get("uses"))
            .startsWith("actions/deploy-pages@"));
    assertEquals(
        Map.of("pages", "write", "id-token", "write"), map(jobs.get("deploy")).get("permissions"));
  }

  @Test
  void gitlabPublishesAndCachesTheFolderItBuilds() throws IOException {
    Map<String, Object> yaml = load(GITLAB);
    Map<String, Object> pages = map(yaml.get("pages"));
    String output = buildOutput(GITLAB, pages);
    assertEquals("public", output, "GitLab Pages publishes public/");
    assertEquals(List.of(output), map(pages.get("artifacts")).get("paths"));
    assertEquals(List.of(output + "/", ".readiness-cache/"), map(pages.get("cache")).get("paths"));
    assertEquals(
        "$CI_PROJECT_DIR/.readiness-cache",
        map(pages.get("variables")).get("READINESS_CACHE_DIR"),
        "the build keeps its parses in the cached folder");
    assertEquals("gate", map(yaml.get("readiness-gate")).get("stage"));
  }

  /** The --output of the one {@code readiness build} of a job. */
  private static String buildOutput(Path file, Map<String, Object> job) {
    List<String> outputs = new ArrayList<>();
    for (List<String> words : commands(job)) {
      ParseResult parsed = parse(file, words);
      if (parsed.hasSubcommand() && parsed.subcommand().commandSpec().name().equals("build")) {
        ParseResult build = parsed.subcommand();
        outputs.add(
            build.hasMatchedOption("--output")
                ? build.matchedOption("--output").<Object>getValue().toString()
                : "site");
      }
    }
    assertEquals(1, outputs.size(), file + ": one build: " + outputs);
    return outputs.get(0);
  }

  private static ParseResult parse(Path file, List<String> words) {
    assertEquals("readiness", words.get(0));
    try {
      return new CommandLine(new Main(Map.of()))
          .parseArgs(words.subList(1, words.size()).toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      return fail(file + ": '" + String.join(" ", words) + "' is not valid: " + e.getMessage());
    }
  }

  /** Every readiness command line in the strings of a YAML tree, as words. */
  static List<List<String>> commands(Object yaml) {
    List<List<String>> out = new ArrayList<>();
    collect(yaml, out);
    return out;
  }

  private static void collect(Object node, List<List<String>> out) {
    if (node instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, out));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collect(v, out));
    } else if (node instanceof String text) {
      for (String line : text.replaceAll("\\\\\\n\\s*", " ").split("\n")) {
        List<String> words = ShellWords.split(line);
        if (!words.isEmpty() && words.get(0).equals("readiness")) {
          out.add(words);
        }
      }
    }
  }

  private static Map<String, Object> load(Path file) throws IOException {
    return map(
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(file, StandardCharsets.UTF_8)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    assertTrue(node instanceof Map, "a mapping: " + node);
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(Map<String, Object> job) {
    return (List<Map<String, Object>>) job.get("steps");
  }

  private static Map<String, Object> with(List<Map<String, Object>> steps, String uses) {
    List<Map<String, Object>> found =
        steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith(uses)).toList();
    assertEquals(1, found.size(), uses);
    return map(found.get(0).get("with"));
  }

  @Test
  void findsCommandsThroughContinuationsQuotesAndRedirections() {
    List<List<String>> found =
        commands(
            Map.of(
                "run",
                "set -e\n  readiness build --output public \\\n"
                    + "    --base-url \"https://x/${{ a }}/\" > log # done\nreadiness check || true\necho readiness\n"));
    assertEquals(
        List.of(
            List.of(
                "readiness", "build", "--output", "public", "--base-url", "https://x/${{ a }}/"),
            List.of("readiness", "check")),
        found);
    assertFalse(commands(List.of("readinessx build")).iterator().hasNext());
  }
}
