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
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real checklist of the shared corpus (src/test/resources/corpus, a copy of
 * /work/shared/corpus), each as a one-review project, built with PDFs in one build: every review
 * gets its page and its PDF, with no error and exit 0. (A renderer failing on one document costs
 * that document only: RenderFailureTest.)
 */
class CorpusBuildTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");

  @TempDir Path work;

  @Test
  void buildsTheWholeCorpusWithPdfs() throws IOException {
    Path input = work.resolve("in");
    List<Path> files;
    try (Stream<Path> list = Files.list(CORPUS)) {
      files =
          list.filter(
                  p ->
                      p.toString().endsWith(".md")
                          && !p.getFileName().toString().equals("README.md"))
              .sorted()
              .toList();
    }
    for (int i = 0; i < files.size(); i++) {
      Path project = Files.createDirectories(input.resolve("c" + (i + 1)));
      Files.copy(files.get(i), project.resolve(String.format("2026-01-%02d.md", i + 1)));
    }
    Path site = work.resolve("site");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true)) {
      exit =
          Main.execute(
              new Main(Map.of("SOURCE_DATE_EPOCH", "1767225600")),
              new String[] {
                "build", "--quiet", "--input", input.toString(), "--output", site.toString()
              },
              o,
              e);
    }
    assertEquals("", err.toString(), "no error on any corpus file");
    assertEquals(0, exit);

    JsonNode data = new ObjectMapper().readTree(site.resolve("data.json").toFile());
    assertEquals(
        files.size(), data.get("projects").size(), "the site is written, every project in it");
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= files.size(); i++) {
      String date = String.format("2026-01-%02d", i);
      Path review = site.resolve("projects/c" + i + "/" + date);
      assertTrue(Files.isRegularFile(review.resolve("index.html")), "c" + i + "'s review page");
      assertTrue(
          Files.isRegularFile(site.resolve("projects/c" + i + "/c" + i + "-history.pdf")),
          "c" + i + "'s history");
      Path pdf = review.resolve("c" + i + "-" + date + ".pdf");
      String link =
          Jsoup.parse(review.resolve("index.html").toFile()).select("nav.pager .pdf").text();
      if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0 || !"This review as PDF".equals(link)) {
        missing.add(files.get(i - 1).getFileName() + " (c" + i + "): " + link);
      }
    }
    assertEquals(List.of(), missing, "every review has its PDF, and its page links it");
  }
}
