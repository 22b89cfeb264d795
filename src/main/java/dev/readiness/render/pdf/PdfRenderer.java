package dev.readiness.render.pdf;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.model.Problem;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes the review and history PDFs of a project (see docs/pdf.md). Thread-safe: each thread uses
 * its own embedded fonts, loaded once, and the same input gives the same bytes on any thread.
 */
public final class PdfRenderer {
  /**
   * The warning codes a review's PDF leaves out, because they are counted to the build's date or to
   * later reviews: everything else a review's PDF shows comes from that review, the ones before it
   * and the settings.
   */
  public static final Set<String> TIMING_WARNINGS = ReviewDocument.TIMING;

  private final PageSetup setup;
  private final Consumer<Problem> warnings;

  /**
   * A renderer for {@code A4} or {@code Letter} paper that prints its warnings (characters no font
   * could show) to standard error.
   *
   * @throws IllegalArgumentException for any other paper
   */
  public PdfRenderer(String paper) {
    this(paper, problem -> System.err.println(problem));
  }

  /**
   * A renderer for {@code A4} or {@code Letter} paper.
   *
   * @param warnings receives a {@code PDF_MISSING_GLYPHS} warning for each PDF with characters that
   *     no font could show; called on the rendering thread
   * @throws IllegalArgumentException for any other paper
   */
  public PdfRenderer(String paper, Consumer<Problem> warnings) {
    Objects.requireNonNull(paper, "paper");
    String name =
        switch (paper.strip().toLowerCase(Locale.ROOT)) {
          case "a4" -> "A4";
          case "letter" -> "Letter";
          default ->
              throw new IllegalArgumentException(
                  "paper must be A4 or Letter, not \"" + paper + "\"");
        };
    this.setup = new PageSetup(name);
    this.warnings = Objects.requireNonNull(warnings, "warnings");
  }

  /** The PDF of one review, for a release ticket. */
  public byte[] review(ReportData data, ProjectReport project, Review review) throws IOException {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(review, "review");
    return new ReviewDocument(data, project, review).render(setup, new MissingGlyphs(warnings));
  }

  /** The PDF of a project's history. */
  public byte[] history(ReportData data, ProjectReport project) throws IOException {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(project, "project");
    return new HistoryDocument(data, project).render(setup, new MissingGlyphs(warnings));
  }
}
