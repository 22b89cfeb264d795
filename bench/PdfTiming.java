import dev.readiness.BuildPipeline;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.render.pdf.PdfRenderer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
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
 *
 * <p>With {@code --compare JAR...} it loads each jar (e.g. one built from main and one from a
 * branch) in its own class loader and renders the seed review and the history with each in turn,
 * round after round on one thread, so that both see the same load on a shared machine; it prints
 * the CPU time of each render (median, p10, p90). Add {@code -XX:TieredStopAtLevel=1} to time the
 * JIT mode the {@code readiness} launcher uses.
 *
 * <pre>
 * java -Djava.awt.headless=true -cp target/readiness.jar bench/PdfTiming.java --compare [--rounds N] OLD.jar NEW.jar
 * </pre>
 *
 * <p>With {@code --corpus DIR} it analyses DIR as a build does, then renders every review and
 * history PDF of it once, as a cold build does, on {@code --threads N} (default 2) threads sharing
 * one renderer, and prints the wall time and the CPU time of that rendering and the bytes written.
 * Run it in a fresh JVM with the launcher's flags to see what PDFs cost in a cold build:
 *
 * <pre>
 * java -Djava.awt.headless=true -Xmx700m -XX:TieredStopAtLevel=1 -cp target/readiness.jar \
 *     bench/PdfTiming.java --corpus /tmp/c520 [--threads 2]
 * </pre>
 *
 * <p>With {@code --compare-corpus DIR JAR...} each jar analyses DIR in its own class loader, then
 * every PDF of the corpus is rendered once by each jar in turn, on one thread, from a cold start
 * (the order swapped every PDF): the CPU time of each render is paired in time with the other
 * jar's, so that the load of a shared machine falls on both alike. It prints each jar's total CPU
 * time, that of the first 50 PDFs (the coldest) and of the rest.
 */
public class PdfTiming {
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--compare")) {
      compare(Arrays.asList(args).subList(1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("--compare-corpus")) {
      compareCorpus(Path.of(args[1]), Arrays.asList(args).subList(2, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("--corpus")) {
      corpus(
          Path.of(args[1]),
          args.length > 3 && args[2].equals("--threads") ? Integer.parseInt(args[3]) : 2);
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int threads =
        args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    ReportData data =
        BuildPipeline.analyze(
            new BuildPipeline.Options(
                Path.of("checklists"),
                "checklists",
                Settings.DEFAULTS,
                null,
                true,
                1,
                Clock.fixed(Instant.parse("2026-03-16T00:00:00Z"), ZoneOffset.UTC)));
    ProjectReport project =
        data.projects().stream()
            .filter(p -> p.slug().equals("mahavishnu"))
            .findFirst()
            .orElseThrow();
    Review seed = project.reviews().get(0);
    PdfRenderer renderer = new PdfRenderer("A4");

    long start = System.nanoTime();
    byte[] first = renderer.review(data, project, seed);
    System.out.printf(
        Locale.ROOT,
        "first review PDF (cold JVM, fonts loaded): %.1f ms, %d bytes%n",
        (System.nanoTime() - start) / 1e6,
        first.length);

    for (int i = 0; i < rounds; i++) {
      renderer.review(data, project, seed);
      renderer.history(data, project);
    }
    System.out.printf(Locale.ROOT, "load average %.2f%n", loadAverage());
    report(
        "seed review PDF", time(rounds, () -> renderer.review(data, project, seed)), first.length);
    byte[] history = renderer.history(data, project);
    report(
        "mahavishnu history PDF",
        time(rounds, () -> renderer.history(data, project)),
        history.length);

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
      System.out.printf(
          Locale.ROOT,
          "all %d PDFs of the example on %d threads: %.2f ms per PDF (throughput)%n",
          all.size(),
          threads,
          perPdf);
    } finally {
      pool.shutdown();
    }
  }

  /** Renders every PDF of a corpus once on {@code threads} threads, as a cold build does. */
  private static void corpus(Path input, int threads) throws Exception {
    long t0 = System.nanoTime();
    ReportData data =
        BuildPipeline.analyze(
            new BuildPipeline.Options(
                input,
                input.toString(),
                Settings.DEFAULTS,
                null,
                true,
                threads,
                Clock.fixed(Instant.parse("2027-03-16T00:00:00Z"), ZoneOffset.UTC)));
    double analysis = (System.nanoTime() - t0) / 1e6;
    PdfRenderer renderer = new PdfRenderer("A4", problem -> {});
    List<java.util.concurrent.Callable<byte[]>> all = new ArrayList<>();
    for (ProjectReport p : data.projects()) {
      for (Review r : p.reviews()) {
        all.add(() -> renderer.review(data, p, r));
      }
      all.add(() -> renderer.history(data, p));
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long bytes = 0;
    try {
      for (Future<byte[]> f : pool.invokeAll(all)) {
        bytes += f.get().length;
      }
    } finally {
      pool.shutdown();
    }
    double wall = (System.nanoTime() - wall0) / 1e6;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "%d PDFs of %s on %d threads (analysis %.0f ms before): wall %.0f ms, CPU %.0f ms"
            + " (%.2f ms CPU per PDF), %d bytes (%.0f KB per PDF); load average %.2f%n",
        all.size(),
        input,
        threads,
        analysis,
        wall,
        cpu,
        cpu / all.size(),
        bytes,
        bytes / 1024.0 / all.size(),
        loadAverage());
  }

  private static void compareCorpus(Path input, List<String> jars) throws Exception {
    List<List<Render>> renders = new ArrayList<>();
    for (String jar : jars) {
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> pipeline = loader.loadClass("dev.readiness.BuildPipeline");
      Class<?> options = loader.loadClass("dev.readiness.BuildPipeline$Options");
      Object defaults =
          loader.loadClass("dev.readiness.config.Settings").getField("DEFAULTS").get(null);
      Object o =
          options.getConstructors()[0].newInstance(
              input,
              input.toString(),
              defaults,
              null,
              true,
              2,
              Clock.fixed(Instant.parse("2027-03-16T00:00:00Z"), ZoneOffset.UTC));
      Object data = pipeline.getMethod("analyze", options).invoke(null, o);
      Class<?> type = loader.loadClass("dev.readiness.render.pdf.PdfRenderer");
      Object renderer =
          type.getConstructor(String.class, java.util.function.Consumer.class)
              .newInstance("A4", (java.util.function.Consumer<Object>) p -> {});
      Method review = null;
      Method history = null;
      for (Method m : type.getMethods()) {
        if (m.getName().equals("review")) {
          review = m;
        } else if (m.getName().equals("history")) {
          history = m;
        }
      }
      List<Render> list = new ArrayList<>();
      for (Object p : (List<?>) data.getClass().getMethod("projects").invoke(data)) {
        for (Object r : (List<?>) p.getClass().getMethod("reviews").invoke(p)) {
          Method m = review;
          list.add(() -> (byte[]) m.invoke(renderer, data, p, r));
        }
        Method m = history;
        list.add(() -> (byte[]) m.invoke(renderer, data, p));
      }
      renders.add(list);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int n = renders.get(0).size();
    double[][] cpu = new double[jars.size()][n];
    long[] bytes = new long[jars.size()];
    double load = loadAverage();
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < jars.size(); k++) {
        int j = (k + i) % jars.size();
        long c = threads.getCurrentThreadCpuTime();
        bytes[j] += renders.get(j).get(i).run().length;
        cpu[j][i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d PDFs of %s, one thread, jars taking turns; load average %.2f before, %.2f after%n",
        n,
        input,
        load,
        loadAverage());
    for (int k = 0; k < jars.size(); k++) {
      double first = Arrays.stream(cpu[k], 0, Math.min(50, n)).sum();
      double rest = Arrays.stream(cpu[k], Math.min(50, n), n).sum();
      double[] sorted = cpu[k].clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "%s: CPU %.0f ms in all (%.2f ms per PDF, median %.2f); first 50 PDFs %.0f ms,"
              + " the other %d %.0f ms (%.2f ms per PDF); %d bytes%n",
          jars.get(k),
          first + rest,
          (first + rest) / n,
          sorted[n / 2],
          first,
          n - 50,
          rest,
          rest / (n - 50),
          bytes[k]);
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
    System.out.printf(
        Locale.ROOT,
        "%s: wall median %.2f ms (p90 %.2f, min %.2f), CPU median %.2f ms, over %d renders;"
            + " %d bytes (%.0f KB)%n",
        what,
        wall[wall.length / 2],
        wall[(int) (wall.length * 0.9)],
        wall[0],
        cpu[cpu.length / 2],
        wall.length,
        bytes,
        bytes / 1024.0);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * One jar's renderer and the example it analysed, reached by reflection in the jar's own class
   * loader.
   */
  private record Side(
      String name,
      Object renderer,
      Method review,
      Method history,
      Object data,
      Object project,
      Object seed) {
    static Side load(String jar) throws Exception {
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> pipeline = loader.loadClass("dev.readiness.BuildPipeline");
      Class<?> options = loader.loadClass("dev.readiness.BuildPipeline$Options");
      Object defaults =
          loader.loadClass("dev.readiness.config.Settings").getField("DEFAULTS").get(null);
      Object o =
          options.getConstructors()[0].newInstance(
              Path.of("checklists"),
              "checklists",
              defaults,
              null,
              true,
              1,
              Clock.fixed(Instant.parse("2026-03-16T00:00:00Z"), ZoneOffset.UTC));
      Object data = pipeline.getMethod("analyze", options).invoke(null, o);
      Object project = null;
      for (Object p : (List<?>) data.getClass().getMethod("projects").invoke(data)) {
        if (p.getClass().getMethod("slug").invoke(p).equals("mahavishnu")) {
          project = p;
        }
      }
      Object seed = ((List<?>) project.getClass().getMethod("reviews").invoke(project)).get(0);
      Class<?> type = loader.loadClass("dev.readiness.render.pdf.PdfRenderer");
      Object renderer = type.getConstructor(String.class).newInstance("A4");
      Method review = null;
      Method history = null;
      for (Method m : type.getMethods()) {
        if (m.getName().equals("review")) {
          review = m;
        } else if (m.getName().equals("history")) {
          history = m;
        }
      }
      return new Side(jar, renderer, review, history, data, project, seed);
    }

    byte[] renderReview() throws Exception {
      return (byte[]) review.invoke(renderer, data, project, seed);
    }

    byte[] renderHistory() throws Exception {
      return (byte[]) history.invoke(renderer, data, project);
    }
  }

  private static void compare(List<String> args) throws Exception {
    int rounds = 300;
    List<Side> sides = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--rounds")) {
        rounds = Integer.parseInt(args.get(++i));
      } else {
        sides.add(Side.load(args.get(i)));
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int n = sides.size();
    double[][] review = new double[n][rounds];
    double[][] history = new double[n][rounds];
    int[] reviewBytes = new int[n];
    int[] historyBytes = new int[n];
    for (int w = 0; w < Math.max(200, rounds / 2); w++) {
      for (Side side : sides) {
        side.renderReview();
        side.renderHistory();
      }
    }
    double loadBefore = loadAverage();
    for (int i = 0; i < rounds; i++) {
      for (int k = 0; k < n; k++) {
        int j = (k + i) % n;
        Side side = sides.get(j);
        long c = threads.getCurrentThreadCpuTime();
        reviewBytes[j] = side.renderReview().length;
        review[j][i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        c = threads.getCurrentThreadCpuTime();
        historyBytes[j] = side.renderHistory().length;
        history[j][i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d rounds, jars taking turns; load average %.2f before, %.2f after%n",
        rounds,
        loadBefore,
        loadAverage());
    for (int k = 0; k < n; k++) {
      Arrays.sort(review[k]);
      Arrays.sort(history[k]);
      System.out.printf(
          Locale.ROOT,
          "%s%n  seed review CPU median %.2f ms (p10 %.2f, p90 %.2f), %d bytes%n"
              + "  history     CPU median %.2f ms (p10 %.2f, p90 %.2f), %d bytes%n",
          sides.get(k).name(),
          review[k][rounds / 2],
          review[k][rounds / 10],
          review[k][rounds * 9 / 10],
          reviewBytes[k],
          history[k][rounds / 2],
          history[k][rounds / 10],
          history[k][rounds * 9 / 10],
          historyBytes[k]);
    }
  }
}
