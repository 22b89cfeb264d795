package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readiness.read.git.GitFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --git FILE}, {@code sources:} and {@code --git-worktree} on the commands (docs/git.md).
 */
class GitCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "docs/PRODUCTION_READINESS.md";

  @TempDir Path tmp;

  /**
   * A checklist of one section of {@code total} items, the first {@code done} checked, and a
   * blocker.
   */
  static String checklist(int done, int total) {
    StringBuilder s =
        new StringBuilder(
            "# Payments readiness\n\n**Project**: Payments Gateway\n\n## 1. Security\n\n");
    for (int i = 1; i <= total; i++) {
      s.append(i <= done ? "- [x] " : "- [ ] ").append("Item ").append(i).append('\n');
    }
    return s.append("\n## Blockers\n\n- **Alert routing** - pager not wired\n").toString();
  }

  /**
   * The payments repository: reviews on 03-02 (two commits), 03-09 and 03-16, and commits
   * elsewhere.
   */
  private List<RevCommit> payments(GitFixture repo) throws Exception {
    List<RevCommit> commits = new ArrayList<>();
    repo.commit("2026-03-02 09:00", "Ann", FILE, checklist(1, 10));
    commits.add(repo.commit("2026-03-02 16:00", "Ann Lee", FILE, checklist(2, 10)));
    repo.commit("2026-03-05 10:00", "Bob", "README.md", "# Payments\n");
    commits.add(repo.commit("2026-03-09 10:00", "Bob Ray", FILE, checklist(5, 10)));
    commits.add(repo.commit("2026-03-16 10:00", "Cat Doe", FILE, checklist(9, 10)));
    return commits;
  }

  private static JsonNode data(Path site) throws Exception {
    return JSON.readTree(site.resolve("data.json").toFile());
  }

  private static JsonNode project(JsonNode data, String slug) {
    for (JsonNode p : data.get("projects")) {
      if (p.get("slug").asText().equals(slug)) {
        return p;
      }
    }
    throw new AssertionError("no project " + slug + " in " + data.get("projects"));
  }

  @Test
  void buildsBothKindsWithProvenanceInDataJsonAndOnTheReviewPage() throws Exception {
    Path input = Cli.copyChecklists(tmp);
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      List<RevCommit> commits = payments(repo);
      Files.writeString(
          tmp.resolve("readiness.yaml"),
          "commitUrl: https://git.example.com/payments/commit/{commit}\n");
      Path site = tmp.resolve("site");

      Cli.Result r =
          Cli.run(
              "build",
              "--input",
              input.toString(),
              "--git",
              repo.dir().resolve(FILE).toString(),
              "--output",
              site.toString(),
              "--no-pdf");

      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().startsWith("built " + site + ": 3 projects, 11 reviews,"), r.out());
      JsonNode payments = project(data(site), "payments");
      assertEquals("Payments Gateway", payments.get("name").asText());
      JsonNode reviews = payments.get("reviews");
      assertEquals(3, reviews.size());
      JsonNode first = reviews.get(0);
      String shown = repo.dir().resolve(FILE).toString();
      assertEquals("2026-03-02", first.get("date").asText());
      assertEquals(
          shown + "@" + commits.get(0).name().substring(0, 7), first.get("source").asText());
      assertEquals(commits.get(0).name(), first.get("commit").asText());
      assertEquals("Ann Lee", first.get("author").asText());
      assertEquals(
          "https://git.example.com/payments/commit/" + commits.get(0).name(),
          first.get("commitUrl").asText());
      assertEquals(2, first.get("done").asInt());
      assertEquals(
          List.of(2, 5, 9),
          List.of(
              reviews.get(0).get("done").asInt(),
              reviews.get(1).get("done").asInt(),
              reviews.get(2).get("done").asInt()));
      assertEquals("2026-03-02", reviews.get(2).get("blockers").get(0).get("firstSeen").asText());
      JsonNode diff = payments.get("diffs").get(1);
      assertEquals(4, diff.get("done").size(), diff.toString());
      JsonNode orion = project(data(site), "orion").get("reviews").get(0);
      assertFalse(orion.has("commit"), "a file's review has no commit");

      Document page =
          Jsoup.parse(site.resolve("projects/payments/2026-03-09/index.html").toFile(), "UTF-8");
      String id = commits.get(1).name();
      assertEquals(
          "https://git.example.com/payments/commit/" + id,
          page.select("p.meta a[href*=/commit/]").attr("href"));
      assertEquals(id.substring(0, 7), page.select("p.meta a[href*=/commit/] code").text());
      assertTrue(
          page.select("p.meta").text().contains("Commit " + id.substring(0, 7) + " by Bob Ray"),
          page.select("p.meta").text());
    }
  }

  @Test
  void sourcesInTheConfigurationNameTheProjectRelativeToTheFile() throws Exception {
    Path input = Cli.copyChecklists(tmp);
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      payments(repo);
      Files.writeString(
          tmp.resolve("readiness.yaml"),
          "sources:\n  - git: payments/"
              + FILE
              + "\n    project: gateway\ntimezone: Europe/Berlin\n");
      Path site = tmp.resolve("site");

      Cli.Result r =
          Cli.run("build", "--input", input.toString(), "--output", site.toString(), "--no-pdf");

      assertEquals(0, r.code(), r.toString());
      JsonNode gateway = project(data(site), "gateway");
      assertEquals(3, gateway.get("reviews").size());
      assertEquals(null, gateway.get("reviews").get(0).get("commitUrl").textValue());
    }
  }

  @Test
  void upToDateUntilACommitTouchesTheFile() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      payments(repo);
      Path site = tmp.resolve("site");
      String[] build = {
        "build",
        "--input",
        Cli.copyChecklists(tmp).toString(),
        "--git",
        repo.dir().resolve(FILE).toString(),
        "--output",
        site.toString(),
        "--no-pdf"
      };
      assertEquals(0, Cli.run(build).code());

      assertTrue(Cli.run(build).out().startsWith("up to date "), "nothing moved");
      repo.commit("2026-03-17 10:00", "Bob", "README.md", "# Payments, again\n");
      assertTrue(
          Cli.run(build).out().startsWith("up to date "), "a commit elsewhere changes no review");
      Path older = site.resolve("projects/payments/2026-03-09/index.html");
      Object inode = Files.getAttribute(older, "unix:ino", java.nio.file.LinkOption.NOFOLLOW_LINKS);
      repo.commit("2026-03-18 10:00", "Cat", FILE, checklist(10, 10));
      Cli.Result r = Cli.run(build);

      assertTrue(r.out().startsWith("built "), r.out());
      assertEquals(4, project(data(site), "payments").get("reviews").size());
      assertEquals(
          inode,
          Files.getAttribute(older, "unix:ino", java.nio.file.LinkOption.NOFOLLOW_LINKS),
          "an older review's page from git is kept as it was");
    }
  }

  @Test
  void checkGatesTheLatestCommit() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      payments(repo);
      String file = repo.dir().resolve(FILE).toString();

      Cli.Result fails =
          Cli.run(
              "check",
              "--input",
              Cli.copyChecklists(tmp).toString(),
              "--git",
              file,
              "--project",
              "payments",
              "--format",
              "json");
      Cli.Result passes =
          Cli.run(
              "check",
              "--git",
              file,
              "--project",
              "payments",
              "--min-percent",
              "90",
              "--max-open-blockers",
              "1");

      assertEquals(1, fails.code(), fails.toString());
      JsonNode gate = JSON.readTree(fails.out());
      assertEquals(90.0, gate.get("projects").get(0).get("percent").asDouble(), fails.out());
      assertEquals(0, passes.code(), passes.toString());
    }
  }

  @Test
  void anUnknownProjectListsTheGitProjectsToo() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      payments(repo);

      Cli.Result r =
          Cli.run(
              "pdf",
              "--input",
              Cli.copyChecklists(tmp).toString(),
              "--git",
              repo.dir().resolve(FILE).toString(),
              "--project",
              "ledger");

      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().strip().endsWith("; projects: mahavishnu, orion, payments"), r.err());
    }
  }

  @Test
  void diffComparesTheTwoLatestReviews() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      List<RevCommit> commits = payments(repo);
      Path file = repo.dir().resolve(FILE);

      Cli.Result r = Cli.run("diff", "--git", file.toString(), "--format", "json");
      Files.writeString(file, checklist(10, 10));
      Cli.Result draft = Cli.run("diff", "--git", file.toString(), "--git-worktree");

      assertEquals(0, r.code(), r.toString());
      JsonNode diff = JSON.readTree(r.out());
      assertEquals("2026-03-09", diff.get("from").asText());
      assertEquals("2026-03-16", diff.get("to").asText());
      assertEquals(4, diff.get("done").size(), r.out());
      assertEquals(0, draft.code(), draft.toString());
      // The draft is today's review (SOURCE_DATE_EPOCH: 2026-03-16) in place of today's commit.
      assertTrue(
          draft
              .out()
              .startsWith(
                  file
                      + "@"
                      + commits.get(1).name().substring(0, 7)
                      + " → "
                      + file
                      + "@worktree\nreview    2026-03-09 → 2026-03-16\nchecked   5 → 10\n"),
          draft.out());
    }
  }

  @Test
  void pdfShowsTheCommitAndItsAuthor() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      List<RevCommit> commits = payments(repo);
      Path pdf = tmp.resolve("review.pdf");
      Files.writeString(
          tmp.resolve("readiness.yaml"),
          "commitUrl: https://git.example.com/payments/commit/{commit}\n");

      Cli.Result r =
          Cli.run(
              "pdf",
              "--config",
              tmp.resolve("readiness.yaml").toString(),
              "--git",
              repo.dir().resolve(FILE).toString(),
              "--project",
              "payments",
              "--date",
              "2026-03-09",
              "-o",
              pdf.toString());

      assertEquals(0, r.code(), r.toString());
      String text = pdfText(pdf);
      assertTrue(text.contains(commits.get(1).name().substring(0, 7) + " by Bob Ray"), text);
      assertEquals(
          List.of("https://git.example.com/payments/commit/" + commits.get(1).name()),
          links(pdf, 1));
    }
  }

  /** The web addresses the links on a page of a PDF go to. */
  private static List<String> links(Path pdf, int page) throws Exception {
    List<String> uris = new ArrayList<>();
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.toString());
    try {
      com.lowagie.text.pdf.PdfArray annots =
          reader.getPageN(page).getAsArray(com.lowagie.text.pdf.PdfName.ANNOTS);
      for (int i = 0; annots != null && i < annots.size(); i++) {
        com.lowagie.text.pdf.PdfDictionary annot = annots.getAsDict(i);
        com.lowagie.text.pdf.PdfDictionary action = annot.getAsDict(com.lowagie.text.pdf.PdfName.A);
        if (action != null && action.get(com.lowagie.text.pdf.PdfName.URI) != null) {
          uris.add(
              ((com.lowagie.text.pdf.PdfString)
                      com.lowagie.text.pdf.PdfReader.getPdfObject(
                          action.get(com.lowagie.text.pdf.PdfName.URI)))
                  .toUnicodeString());
        }
      }
    } finally {
      reader.close();
    }
    return uris.stream().distinct().toList();
  }

  private static String pdfText(Path pdf) throws Exception {
    Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return text;
  }

  @Test
  void twoSourcesLeftWithOneSlugAreAUsageErrorNamingBoth() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      payments(repo);
      repo.commit("2026-03-20 10:00", "Ann", "ops/LAUNCH.md", checklist(1, 2));
      Files.writeString(
          tmp.resolve("readiness.yaml"),
          "sources:\n  - git: payments/"
              + FILE
              + "\n    project: payments\n  - git: payments/ops/LAUNCH.md\n    project: payments\n");

      Cli.Result r =
          Cli.run(
              "build",
              "--config",
              tmp.resolve("readiness.yaml").toString(),
              "--input",
              Cli.copyChecklists(tmp).toString(),
              "--output",
              tmp.resolve("site").toString());

      assertEquals(2, r.code(), r.toString());
      String config = tmp.resolve("readiness.yaml").toString();
      assertTrue(
          r.err()
              .startsWith(
                  "readiness: "
                      + config
                      + ":2: "
                      + repo.dir().resolve(FILE)
                      + " and "
                      + config
                      + ":4: "
                      + repo.dir().resolve("ops/LAUNCH.md")
                      + " are both project \"payments\""),
          r.err());
    }
  }

  @Test
  void aFileOutsideAnyRepositoryIsAUsageError() throws Exception {
    Path file = Files.createDirectories(tmp.resolve("loose")).resolve("PRR.md");
    Files.writeString(file, checklist(1, 2));

    Cli.Result r =
        Cli.run("build", "--git", file.toString(), "--output", tmp.resolve("site").toString());

    assertEquals(2, r.code(), r.toString());
    assertEquals(
        "readiness: --git "
            + file
            + " is not inside a git working tree (no .git in its folder or any folder"
            + " above it); --git reads a checklist's history from its repository",
        r.err().strip());
  }

  @Test
  void theOutputMayNotHoldTheRepository() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      payments(repo);

      Cli.Result r =
          Cli.run(
              "build",
              "--git",
              repo.dir().resolve(FILE).toString(),
              "--output",
              repo.dir().toString());

      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("holds the git checklist"), r.err());
    }
  }

  @Test
  void worktreeWithoutAGitChecklistIsAUsageError() {
    Cli.Result r = Cli.run("check", "--git-worktree");

    assertEquals(2, r.code(), r.toString());
    assertTrue(
        r.err().startsWith("readiness: --git-worktree shows uncommitted edits of git checklists"),
        r.err());
  }

  @Test
  void aDraftIsMarkedOnItsPage() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      payments(repo);
      repo.write(FILE, checklist(10, 10));
      Path site = tmp.resolve("site");

      Cli.Result r =
          Cli.run(
              "build",
              "--input",
              Cli.copyChecklists(tmp).toString(),
              "--git",
              repo.dir().resolve(FILE).toString(),
              "--git-worktree",
              "--output",
              site.toString(),
              "--no-pdf");

      assertEquals(0, r.code(), r.toString());
      JsonNode reviews = project(data(site), "payments").get("reviews");
      assertEquals(3, reviews.size(), "the draft stands for today's commit");
      JsonNode latest = reviews.get(2);
      assertEquals("2026-03-16", latest.get("date").asText(), "SOURCE_DATE_EPOCH's day");
      assertEquals(10, latest.get("done").asInt());
      assertTrue(latest.get("draft").asBoolean());
      assertTrue(latest.get("commit").isNull());
      Document page =
          Jsoup.parse(site.resolve("projects/payments/2026-03-16/index.html").toFile(), "UTF-8");
      assertEquals("Payments Gateway: review of 2026-03-16 (draft)", page.select("h1").text());
      assertEquals("draft", page.select("p.meta .tag").text());
      Document projectPage =
          Jsoup.parse(site.resolve("projects/payments/index.html").toFile(), "UTF-8");
      assertEquals(
          List.of("draft"), projectPage.select("tbody th .tag").eachText(), "only the draft's row");
      Document portfolio = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
      assertEquals(1, portfolio.select("td .tag:containsOwn(draft)").size());
    }
  }

  @Test
  void onlyGitNeedsNoChecklistsFolder() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      payments(repo);
      Path work = Files.createDirectories(tmp.resolve("work"));
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "-Djava.awt.headless=true",
                  "dev.readiness.cli.Main",
                  "build",
                  "--git",
                  "../payments/" + FILE,
                  "--no-pdf"));
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
      builder.environment().remove("DISPLAY");
      builder.environment().put("SOURCE_DATE_EPOCH", "1773619200");
      builder
          .environment()
          .put("PATH", tmp.resolve("no-programs-here").toString()); // no git to run
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));

      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("built site: 1 project, 3 reviews,"), out);
      JsonNode reviews = project(data(work.resolve("site")), "payments").get("reviews");
      assertEquals(
          "../payments/" + FILE + "@" + reviews.get(2).get("commit").asText().substring(0, 7),
          reviews.get(2).get("source").asText());
      assertFalse(Files.exists(work.resolve("checklists")));
    }
  }

  @Test
  void serveRebuildsWhenHeadMoves() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      payments(repo);
      Path input = Cli.copyChecklists(tmp);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      AtomicInteger code = new AtomicInteger(-1);
      Thread serve =
          new Thread(
              () ->
                  code.set(
                      Main.execute(
                          new Main(Cli.EPOCH, Terminal.NONE),
                          new String[] {
                            "serve",
                            "--input",
                            input.toString(),
                            "--git",
                            repo.dir().resolve(FILE).toString(),
                            "--port",
                            "0",
                            "--no-pdf"
                          },
                          new PrintWriter(out, true),
                          new PrintWriter(err, true))),
              "serve-under-test");
      serve.start();
      HttpClient http = HttpClient.newHttpClient();
      try {
        await(
            () -> match(Pattern.compile("(and the HEAD of each git repository)"), out.toString()),
            "the watching line; stderr: " + err);
        String base = match(Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) "), out.toString());
        assertEquals(3, reviews(http, base));

        repo.commit("2026-03-23 10:00", "Dan", FILE, checklist(10, 10));

        assertEquals(
            "4",
            await(
                () -> {
                  int n = reviews(http, base);
                  return n == 4 ? "4" : null;
                },
                "a rebuild with the new commit; stderr: " + err));
      } finally {
        serve.interrupt();
        serve.join(30_000);
      }
      assertFalse(serve.isAlive());
    }
  }

  private static int reviews(HttpClient http, String base) throws Exception {
    HttpResponse<String> data =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "data.json"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return project(JSON.readTree(data.body()), "payments").get("reviews").size();
  }

  private static String match(Pattern pattern, String text) {
    return Polling.match(pattern, text);
  }

  private static String await(Polling.Probe probe, String what) throws Exception {
    return Polling.await(probe, what, Duration.ofSeconds(90));
  }
}
