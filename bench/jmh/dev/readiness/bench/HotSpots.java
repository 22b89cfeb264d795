package dev.readiness.bench;

import dev.readiness.BuildPipeline;
import dev.readiness.Version;
import dev.readiness.analyze.Analyzer;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.read.InputReader;
import dev.readiness.read.Inventory;
import dev.readiness.read.ParsedDocument;
import dev.readiness.read.SnapshotParser;
import dev.readiness.render.OutputTree;
import dev.readiness.render.chart.ChartFactory;
import dev.readiness.render.chart.SvgCharts;
import dev.readiness.render.pdf.PdfRenderer;
import dev.readiness.render.site.SiteRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot spots of a build, each on the bundled example (run from the repository root; see
 * bench/README.md): parse the seed, analyze the example history, draw one chart, write one PDF,
 * render the example's HTML site (14 pages, its charts and data.json).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx700m"})
@State(Scope.Benchmark)
public class HotSpots {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-16T00:00:00Z"), ZoneOffset.UTC);

  private final SnapshotParser parser = new SnapshotParser();
  private String seedText;
  private Inventory inventory;
  private ReportData data;
  private ProjectReport project;
  private Review seed;
  private PdfRenderer pdfs;
  private Path scratch;

  @Setup
  public void setUp() throws IOException {
    seedText = Files.readString(Path.of("checklists/mahavishnu/2026-02-02.md"));
    inventory =
        new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1)
            .read(Path.of("checklists"), "checklists");
    data = BuildPipeline.analyze(options());
    project =
        data.projects().stream()
            .filter(p -> p.slug().equals("mahavishnu"))
            .findFirst()
            .orElseThrow();
    seed = project.reviews().get(0);
    pdfs = new PdfRenderer("A4");
    scratch = Files.createTempDirectory("readiness-jmh");
  }

  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> all = Files.walk(scratch)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static BuildPipeline.Options options() {
    return new BuildPipeline.Options(
        Path.of("checklists"), "checklists", Settings.DEFAULTS, null, false, 1, CLOCK);
  }

  /** The seed checklist (14 KB, 184 items) read into the model. */
  @Benchmark
  public ParsedDocument parseSeed() {
    return parser.parse("seed.md", seedText);
  }

  /**
   * The example history (8 reviews, 2 projects) analyzed: figures, diffs, blocker ages, forecast.
   */
  @Benchmark
  public ReportData analyzeExample() {
    return new Analyzer(Settings.DEFAULTS, LocalDate.of(2026, 3, 16))
        .analyze(inventory, "checklists", Version.generator(), CLOCK.instant());
  }

  /** The seed review's done/open chart per section, as SVG. */
  @Benchmark
  public String sectionChart() {
    return SvgCharts.element(
        ChartFactory.sectionBars(seed), 760, 70 + 26 * seed.sections().size(), "sections");
  }

  /** The seed review's PDF report. */
  @Benchmark
  public byte[] reviewPdf() throws IOException {
    return pdfs.review(data, project, seed);
  }

  /** The example's whole HTML site on one thread (14 pages, charts, data.json), no PDFs. */
  @Benchmark
  @Warmup(iterations = 3, time = 3)
  @Measurement(iterations = 5, time = 3)
  public SiteRenderer.Stats exampleSite() throws IOException {
    try (OutputTree tree = OutputTree.begin(scratch.resolve("site"))) {
      SiteRenderer.Stats stats = new SiteRenderer(null, false, 1).render(data, tree);
      tree.commit();
      return stats;
    }
  }
}
