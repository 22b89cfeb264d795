package dev.readiness.render.site;

import dev.readiness.analyze.Format;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.analyze.ReviewDiff;
import dev.readiness.analyze.SectionFigures;
import dev.readiness.analyze.Timeline;
import dev.readiness.analyze.Trend;
import dev.readiness.model.Part;
import dev.readiness.model.Problem;
import dev.readiness.render.OutputTree;
import dev.readiness.render.SitePaths;
import dev.readiness.render.TextDirection;
import dev.readiness.render.XmlChars;
import dev.readiness.render.chart.Badge;
import dev.readiness.render.chart.ChartFactory;
import dev.readiness.render.chart.Gantt;
import dev.readiness.render.chart.Sparkline;
import dev.readiness.render.chart.SvgCharts;
import dev.readiness.render.html.MarkdownRenderer;
import dev.readiness.render.html.PageLinks;
import dev.readiness.render.html.SiteTemplates;
import dev.readiness.render.html.TemplateFormat;
import dev.readiness.render.json.ReportJson;
import dev.readiness.render.pdf.PdfRenderer;
import freemarker.core.TemplateHTMLOutputModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Writes the whole site for a {@link ReportData} into an {@link OutputTree}: the pages of SPEC
 * "Output" from the templates, their SVG charts, badges, the search index, the feed, the sitemap,
 * data.json and the PDFs. Pages are rendered on {@code jobs} threads and written as soon as each is
 * done, so memory stays bounded by the largest page, not the site.
 */
public final class SiteRenderer {
  /** How many of the newest reviews the portfolio lists. */
  static final int NEWEST = 10;

  /** Characters buffered before they are encoded and written. */
  private static final int TEXT_BUFFER = 16 * 1024;

  /** Distinct section charts kept (~25 KB each). */
  private static final int CHART_CACHE_LIMIT = 256;

  private final Path templates;
  private final PdfMakers pdfMakers;
  private final int jobs;
  private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param templates a folder whose templates override the bundled ones, or null
   * @param pdf whether to write PDFs
   * @param jobs threads to render with
   */
  public SiteRenderer(Path templates, boolean pdf, int jobs) {
    this(templates, pdf ? PdfMakers.BUNDLED : null, jobs);
  }

  /**
   * @param templates a folder whose templates override the bundled ones, or null
   * @param pdfs what makes the PDFs, or null for none
   * @param jobs threads to render with
   */
  public SiteRenderer(Path templates, PdfMakers pdfs, int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
    this.templates = templates;
    this.pdfMakers = pdfs;
    this.jobs = jobs;
  }

  /** Makes the PDFs of one render: the bundled {@link PdfRenderer}, or one a test plants. */
  public interface PdfMakers {
    /** The bundled PDF writer. */
    PdfMakers BUNDLED =
        (paper, warnings) -> {
          PdfRenderer renderer = new PdfRenderer(paper, warnings);
          return new PdfMaker() {
            @Override
            public byte[] review(ReportData data, ProjectReport project, Review review)
                throws IOException {
              return renderer.review(data, project, review);
            }

            @Override
            public byte[] history(ReportData data, ProjectReport project) throws IOException {
              return renderer.history(data, project);
            }
          };
        };

    /** A PDF maker for {@code paper} whose warnings go to {@code warnings}. */
    PdfMaker forPaper(String paper, Consumer<Problem> warnings);
  }

  /** Makes the PDF of a review and of a project's history. */
  public interface PdfMaker {
    /** The PDF of one review. */
    byte[] review(ReportData data, ProjectReport project, Review review) throws IOException;

    /** The PDF of a project's history. */
    byte[] history(ReportData data, ProjectReport project) throws IOException;
  }

  /**
   * How a project's files are named in problems about its outputs as a whole (its history PDF, its
   * page): the folder of its reviews, as the user named it.
   */
  public static String shownFolder(ProjectReport project) {
    String file = project.latest().file();
    int slash = file.lastIndexOf('/');
    return slash > 0 ? file.substring(0, slash) : file;
  }

  /**
   * The problems rendering found, in the order of {@link Problem#ORDER}; they belong with the
   * build's other problems: a PDF with characters no font has (a warning), and an output of one
   * review or project that could not be made ({@code RENDER_FAILED}, an error: the rest of the site
   * is written without it).
   */
  public List<Problem> problems() {
    synchronized (problems) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Problem.ORDER);
      return List.copyOf(sorted);
    }
  }

  /**
   * Files made together, and kept from an earlier build or made again together. Pages that show
   * "now" (the portfolio, blockers, timeline, search, feed, sitemap, data.json, assets) are no
   * unit: they are made by every build.
   *
   * @param kind which outputs
   * @param project the project
   * @param review the review, or null for a project's outputs
   */
  public record Unit(Kind kind, ProjectReport project, Review review) {
    /** The kinds of units. */
    public enum Kind {
      /** A review's page. */
      REVIEW_PAGE,
      /** A review's section chart and PDF. */
      REVIEW_DOCUMENTS,
      /** A project's history PDF. */
      HISTORY_PDF,
      /** A project's page, its two charts and its badge. */
      PROJECT_PAGES
    }

    /** The unit of a review's page. */
    public static Unit reviewPage(ProjectReport project, Review review) {
      return new Unit(Kind.REVIEW_PAGE, project, review);
    }

    /** The unit of a review's chart and PDF. */
    public static Unit reviewDocuments(ProjectReport project, Review review) {
      return new Unit(Kind.REVIEW_DOCUMENTS, project, review);
    }

    /** The unit of a project's history PDF. */
    public static Unit historyPdf(ProjectReport project) {
      return new Unit(Kind.HISTORY_PDF, project, null);
    }

    /** The unit of a project's page, charts and badge. */
    public static Unit projectPages(ProjectReport project) {
      return new Unit(Kind.PROJECT_PAGES, project, null);
    }

    /** A name for the unit that stays the same from build to build. */
    public String id() {
      return kind + " " + project.slug() + (review == null ? "" : " " + review.date());
    }

    /** The files the unit is made of, when PDFs are written ({@code pdf}) or not. */
    public List<String> files(boolean pdf) {
      return switch (kind) {
        case REVIEW_PAGE -> List.of(SitePaths.review(project, review));
        case REVIEW_DOCUMENTS ->
            pdf
                ? List.of(
                    SitePaths.reviewChart(project, review), SitePaths.reviewPdf(project, review))
                : List.of(SitePaths.reviewChart(project, review));
        case HISTORY_PDF -> pdf ? List.of(SitePaths.historyPdf(project)) : List.of();
        case PROJECT_PAGES ->
            List.of(
                SitePaths.project(project),
                SitePaths.progressChart(project),
                SitePaths.sectionTrendsChart(project),
                SitePaths.badge(project));
      };
    }
  }

  /**
   * Which units an earlier build left in the output exactly as this render would make them: those
   * are kept as they are (same files, not written again) instead of being made.
   */
  public interface Kept {
    /** Keeps nothing: every unit is made. */
    Kept NOTHING = unit -> false;

    /** Whether the files of {@code unit} in the output are kept rather than made again. */
    boolean keeps(Unit unit);
  }

  /** Renders every output file; its warnings are in {@link #problems()}. */
  public Stats render(ReportData data, OutputTree tree) throws IOException {
    return render(data, tree, Kept.NOTHING);
  }

  /**
   * Renders every output file but the units {@code kept} keeps from the previous output; the
   * warnings are in {@link #problems()}.
   */
  public Stats render(ReportData data, OutputTree tree, Kept kept) throws IOException {
    Rendering run =
        new Rendering(
            data,
            tree,
            new SiteTemplates(templates),
            new MarkdownRenderer(),
            pdfMakers == null
                ? null
                : pdfMakers.forPaper(data.settings().pdf().paper(), problems::add),
            problems::add);
    List<Callable<Void>> tasks = new ArrayList<>();
    tasks.add(task(run::portfolio));
    tasks.add(task(run::blockers));
    tasks.add(task(run::timeline));
    tasks.add(task(run::search));
    tasks.add(task(run::feed));
    tasks.add(task(run::sitemap));
    tasks.add(task(run::assets));
    tasks.add(task(() -> run.text(SitePaths.DATA, out -> ReportJson.data(data, out))));
    boolean pdf = pdfMakers != null;
    for (ProjectReport project : data.projects()) {
      tasks.add(
          task(
              () -> {
                Unit history = Unit.historyPdf(project);
                boolean withHistory =
                    kept.keeps(history) ? run.keep(history.files(pdf)) : run.history(project);
                Unit pages = Unit.projectPages(project);
                if (kept.keeps(pages)) {
                  run.keep(pages.files(pdf));
                } else {
                  run.project(project, withHistory);
                }
              }));
      for (int i = 0; i < project.reviews().size(); i++) {
        int index = i;
        Review review = project.reviews().get(i);
        tasks.add(
            task(
                () -> {
                  Unit documents = Unit.reviewDocuments(project, review);
                  boolean withPdf =
                      kept.keeps(documents)
                          ? run.keep(documents.files(pdf))
                          : run.documents(project, review);
                  Unit page = Unit.reviewPage(project, review);
                  if (kept.keeps(page)) {
                    run.keep(page.files(pdf));
                  } else {
                    run.reviewPage(project, index, withPdf);
                  }
                }));
      }
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            jobs,
            r -> {
              // A deep stack, as for parsing: flexmark and jsoup recurse on nested input.
              Thread t = new Thread(null, r, "readiness-render", 64L << 20);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (Callable<Void> t : tasks) {
        futures.add(pool.submit(t));
      }
      for (Future<Void> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          pool.shutdownNow();
          Throwable cause = e.getCause();
          if (cause instanceof UncheckedIOException u) {
            throw u.getCause();
          }
          if (cause instanceof IOException io) {
            throw io;
          }
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          throw new IOException(
              "a page could not be rendered (" + cause.getClass().getSimpleName() + ")", cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while rendering the site", e);
        }
      }
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
    }
    return new Stats(run.pages.get(), run.pdfCount.get(), tree.size());
  }

  /**
   * Waits for the render threads to stop, so that nothing writes into a tree that is being removed.
   */
  private static void awaitQuietly(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("render threads did not stop within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private interface Step {
    void run() throws IOException;
  }

  /** Makes a PDF in memory. */
  private interface PdfStep {
    byte[] make() throws IOException;
  }

  /** Text written out piece by piece. */
  private interface TextSource {
    void writeTo(Writer out) throws IOException;
  }

  private static Callable<Void> task(Step step) {
    return () -> {
      step.run();
      return null;
    };
  }

  /**
   * What a render wrote.
   *
   * @param pages HTML pages
   * @param pdfs PDF files
   * @param files all files
   */
  public record Stats(int pages, int pdfs, int files) {}

  /**
   * A project's row on the portfolio.
   *
   * @param project the project
   * @param latest its newest review
   * @param next the newest review's due date for the next one
   * @param sparkline the computed percent over time
   */
  public record ProjectRow(
      ProjectReport project,
      Review latest,
      Timeline.ReviewEvent next,
      TemplateHTMLOutputModel sparkline) {}

  /**
   * A review with its project, for lists across projects.
   *
   * @param project the project
   * @param review the review
   * @param path its page's site path
   */
  public record ReviewRef(ProjectReport project, Review review, String path) {}

  /**
   * A review in its project's list, with what changed since the one before.
   *
   * @param review the review
   * @param diff the diff into it, or null for the first review
   * @param event its due date for the next review
   */
  public record ReviewRow(Review review, ReviewDiff diff, Timeline.ReviewEvent event) {}

  /**
   * A checklist section on a review page.
   *
   * @param figures its computed and stated figures
   * @param body its Markdown (items as checkboxes) without its heading, sanitized
   * @param headingAnchor whether the page's heading for it carries {@code id="L<line>"}
   */
  public record SectionView(
      SectionFigures figures, TemplateHTMLOutputModel body, boolean headingAnchor) {}

  /**
   * A part of the document that is not a checklist section.
   *
   * @param part the part
   * @param body its Markdown, sanitized, headings lowered
   */
  public record PartView(Part part, TemplateHTMLOutputModel body) {}

  /**
   * A project's timeline chart.
   *
   * @param project the project
   * @param gantt the inline SVG, empty when there is nothing dated
   * @param next its latest review's due date for the next one
   */
  public record ProjectTimeline(
      ProjectReport project, TemplateHTMLOutputModel gantt, Timeline.ReviewEvent next) {}

  /**
   * The file lines that have an anchor ({@code id="L<line>"}) on a review page, so that a warning
   * or a blocker links to its line only where the line can be shown.
   *
   * @param lines the anchored lines
   */
  public record Anchors(Set<Integer> lines) {
    public Anchors {
      lines = Set.copyOf(lines);
    }

    /** Whether {@code #L<line>} exists on the page. */
    public boolean has(int line) {
      return lines.contains(line);
    }
  }

  /** What a section's bar in the done/open chart is drawn from. */
  private record Bar(String label, int done, int total) {}

  /** One render: the inputs and the shared, thread-safe tools. */
  private static final class Rendering {
    private final ReportData data;
    private final OutputTree tree;
    private final SiteTemplates templates;
    private final MarkdownRenderer markdown;
    private final PdfMaker pdfs;
    private final Consumer<Problem> problems;
    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger pdfCount = new AtomicInteger();

    /** Section charts by the figures they draw; emptied when full, which keeps memory bounded. */
    private final Map<List<Bar>, String> sectionCharts = new ConcurrentHashMap<>();

    Rendering(
        ReportData data,
        OutputTree tree,
        SiteTemplates templates,
        MarkdownRenderer markdown,
        PdfMaker pdfs,
        Consumer<Problem> problems) {
      this.data = data;
      this.tree = tree;
      this.templates = templates;
      this.markdown = markdown;
      this.pdfs = pdfs;
      this.problems = problems;
    }

    /**
     * Makes one output of one review or project, so that a failure of the renderer on that document
     * (an exception, a template error, a stack overflow) costs that output only: it is left out,
     * with an error naming {@code file} and the {@code stage}; other outputs are made. A failure to
     * write (a full disk) is not the document's and stops the build.
     *
     * @return whether the output was made
     */
    private boolean contained(String stage, String file, String path, Step step)
        throws IOException {
      try {
        step.run();
        return true;
      } catch (IOException e) {
        if (!(e.getCause() instanceof freemarker.template.TemplateException)) {
          throw e;
        }
        failed(stage, file, path, e);
      } catch (RuntimeException | StackOverflowError e) {
        failed(stage, file, path, e);
      }
      return false;
    }

    private void failed(String stage, String file, String path, Throwable e) throws IOException {
      if (e instanceof UncheckedIOException u && path != null) {
        // a writer's own failure, wrapped on its way out: not the document's
        throw u.getCause();
      }
      if (path != null) {
        tree.discard(path);
      }
      String reason =
          e.getMessage() == null
              ? ""
              : ": " + e.getMessage().strip().lines().findFirst().orElse("");
      if (reason.length() > 200) {
        reason = reason.substring(0, 199) + "…";
      }
      problems.accept(
          Problem.error(
              "RENDER_FAILED",
              file,
              0,
              "the "
                  + stage
                  + " could not be made ("
                  + e.getClass().getSimpleName()
                  + reason
                  + "); it is left out and the rest of the site is built;"
                  + " please report this with the file"));
    }

    /**
     * A PDF made in memory, or null when the renderer failed on it (reported): made in memory, any
     * failure is the document's (or a font's), not the disk's.
     */
    private byte[] pdf(String stage, String file, PdfStep step) throws IOException {
      try {
        return step.make();
      } catch (IOException | RuntimeException | StackOverflowError e) {
        failed(stage, file, null, e);
        return null;
      }
    }

    private Map<String, Object> model(String path) {
      Map<String, Object> model = new HashMap<>();
      model.put("site", data.settings().site());
      model.put("data", data);
      model.put("fmt", TemplateFormat.INSTANCE);
      model.put("links", new PageLinks(path));
      model.put("path", path);
      model.put(
          "generatedAt",
          DateTimeFormatter.ISO_INSTANT.format(data.generatedAt().truncatedTo(ChronoUnit.SECONDS)));
      model.put("pdf", pdfs != null);
      return model;
    }

    private void page(String path, String template, Map<String, Object> model) throws IOException {
      text(path, out -> templates.render(template, model, out));
      pages.incrementAndGet();
    }

    /**
     * Writes a text file in UTF-8 as it is produced, rather than building it in memory first; an
     * HTML, XML or SVG file only with characters XML allows ({@link XmlChars}).
     */
    private void text(String path, TextSource source) throws IOException {
      try (Writer file =
          new BufferedWriter(
              new OutputStreamWriter(
                  Files.newOutputStream(tree.open(path)), StandardCharsets.UTF_8),
              TEXT_BUFFER)) {
        Writer out = isMarkup(path) ? XmlChars.cleaning(file) : file;
        source.writeTo(out);
        out.flush();
        if (out != file) {
          out.close();
        }
      }
    }

    /** Writes an SVG or other markup file held as a string, with only characters XML allows. */
    private void markup(String path, String text) throws IOException {
      tree.write(path, XmlChars.clean(text));
    }

    private static boolean isMarkup(String path) {
      return path.endsWith(".html") || path.endsWith(".xml") || path.endsWith(".svg");
    }

    /**
     * Keeps files from the previous output, counted as if they were written.
     *
     * @return whether a PDF was among them
     */
    boolean keep(List<String> files) throws IOException {
      boolean pdf = false;
      for (String file : files) {
        tree.keep(file);
        if (file.endsWith(".html")) {
          pages.incrementAndGet();
        } else if (file.endsWith(".pdf")) {
          pdfCount.incrementAndGet();
          pdf = true;
        }
      }
      return pdf;
    }

    void portfolio() throws IOException {
      Map<String, Object> model = model(SitePaths.INDEX);
      List<ProjectRow> rows = new ArrayList<>();
      for (ProjectReport p : data.projects()) {
        rows.add(new ProjectRow(p, p.latest(), lastEvent(p), SiteTemplates.markup(sparkline(p))));
      }
      model.put("rows", rows);
      model.put("newest", allReviews().stream().limit(NEWEST).toList());
      model.put("openBlockers", data.openBlockers());
      page(SitePaths.INDEX, "index.ftlh", model);
    }

    /**
     * Makes a project's history PDF, when PDFs are written.
     *
     * @return whether it was made
     */
    boolean history(ProjectReport project) throws IOException {
      byte[] history =
          pdfs == null
              ? null
              : pdf("history PDF", shownFolder(project), () -> pdfs.history(data, project));
      if (history != null) {
        tree.write(SitePaths.historyPdf(project), history);
        pdfCount.incrementAndGet();
      }
      return history != null;
    }

    /** Makes a project's page, charts and badge; {@code withHistory}: its history PDF is there. */
    void project(ProjectReport project, boolean withHistory) throws IOException {
      String folder = shownFolder(project);
      String path = SitePaths.project(project);
      Map<String, Object> model = model(path);
      model.put("pdf", withHistory);
      model.put("pdfFailed", pdfs != null && !withHistory);
      model.put("project", project);
      List<ReviewRow> rows = new ArrayList<>();
      for (int i = project.reviews().size() - 1; i >= 0; i--) {
        rows.add(
            new ReviewRow(
                project.reviews().get(i),
                project.diffInto(i),
                project.timeline().reviews().get(i)));
      }
      model.put("rows", rows);
      model.put("latest", project.latest());
      model.put("next", lastEvent(project));
      model.put("gantt", SiteTemplates.markup(gantt(project)));
      model.put("dates", project.trend().points().stream().map(Trend.Point::date).toList());
      contained("project page", folder, path, () -> page(path, "project.ftlh", model));

      String progress = SitePaths.progressChart(project);
      contained(
          "progress chart",
          folder,
          progress,
          () ->
              markup(
                  progress,
                  SvgCharts.document(
                      ChartFactory.progress(project),
                      760,
                      300,
                      "progress",
                      "Computed percent and stated score per review, "
                          + ChartFactory.label(project.name(), 80))));
      int series = project.trend().sections().size();
      String sectionTrends = SitePaths.sectionTrendsChart(project);
      contained(
          "section trends chart",
          folder,
          sectionTrends,
          () ->
              markup(
                  sectionTrends,
                  SvgCharts.document(
                      ChartFactory.sectionTrends(project),
                      760,
                      320 + 18 * ((series + 2) / 3),
                      "section-trends",
                      "Computed percent per section and review, "
                          + ChartFactory.label(project.name(), 80))));
      String badge = SitePaths.badge(project);
      contained("badge", folder, badge, () -> markup(badge, badge(project)));
    }

    /**
     * Makes a review's PDF, when PDFs are written, and its section chart.
     *
     * @return whether the PDF was made
     */
    boolean documents(ProjectReport project, Review review) throws IOException {
      byte[] pdf =
          pdfs == null
              ? null
              : pdf("review PDF", review.file(), () -> pdfs.review(data, project, review));
      if (pdf != null) {
        tree.write(SitePaths.reviewPdf(project, review), pdf);
        pdfCount.incrementAndGet();
      }
      String chart = SitePaths.reviewChart(project, review);
      contained(
          "review chart",
          review.file(),
          chart,
          () -> {
            String element = sectionChart(review);
            text(
                chart,
                out ->
                    SvgCharts.writeDocument(
                        element,
                        "Done and open items per section, "
                            + ChartFactory.label(project.name(), 80)
                            + ", review of "
                            + review.date(),
                        out));
          });
      return pdf != null;
    }

    /** Makes a review's page; {@code withPdf}: its PDF is there. */
    void reviewPage(ProjectReport project, int index, boolean withPdf) throws IOException {
      Review review = project.reviews().get(index);
      String path = SitePaths.review(project, review);
      contained(
          "review page", review.file(), path, () -> reviewPage(project, index, path, withPdf));
    }

    /**
     * A review's page shows that review, the ones before it (the diff, blocker ages), the date of
     * the next one and, for the latest, what is counted to today: never the build's time, so that
     * it can be kept from build to build (docs/architecture.md, "What a build keeps").
     */
    private void reviewPage(ProjectReport project, int index, String path, boolean withPdf)
        throws IOException {
      Review review = project.reviews().get(index);
      Map<String, Object> model = model(path);
      model.remove("generatedAt");
      model.put("pdf", withPdf);
      model.put("pdfFailed", pdfs != null && !withPdf);
      model.put("project", project);
      model.put("review", review);
      model.put("previous", index > 0 ? project.reviews().get(index - 1) : null);
      model.put(
          "next", index + 1 < project.reviews().size() ? project.reviews().get(index + 1) : null);
      model.put("diff", project.diffInto(index));
      model.put("event", project.timeline().reviews().get(index));
      TextDirection direction = MarkdownRenderer.direction(review.snapshot());
      model.put("direction", direction.attribute());
      Set<Integer> anchors = new HashSet<>();
      List<SectionView> sections = new ArrayList<>();
      for (SectionFigures f : review.sections()) {
        MarkdownRenderer.Fragment body = markdown.sectionBody(f.section(), 1, direction);
        anchors.addAll(body.anchors());
        // The page shows the section's heading itself; it carries the heading's line unless the
        // body kept a heading there (the text before the first H2 has none to drop).
        boolean headingAnchor = anchors.add(f.section().line());
        sections.add(new SectionView(f, SiteTemplates.markup(body.html()), headingAnchor));
      }
      model.put("sections", sections);
      List<PartView> rest = new ArrayList<>();
      for (Part part : review.snapshot().parts()) {
        if (part.section() == 0) {
          MarkdownRenderer.Fragment body = markdown.part(part, 1, direction);
          anchors.addAll(body.anchors());
          rest.add(new PartView(part, SiteTemplates.markup(body.html())));
        }
      }
      model.put("rest", rest);
      model.put("anchors", new Anchors(anchors));
      page(path, "review.ftlh", model);
    }

    /**
     * A review's done/open chart without its title, drawn once per distinct figures: from one week
     * to the next most sections keep their counts, and identical figures give identical SVG.
     */
    private String sectionChart(Review review) {
      List<Bar> bars = new ArrayList<>(review.sections().size());
      for (SectionFigures f : review.sections()) {
        bars.add(new Bar(f.section().label(), f.done(), f.total()));
      }
      String element = sectionCharts.get(bars);
      if (element == null) {
        int height = 70 + 26 * Math.max(1, review.sections().size());
        element = SvgCharts.element(ChartFactory.sectionBars(review), 760, height, "sections");
        if (sectionCharts.size() >= CHART_CACHE_LIMIT) {
          sectionCharts.clear();
        }
        sectionCharts.put(bars, element);
      }
      return element;
    }

    void blockers() throws IOException {
      Map<String, Object> model = model(SitePaths.BLOCKERS);
      model.put("blockers", data.openBlockers());
      page(SitePaths.BLOCKERS, "blockers.ftlh", model);
    }

    void timeline() throws IOException {
      Map<String, Object> model = model(SitePaths.TIMELINE);
      List<ProjectTimeline> timelines = new ArrayList<>();
      for (ProjectReport p : data.projects()) {
        timelines.add(new ProjectTimeline(p, SiteTemplates.markup(gantt(p)), lastEvent(p)));
      }
      model.put("timelines", timelines);
      model.put(
          "due",
          timelines.stream()
              .filter(t -> t.next().due() != null)
              .sorted(
                  Comparator.comparing((ProjectTimeline t) -> t.next().due())
                      .thenComparing(t -> t.project().slug()))
              .toList());
      model.put("reviews", allReviews());
      page(SitePaths.TIMELINE, "timeline.ftlh", model);
    }

    void search() throws IOException {
      page(SitePaths.SEARCH, "search.ftlh", model(SitePaths.SEARCH));
      tree.write(SitePaths.SEARCH_INDEX, SearchIndex.script(data, new PageLinks(SitePaths.SEARCH)));
    }

    void feed() throws IOException {
      Map<String, Object> model = model(SitePaths.FEED);
      model.put("baseUrl", data.settings().site().baseUrl());
      model.put("reviews", allReviews());
      text(SitePaths.FEED, out -> templates.render("feed.ftlx", model, out));
    }

    void sitemap() throws IOException {
      if (data.settings().site().baseUrl() == null) {
        return;
      }
      Map<String, Object> model = model(SitePaths.SITEMAP);
      model.put("baseUrl", data.settings().site().baseUrl());
      model.put("pages", List.of(SitePaths.INDEX, SitePaths.BLOCKERS, SitePaths.TIMELINE));
      model.put("projectPages", data.projects().stream().map(SitePaths::project).toList());
      model.put("reviews", allReviews());
      text(SitePaths.SITEMAP, out -> templates.render("sitemap.ftlx", model, out));
    }

    void assets() throws IOException {
      for (Map.Entry<String, byte[]> asset : templates.assets().entrySet()) {
        tree.write("assets/" + asset.getKey(), asset.getValue());
      }
    }

    /** Every review of every project, newest first (then by project slug). */
    private List<ReviewRef> allReviews() {
      List<ReviewRef> all = new ArrayList<>();
      for (ProjectReport p : data.projects()) {
        for (Review r : p.reviews()) {
          all.add(new ReviewRef(p, r, SitePaths.review(p, r)));
        }
      }
      all.sort(
          Comparator.comparing((ReviewRef r) -> r.review().date(), Comparator.reverseOrder())
              .thenComparing(r -> r.project().slug()));
      return all;
    }

    private static Timeline.ReviewEvent lastEvent(ProjectReport p) {
      List<Timeline.ReviewEvent> events = p.timeline().reviews();
      return events.get(events.size() - 1);
    }

    private static String sparkline(ProjectReport p) {
      List<Trend.Point> points = p.trend().points();
      String values =
          points.stream()
              .map(pt -> pt.date() + " " + Format.percent(pt.percent()))
              .collect(Collectors.joining(", "));
      return Sparkline.svg(
          points.stream().map(Trend.Point::percent).toList(),
          "Computed percent by review: " + values);
    }

    private String gantt(ProjectReport p) {
      return Gantt.svg(
          p.timeline(),
          data.today(),
          "Timeline of "
              + p.name()
              + ": reviews, next-review due dates and recommended weeks; "
              + "the same as the tables below");
    }

    private static String badge(ProjectReport p) {
      Review latest = p.latest();
      int blockers = latest.blockers().size();
      String value =
          Format.percent(latest.percent())
              + " · "
              + blockers
              + (blockers == 1 ? " blocker" : " blockers");
      Badge.Tone tone =
          latest.percent() == null
              ? Badge.Tone.NONE
              : latest.verdict().pass()
                  ? Badge.Tone.GOOD
                  : blockers > 0 ? Badge.Tone.BAD : Badge.Tone.WARN;
      return Badge.svg(
          "readiness",
          value,
          tone,
          p.name()
              + ": "
              + Format.percent(latest.percent())
              + " of items checked and "
              + blockers
              + " open "
              + (blockers == 1 ? "blocker" : "blockers")
              + " in the review of "
              + latest.date());
    }
  }
}
