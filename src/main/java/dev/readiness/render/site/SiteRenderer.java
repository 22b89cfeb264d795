package dev.readiness.render.site;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.render.SitePaths;
import dev.readiness.render.pdf.PdfRenderer;
import dev.readiness.render.OutputTree;
import dev.readiness.render.json.ReportJson;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the whole site for a {@link ReportData} into an {@link OutputTree}. */
public final class SiteRenderer {
  private final Path templates;
  private final boolean pdf;
  private final int jobs;

  /**
   * @param templates a folder whose templates override the bundled ones, or null
   * @param pdf whether to write PDFs
   * @param jobs threads to render with
   */
  public SiteRenderer(Path templates, boolean pdf, int jobs) {
    this.templates = templates;
    this.pdf = pdf;
    this.jobs = jobs;
  }

  /** Renders every output file. */
  public Stats render(ReportData data, OutputTree tree) throws IOException {
    int pdfs = 0;
    if (pdf) {
      PdfRenderer renderer = new PdfRenderer(data.settings().pdf().paper());
      for (ProjectReport project : data.projects()) {
        for (Review review : project.reviews()) {
          tree.write(SitePaths.reviewPdf(project, review), renderer.review(data, project, review));
          pdfs++;
        }
        tree.write(SitePaths.historyPdf(project), renderer.history(data, project));
        pdfs++;
      }
    }
    tree.write("data.json", ReportJson.data(data));
    return new Stats(0, pdfs, tree.size());
  }

  /**
   * What a render wrote.
   *
   * @param pages HTML pages
   * @param pdfs PDF files
   * @param files all files
   */
  public record Stats(int pages, int pdfs, int files) {}
}
