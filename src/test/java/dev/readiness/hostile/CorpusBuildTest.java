package dev.readiness.hostile;

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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real checklist of the shared corpus, each as a one-review project, built with PDFs in one
 * build: one document the renderer fails on must not take the others down.
 */
class CorpusBuildTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");
  private static final Pattern RENDER_FAILED = Pattern.compile(
      "(in/c\\d+/2026-01-\\d\\d\\.md): error: the review PDF could not be made \\(.+\\); it is left out and the rest"
          + " of the site is built; please report this with the file \\[RENDER_FAILED]");

  @TempDir Path work;

  @Test
  void buildsTheWholeCorpusWithPdfs() throws IOException {
    Path input = work.resolve("in");
    List<Path> files;
    try (Stream<Path> list = Files.list(CORPUS)) {
      files = list.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md"))
          .sorted().toList();
    }
    for (int i = 0; i < files.size(); i++) {
      Path project = Files.createDirectories(input.resolve("c" + (i + 1)));
      Files.copy(files.get(i), project.resolve(String.format("2026-01-%02d.md", i + 1)));
    }
    Path site = work.resolve("site");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      exit = Main.execute(new Main(Map.of("SOURCE_DATE_EPOCH", "1767225600")), new String[] {"build", "--quiet",
          "--input", input.toString(), "--output", site.toString()}, o, e);
    }
    // Files are named as given: the absolute input folder, compared here without the work folder.
    List<String> failed = new ArrayList<>();
    for (String line : err.toString().lines().toList()) {
      Matcher m = RENDER_FAILED.matcher(line.replace(work + "/", ""));
      assertTrue(m.matches(), "only review PDFs may fail, each named in one line: " + line);
      failed.add(m.group(1));
    }
    assertEquals(failed.isEmpty() ? 0 : 1, exit, err.toString());

    JsonNode data = new ObjectMapper().readTree(site.resolve("data.json").toFile());
    assertEquals(files.size(), data.get("projects").size(), "the site is written, every project in it");
    TreeSet<String> missing = new TreeSet<>();
    for (int i = 1; i <= files.size(); i++) {
      String date = String.format("2026-01-%02d", i);
      Path review = site.resolve("projects/c" + i + "/" + date);
      assertTrue(Files.isRegularFile(review.resolve("index.html")), "c" + i + "'s review page");
      assertTrue(Files.isRegularFile(site.resolve("projects/c" + i + "/c" + i + "-history.pdf")), "c" + i + "'s history");
      boolean pdf = Files.isRegularFile(review.resolve("c" + i + "-" + date + ".pdf"));
      String link = Jsoup.parse(review.resolve("index.html").toFile()).select("nav.pager .pdf").text();
      if (!pdf) {
        missing.add("in/c" + i + "/" + date + ".md");
        assertEquals("No PDF: it could not be made (the build named the reason)", link);
      } else {
        assertEquals("This review as PDF", link);
      }
    }
    assertEquals(missing, new TreeSet<>(failed), "exactly the reviews named lack their PDF");
  }
}
