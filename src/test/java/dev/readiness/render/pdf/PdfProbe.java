package dev.readiness.render.pdf;

import static org.junit.jupiter.api.Assertions.fail;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.readiness.BuildPipeline;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the PDF tests share: the analysed bundled example, inline fixtures, and the two ways to read
 * a PDF back — OpenPDF's text extractor, and poppler's {@code pdftotext}, {@code pdffonts} and
 * {@code pdftoppm}.
 *
 * <p>Poppler ({@code apt-get install poppler-utils}) is required: a test that needs it fails when
 * it is missing, unless {@code -Dpdf.poppler=skip} is given, which skips those tests visibly.
 */
final class PdfProbe {
  /** The build time of every fixture: 2026-03-16T00:00:00Z. */
  static final Instant GENERATED = Instant.parse("2026-03-16T00:00:00Z");

  private static ReportData example;

  private PdfProbe() {}

  /** The bundled example in {@code checklists/}, analysed once. */
  static synchronized ReportData example() {
    if (example == null) {
      example = analyze(Path.of("checklists"), Settings.DEFAULTS);
    }
    return example;
  }

  /** The analysis of an input folder, built at {@link #GENERATED}. */
  static ReportData analyze(Path input, Settings settings) {
    try {
      return BuildPipeline.analyze(
          new BuildPipeline.Options(
              input,
              input.toString(),
              settings,
              null,
              true,
              1,
              Clock.fixed(GENERATED, ZoneOffset.UTC)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The analysis of one project made of the given reviews, file name to Markdown. */
  static ReportData fixture(Path dir, String project, Map<String, String> reviews) {
    try {
      Path folder = Files.createDirectories(dir.resolve("input").resolve(project));
      for (Map.Entry<String, String> e : reviews.entrySet()) {
        Files.writeString(folder.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return analyze(dir.resolve("input"), Settings.DEFAULTS);
  }

  static ProjectReport project(ReportData data, String slug) {
    return data.projects().stream()
        .filter(p -> p.slug().equals(slug))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no project " + slug));
  }

  static Review review(ProjectReport project, String date) {
    return project.reviews().stream()
        .filter(r -> LocalDate.parse(date).equals(r.date()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no review " + date + " in " + project.slug()));
  }

  /** The text of every page by OpenPDF's extractor, one string per page. */
  static List<String> pages(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      List<String> pages = new ArrayList<>();
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        pages.add(extractor.getTextFromPage(i));
      }
      reader.close();
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whitespace folded to single spaces. */
  static String fold(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /**
   * The text as the PDF's text layer has it: status emoji become the glyph under their drawn mark
   * (✅ is ✔), variation selectors and joiners go.
   */
  static String asShown(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              Mark mark = Mark.forSymbol(cp);
              if (mark != null) {
                out.append(mark.text);
              } else if (cp != 0xFE0F && cp != 0xFE0E && cp != 0x200D) {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /**
   * The text without status emoji and the glyphs under drawn marks, whitespace folded: OpenPDF's
   * extractor reads the glyph of a mark apart from the line it stands in.
   */
  static String withoutMarks(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              boolean markGlyph =
                  java.util.Arrays.stream(Mark.values()).anyMatch(m -> m.text.codePointAt(0) == cp);
              if (Mark.forSymbol(cp) == null
                  && !markGlyph
                  && cp != 0xFE0F
                  && cp != 0xFE0E
                  && cp != 0x200D) {
                out.appendCodePoint(cp);
              }
            });
    return fold(out.toString());
  }

  /** The PDF in a temporary file. */
  static Path file(byte[] pdf, Path dir, String name) {
    try {
      return Files.write(dir.resolve(name), pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether poppler may be skipped here, and is missing. Fails when it is missing but required. */
  static boolean popplerMissing() {
    boolean present = run(List.of("pdftotext", "-v")) != null;
    if (present) {
      return false;
    }
    if ("skip".equals(System.getProperty("pdf.poppler"))) {
      return true;
    }
    fail(
        "poppler-utils is not installed (pdftotext, pdffonts, pdftoppm); install it "
            + "(apt-get install poppler-utils) or run with -Dpdf.poppler=skip to skip these checks");
    return true;
  }

  /**
   * The text by poppler's {@code pdftotext -layout}: line by line as on the page, so a table row
   * reads as one line ({@code \f} between pages).
   */
  static String pdftotext(Path pdf) {
    return popplerOutput(List.of("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"));
  }

  /**
   * A word on a page as {@code pdftotext -bbox} places it, in points from the page's top left
   * corner.
   *
   * @param page from 1
   */
  record Word(int page, double xMin, double yMin, double xMax, double yMax, String text) {}

  private static final java.util.regex.Pattern WORD =
      java.util.regex.Pattern.compile(
          "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

  /** Every word of the PDF with its box, page by page, by {@code pdftotext -bbox}. */
  static List<Word> words(Path pdf) {
    String html =
        popplerOutput(List.of("pdftotext", "-bbox", "-enc", "UTF-8", pdf.toString(), "-"));
    List<Word> words = new ArrayList<>();
    int page = 0;
    for (String line : html.split("\n")) {
      if (line.contains("<page ")) {
        page++;
      }
      var m = WORD.matcher(line);
      if (m.find()) {
        words.add(
            new Word(
                page,
                Double.parseDouble(m.group(1)),
                Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)),
                m.group(5)
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&")));
      }
    }
    return words;
  }

  /** The output of {@code pdffonts}. */
  static String pdffonts(Path pdf) {
    return popplerOutput(List.of("pdffonts", pdf.toString()));
  }

  /**
   * Renders every page with {@code pdftoppm -png -r 60} into {@code dir}; returns the PNGs in page
   * order.
   */
  static List<Path> pngs(Path pdf, Path dir) {
    return pngs(pdf, dir, 60);
  }

  /**
   * Renders every page with {@code pdftoppm -png -r DPI} into {@code dir}; returns the PNGs in page
   * order.
   */
  static List<Path> pngs(Path pdf, Path dir, int dpi) {
    popplerOutput(
        List.of(
            "pdftoppm",
            "-png",
            "-gray",
            "-r",
            Integer.toString(dpi),
            pdf.toString(),
            dir.resolve("page").toString()));
    try (var files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("page-\\d+\\.png"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String popplerOutput(List<String> command) {
    String out = run(command);
    if (out == null) {
      fail(command.get(0) + " failed on " + command);
    }
    return out;
  }

  /** Runs a command; its standard output, or null when it cannot run or fails. */
  private static String run(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out;
      try (InputStream in = process.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return null;
      }
      return process.exitValue() == 0 || command.get(1).equals("-v") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Asserts that {@code needles} occur in {@code text} in this order. */
  static void assertInOrder(String text, List<String> needles) {
    int from = 0;
    for (String needle : needles) {
      int at = text.indexOf(needle, from);
      if (at < 0) {
        fail("\"" + needle + "\" is missing after position " + from + " (or out of order)");
      }
      from = at + needle.length();
    }
  }
}
