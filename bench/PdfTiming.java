import dev.readiness.BuildPipeline;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.render.pdf.PdfRenderer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times the PDF renderer once the JVM is warm: the seed's review PDF (mahavishnu 2026-02-02), a
 * history PDF, and every PDF of the bundled example on several threads. Not a test; run it by hand:
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -Djava.awt.headless=true -cp target/readiness.jar bench/PdfTiming.java [rounds] [threads]
 * </pre>
 */
public class PdfTiming {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    ReportData data = BuildPipeline.analyze(new BuildPipeline.Options(Path.of("checklists"), "checklists",
        Settings.DEFAULTS, null, true, 1, Clock.fixed(Instant.parse("2026-03-16T00:00:00Z"), ZoneOffset.UTC)));
    ProjectReport project = data.projects().stream().filter(p -> p.slug().equals("mahavishnu")).findFirst().orElseThrow();
    Review seed = project.reviews().get(0);
    PdfRenderer renderer = new PdfRenderer("A4");

    long start = System.nanoTime();
    byte[] first = renderer.review(data, project, seed);
    System.out.printf(Locale.ROOT, "first review PDF (cold JVM, fonts loaded): %.1f ms, %d bytes%n",
        (System.nanoTime() - start) / 1e6, first.length);

    for (int i = 0; i < rounds; i++) {
      renderer.review(data, project, seed);
      renderer.history(data, project);
    }
    report("seed review PDF", time(rounds, () -> renderer.review(data, project, seed)), first.length);
    byte[] history = renderer.history(data, project);
    report("mahavishnu history PDF", time(rounds, () -> renderer.history(data, project)), history.length);

    List<Runnable> all = new ArrayList<>();
    for (ProjectReport p : data.projects()) {
      for (Review r : p.reviews()) {
        all.add(() -> unchecked(() -> renderer.review(data, p, r)));
      }
      all.add(() -> unchecked(() -> renderer.history(data, p)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int warm = 0; warm < 20; warm++) {
        run(pool, all);
      }
      int batches = Math.max(1, rounds / 5);
      long t0 = System.nanoTime();
      for (int i = 0; i < batches; i++) {
        run(pool, all);
      }
      double perPdf = (System.nanoTime() - t0) / 1e6 / (batches * all.size());
      System.out.printf(Locale.ROOT, "all %d PDFs of the example on %d threads: %.2f ms per PDF (throughput)%n",
          all.size(), threads, perPdf);
    } finally {
      pool.shutdown();
    }
  }

  private static void run(ExecutorService pool, List<Runnable> tasks) throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (Runnable t : tasks) {
      futures.add(pool.submit(t));
    }
    for (Future<?> f : futures) {
      f.get();
    }
  }

  interface Render {
    byte[] run() throws Exception;
  }

  private static void unchecked(Render r) {
    try {
      r.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Wall and CPU milliseconds of each render, each sorted. */
  private static double[][] time(int rounds, Render render) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[rounds];
    double[] cpu = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      render.run();
      wall[i] = (System.nanoTime() - t) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[][] {wall, cpu};
  }

  private static void report(String what, double[][] ms, int bytes) {
    double[] wall = ms[0];
    double[] cpu = ms[1];
    System.out.printf(Locale.ROOT, "%s: wall median %.2f ms (p90 %.2f, min %.2f), CPU median %.2f ms, over %d renders;"
        + " %d bytes (%.0f KB)%n", what, wall[wall.length / 2], wall[(int) (wall.length * 0.9)], wall[0],
        cpu[cpu.length / 2], wall.length, bytes, bytes / 1024.0);
  }
}
