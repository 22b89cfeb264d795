import com.sun.management.OperatingSystemMXBean;
import dev.readiness.BuildPipeline;
import dev.readiness.analyze.ReportData;
import dev.readiness.config.Settings;
import dev.readiness.read.InputReader;
import dev.readiness.read.Inventory;
import dev.readiness.read.git.GitCache;
import dev.readiness.read.git.GitSources;
import dev.readiness.read.git.SourceResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times reading a checklist's reviews from git history (docs/benchmarks.md, "Git sources").
 *
 * <p>Builds a synthetic repository: a year of weekly commits of the seed checklist (13,958 bytes;
 * each week two more boxes checked), with {@code noise} commits to other files between them, made
 * with {@code git fast-import} (the bench may use git; readiness does not). Then, in one JVM: the
 * first read of all reviews (cold), the median of warm reads with a fresh cache (walk, read every
 * blob, parse every review), a read with nothing changed through the same cache, and a read after
 * one new commit through the same cache (as {@code serve} rebuilds), with how many blobs each read.
 * Not a test; run it by hand:
 *
 * <pre>
 * mvn -q -DskipTests -Dappcds.skip=true package
 * java -Djava.awt.headless=true -cp target/readiness.jar bench/GitTiming.java SEED [weeks] [noise] [rounds]
 * </pre>
 */
public class GitTiming {
  public static void main(String[] args) throws Exception {
    Path seed =
        Path.of(args.length > 0 ? args[0] : "../shared/seed/production-readiness-checklist.md");
    int weeks = args.length > 1 ? Integer.parseInt(args[1]) : 52;
    int noise = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    String text = Files.readString(seed);
    Path repo = Files.createTempDirectory("readiness-git-bench");
    run(repo, "git", "init", "-q", "-b", "main");
    long t0 = System.nanoTime();
    fastImport(repo, text, weeks, noise);
    run(repo, "git", "checkout", "-q", "main");
    System.out.printf(
        Locale.ROOT,
        "repository %s: %d commits of docs/PRR.md (%d bytes), %d others; made in %.0f ms%n",
        repo,
        weeks,
        text.length(),
        weeks * noise,
        (System.nanoTime() - t0) / 1e6);

    Path file = repo.resolve("docs/PRR.md");
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Clock clock = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
    long c0 = System.nanoTime();
    long cpu0 = os.getProcessCpuTime();
    GitSources cold = sources(file, new GitCache());
    Inventory first = read(cold, clock);
    System.out.printf(
        Locale.ROOT,
        "first read (cold JVM): %d reviews, %d problems in %.0f ms wall, %.0f ms CPU; %s%n",
        first.projects().get(0).reviews().size(),
        first.problems().size(),
        (System.nanoTime() - c0) / 1e6,
        (os.getProcessCpuTime() - cpu0) / 1e6,
        cold.cache().stats());

    double[] warm = new double[rounds];
    double[] warmCpu = new double[rounds];
    double[] walk = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      long c = os.getProcessCpuTime();
      read(sources(file, new GitCache()), clock);
      warm[i] = (System.nanoTime() - t) / 1e6;
      warmCpu[i] = (os.getProcessCpuTime() - c) / 1e6;
      t = System.nanoTime();
      sources(file, new GitCache()).hashes();
      walk[i] = (System.nanoTime() - t) / 1e6;
    }
    System.out.printf(
        Locale.ROOT,
        "read all reviews, fresh cache (warm JVM): median %.1f ms wall (min %.1f),"
            + " %.1f ms CPU, over %d%n",
        median(warm),
        Arrays.stream(warm).min().orElse(0),
        median(warmCpu),
        rounds);
    System.out.printf(
        Locale.ROOT,
        "  of which the path-filtered walk alone (no blob read): median %.1f ms (min %.1f)%n",
        median(walk),
        Arrays.stream(walk).min().orElse(0));
    // Reading the 52 blobs alone (readiness has installed its read-only JGit set-up by now).
    List<String> blobs =
        first.projects().get(0).reviews().stream().map(r -> r.provenance().blob()).toList();
    double[] blobRead = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      try (org.eclipse.jgit.lib.Repository r =
          new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
              .setGitDir(repo.resolve(".git").toFile())
              .setMustExist(true)
              .build()) {
        long bytes = 0;
        for (String id : blobs) {
          bytes += r.open(org.eclipse.jgit.lib.ObjectId.fromString(id)).getBytes().length;
        }
        if (bytes < 52L * 13_000) {
          throw new IllegalStateException("read only " + bytes + " bytes");
        }
      }
      blobRead[i] = (System.nanoTime() - t) / 1e6;
    }
    System.out.printf(
        Locale.ROOT,
        "  reading the %d blobs alone: median %.1f ms (min %.1f)%n",
        blobs.size(),
        median(blobRead),
        Arrays.stream(blobRead).min().orElse(0));
    List<InputReader.Text> texts = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      texts.add(
          new InputReader.Text(
              week(text, 2 * w).getBytes(StandardCharsets.UTF_8),
              "docs/PRR.md@" + w,
              LocalDate.parse("2026-01-05").plusWeeks(w),
              "the commit date"));
    }
    double[] parse = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1).readTexts(texts);
      parse[i] = (System.nanoTime() - t) / 1e6;
    }
    System.out.printf(
        Locale.ROOT,
        "  the same %d texts parsed without git: median %.1f ms (min %.1f)%n",
        weeks,
        median(parse),
        Arrays.stream(parse).min().orElse(0));

    GitCache cache = new GitCache();
    read(sources(file, cache), clock);
    long u0 = System.nanoTime();
    read(sources(file, cache), clock);
    System.out.printf(
        Locale.ROOT,
        "read again, nothing moved (same cache): %.1f ms; %s%n",
        (System.nanoTime() - u0) / 1e6,
        cache.stats());

    fastImportOne(repo, text, weeks);
    GitCache.Stats before = cache.stats();
    long n0 = System.nanoTime();
    Inventory after = read(sources(file, cache), clock);
    GitCache.Stats now = cache.stats();
    System.out.printf(
        Locale.ROOT,
        "read after one new commit (same cache): %d reviews in %.1f ms; blobs read %d,"
            + " reviews parsed %d, commits walked %d%n",
        after.projects().get(0).reviews().size(),
        (System.nanoTime() - n0) / 1e6,
        now.blobs() - before.blobs(),
        now.parsed() - before.parsed(),
        now.commits() - before.commits());

    long a0 = System.nanoTime();
    ReportData data =
        BuildPipeline.analyze(
            new BuildPipeline.Options(
                null,
                "checklists",
                Settings.DEFAULTS,
                null,
                false,
                1,
                clock,
                sources(file, new GitCache())));
    System.out.printf(
        Locale.ROOT,
        "read and analyze (pipeline, fresh cache): %d reviews in %.1f ms%n",
        data.projects().get(0).reviews().size(),
        (System.nanoTime() - a0) / 1e6);
    System.out.println("repository left at " + repo + " (for the command-line timings)");
  }

  static GitSources sources(Path file, GitCache cache) throws Exception {
    return new GitSources(
        SourceResolver.resolve(
            List.of(new SourceResolver.Request(file, "docs/PRR.md", null, null, "--git")), null),
        false,
        ZoneOffset.UTC,
        Settings.DEFAULTS.input().maxFileBytes(),
        cache);
  }

  static Inventory read(GitSources sources, Clock clock) throws IOException {
    return sources.addTo(
        new Inventory(List.of(), List.of()),
        new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1),
        clock.instant(),
        slug -> true);
  }

  /** The seed with its first {@code extra} open boxes checked. */
  static String week(String seed, int extra) {
    Matcher m = Pattern.compile("- \\[ \\]").matcher(seed);
    StringBuilder out = new StringBuilder();
    int n = 0;
    while (m.find()) {
      m.appendReplacement(out, n++ < extra ? "- [x]" : "- [ ]");
    }
    m.appendTail(out);
    return out.toString();
  }

  static void fastImport(Path repo, String seed, int weeks, int noise) throws Exception {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    LocalDate start = LocalDate.parse("2026-01-05");
    int mark = 1;
    for (int w = 0; w < weeks; w++) {
      LocalDate day = start.plusWeeks(w);
      for (int k = 0; k < noise; k++) {
        commit(
            stream,
            mark++,
            mark > 2,
            day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 3600L * (k + 1),
            "src/Service" + k + ".java",
            "class Service" + k + " { int week = " + w + "; }\n");
      }
      commit(
          stream,
          mark++,
          mark > 2,
          day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 3600L * 16,
          "docs/PRR.md",
          week(seed, 2 * w));
    }
    feed(repo, stream.toByteArray());
  }

  static void fastImportOne(Path repo, String seed, int weeks) throws Exception {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    long when =
        LocalDate.parse("2026-01-05").plusWeeks(weeks).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
            + 3600L * 16;
    write(
        stream, "commit refs/heads/main\ncommitter Bench <bench@example.com> " + when + " +0000\n");
    data(stream, "week " + weeks);
    write(stream, "from refs/heads/main^0\n");
    write(stream, "M 100644 inline docs/PRR.md\n");
    data(stream, week(seed, 2 * weeks));
    feed(repo, stream.toByteArray());
  }

  static void commit(
      OutputStream out, int mark, boolean hasParent, long when, String path, String content)
      throws IOException {
    write(
        out,
        "commit refs/heads/main\nmark :"
            + mark
            + "\ncommitter Bench <bench@example.com> "
            + when
            + " +0000\n");
    data(out, "edit " + path);
    if (hasParent) {
      write(out, "from :" + (mark - 1) + "\n");
    }
    write(out, "M 100644 inline " + path + "\n");
    data(out, content);
  }

  static void data(OutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(out, "data " + bytes.length + "\n");
    out.write(bytes);
    write(out, "\n");
  }

  static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  static void feed(Path repo, byte[] stream) throws Exception {
    Process p =
        new ProcessBuilder("git", "fast-import", "--quiet")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stream);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("git fast-import failed: " + out);
    }
  }

  static void run(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
