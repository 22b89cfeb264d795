import com.sun.management.OperatingSystemMXBean;
import dev.readiness.BuildPipeline;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.analyze.SectionFigures;
import dev.readiness.config.Settings;
import dev.readiness.model.Part;
import dev.readiness.render.OutputTree;
import dev.readiness.render.site.SiteRenderer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Times the site renderer (no PDFs) once the JVM is warm: the input is read and analyzed once, then
 * the whole site is rendered again and again into a staging folder that is thrown away. Prints wall
 * and process CPU time per render (medians), and how often the review pages' Markdown and charts
 * repeat across the input. Not a test; run it by hand:
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -Djava.awt.headless=true -cp target/readiness.jar bench/SiteTiming.java INPUT [rounds] [jobs] [warmup]
 * </pre>
 *
 * With {@code -Djfr=FILE} (and {@code -XX:FlightRecorderOptions:stackdepth=512}) the measured
 * rounds, not the warm-up, are recorded with JFR's {@code profile} settings, and the share of the
 * samples in each kind of work is printed with the CPU milliseconds it stands for per round.
 */
public class SiteTiming {
  public static void main(String[] args) throws Exception {
    Path input = Path.of(args.length > 0 ? args[0] : "checklists");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int jobs =
        args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    long t0 = System.nanoTime();
    long c0 = os.getProcessCpuTime();
    ReportData data =
        BuildPipeline.analyze(
            new BuildPipeline.Options(
                input,
                input.toString(),
                Settings.DEFAULTS,
                null,
                false,
                jobs,
                Clock.fixed(Instant.ofEpochSecond(1773100800L), ZoneOffset.UTC)));
    System.out.printf(
        Locale.ROOT,
        "read and analyzed %s in %.0f ms wall, %.0f ms process CPU (cold JVM)%n",
        input,
        (System.nanoTime() - t0) / 1e6,
        (os.getProcessCpuTime() - c0) / 1e6);
    repeats(data);

    Path scratch = Files.createTempDirectory("site-timing-");
    SiteRenderer renderer = new SiteRenderer(null, false, jobs);
    for (int i = 0; i < warmup; i++) {
      render(renderer, data, scratch, os);
    }
    Recording recording = null;
    if (System.getProperty("jfr") != null) {
      recording = new Recording(Configuration.getConfiguration("profile"));
      recording.start();
    }
    double[] wall = new double[rounds];
    double[] cpu = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      double[] r = render(renderer, data, scratch, os);
      wall[i] = r[0];
      cpu[i] = r[1];
      if (Boolean.getBoolean("verbose")) {
        System.out.printf(
            Locale.ROOT, "  round %d: wall %.0f ms, CPU %.0f ms%n", i + 1, r[0], r[1]);
      }
    }
    if (recording != null) {
      recording.stop();
      recording.dump(Path.of(System.getProperty("jfr")));
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    int reviews = data.projects().stream().mapToInt(p -> p.reviews().size()).sum();
    System.out.printf(
        Locale.ROOT,
        "render (no PDF, %d jobs, %d reviews), %d rounds after %d warm-up: wall median %.0f ms"
            + " (min %.0f, max %.0f), process CPU median %.0f ms (min %.0f, max %.0f); CPU per review %.2f ms%n",
        jobs,
        reviews,
        rounds,
        warmup,
        wall[rounds / 2],
        wall[0],
        wall[rounds - 1],
        cpu[rounds / 2],
        cpu[0],
        cpu[rounds - 1],
        cpu[rounds / 2] / reviews);
    System.out.printf(Locale.ROOT, "load average %.2f%n", os.getSystemLoadAverage());
    if (recording != null) {
      breakdown(Path.of(System.getProperty("jfr")), cpu[rounds / 2], reviews);
    }
    Files.delete(scratch);
  }

  /**
   * Wall and process CPU milliseconds of one render; the staging folder is deleted afterwards,
   * untimed.
   */
  private static double[] render(
      SiteRenderer renderer, ReportData data, Path scratch, OperatingSystemMXBean os)
      throws Exception {
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    try (OutputTree tree = OutputTree.begin(scratch.resolve("site"))) {
      renderer.render(data, tree);
      double[] result = {(System.nanoTime() - wall) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6};
      return result;
    }
  }

  /** How many of the review pages' fragments and charts repeat, by what they could be keyed on. */
  private static void repeats(ReportData data) {
    int sections = 0;
    int parts = 0;
    int reviews = 0;
    Set<List<Object>> byTextAndLine = new HashSet<>();
    Set<String> byText = new HashSet<>();
    Set<List<Object>> partsByTextAndLine = new HashSet<>();
    Set<List<Object>> bars = new HashSet<>();
    for (ProjectReport p : data.projects()) {
      for (Review r : p.reviews()) {
        reviews++;
        List<Object> figures = new ArrayList<>();
        for (SectionFigures f : r.sections()) {
          sections++;
          byTextAndLine.add(List.of(f.section().markdown(), f.section().line()));
          byText.add(f.section().markdown());
          figures.add(List.of(f.section().label(), f.done(), f.total()));
        }
        bars.add(figures);
        for (Part part : r.snapshot().parts()) {
          if (part.section() == 0) {
            parts++;
            partsByTextAndLine.add(List.of(part.markdown(), part.line()));
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d reviews: %d sections, %d distinct by text and line, %d by text alone;"
            + " %d other parts, %d distinct by text and line; %d distinct section charts (labels and counts)%n",
        reviews,
        sections,
        byTextAndLine.size(),
        byText.size(),
        parts,
        partsByTextAndLine.size(),
        bars.size());
  }

  /**
   * Kinds of work, each a frame (class and method name prefix) that marks a sample as part of it.
   */
  private static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("review pages (all their work)", "dev.readiness.render.site.SiteRenderer$Run.review");
    KINDS.put("  checklist Markdown", "dev.readiness.render.html.MarkdownRenderer.");
    KINDS.put("  section chart", "dev.readiness.render.chart.SvgCharts.");
    KINDS.put("  template", "dev.readiness.render.html.SiteTemplates.render");
    KINDS.put("project pages and charts", "dev.readiness.render.site.SiteRenderer$Run.project");
    KINDS.put("portfolio", "dev.readiness.render.site.SiteRenderer$Run.portfolio");
    KINDS.put("timeline", "dev.readiness.render.site.SiteRenderer$Run.timeline");
    KINDS.put("feed", "dev.readiness.render.site.SiteRenderer$Run.feed");
    KINDS.put("search", "dev.readiness.render.site.SiteRenderer$Run.search");
    KINDS.put("data.json", "dev.readiness.render.json.ReportJson.data");
    KINDS.put("writing files", "dev.readiness.render.OutputTree.");
  }

  /**
   * Prints the share of execution samples in each kind of work (a sample counts for every kind
   * whose frame is on its stack) and what it stands for in CPU milliseconds per round.
   */
  private static void breakdown(Path jfr, double cpuPerRound, int reviews) throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    KINDS.keySet().forEach(k -> counts.put(k, 0));
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      samples++;
      for (Map.Entry<String, String> kind : KINDS.entrySet()) {
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
          String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
          if (name.startsWith(kind.getValue())) {
            counts.merge(kind.getKey(), 1, Integer::sum);
            break;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "JFR: %d execution samples in the measured rounds%n", samples);
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      double share = samples == 0 ? 0 : (double) c.getValue() / samples;
      System.out.printf(
          Locale.ROOT,
          "  %-32s %5.1f%%  ~%5.0f ms CPU per round, %.2f ms per review%n",
          c.getKey(),
          100 * share,
          share * cpuPerRound,
          share * cpuPerRound / reviews);
    }
  }
}
