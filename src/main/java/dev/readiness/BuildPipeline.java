package dev.readiness;

import dev.readiness.analyze.Analyzer;
import dev.readiness.analyze.ReportData;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.read.InputReader;
import dev.readiness.read.Inventory;
import dev.readiness.read.ParseCache;
import dev.readiness.read.git.GitSources;
import dev.readiness.render.OutputTree;
import dev.readiness.render.site.SiteRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/** The whole build, as the house diagram draws it: read, analyze, render. */
public final class BuildPipeline {
  private BuildPipeline() {}

  /**
   * What a build needs.
   *
   * @param input the input folder, or null when the checklists all come from {@code git}
   * @param shownAs how the input folder is named in messages
   * @param settings configuration with command-line overrides applied
   * @param templates a folder of templates that override the bundled ones, or null
   * @param pdf whether to write PDFs
   * @param jobs threads to use
   * @param clock the build clock
   * @param git checklists read from git history ({@code --git}, {@code sources:})
   */
  public record Options(
      Path input,
      String shownAs,
      Settings settings,
      Path templates,
      boolean pdf,
      int jobs,
      Clock clock,
      GitSources git) {
    public Options {
      Objects.requireNonNull(git, "git");
      if (input == null && git.isEmpty()) {
        throw new NullPointerException("input");
      }
      Objects.requireNonNull(shownAs, "shownAs");
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(clock, "clock");
      if (jobs < 1) {
        throw new IllegalArgumentException("jobs must be at least 1");
      }
    }

    /** Options for an input folder alone, with no git sources. */
    public Options(
        Path input,
        String shownAs,
        Settings settings,
        Path templates,
        boolean pdf,
        int jobs,
        Clock clock) {
      this(input, shownAs, settings, templates, pdf, jobs, clock, GitSources.NONE);
    }
  }

  /**
   * A finished build.
   *
   * @param data what was analyzed, or null when the output was already up to date
   * @param summary what the build did, as the command line reports it
   */
  public record Result(ReportData data, BuildSummary summary) {
    /** What was written. */
    public SiteRenderer.Stats stats() {
      return summary.stats();
    }

    /**
     * Whether a site was written: not when the output was up to date, nor when the input held no
     * review (the output is then left as it was, and the summary's problems say why).
     */
    public boolean written() {
      return data != null && !data.projects().isEmpty();
    }
  }

  /** Hears how far a build has got, for a progress display; called on the building thread. */
  public interface Progress {
    /** Hears nothing. */
    Progress NONE = new Progress() {};

    /** The input is being read and analyzed. */
    default void reading() {}

    /**
     * The analysis is done and files are being written.
     *
     * @param data what is being rendered
     * @param written how many files have been written so far; safe to call from any thread
     */
    default void rendering(ReportData data, IntSupplier written) {}
  }

  /** Reads and analyzes the input. */
  public static ReportData analyze(Options options) throws IOException {
    return analyze(options, slug -> true);
  }

  /**
   * Reads and analyzes the projects of the input whose slug {@code projects} accepts; the others
   * are not read (a gate or a PDF for one project of a large portfolio reads that project only).
   */
  public static ReportData analyze(Options options, Predicate<String> projects) throws IOException {
    return analyze(options, projects, parseCache(options, false));
  }

  /** {@link #analyze(Options, Predicate)}, taking unchanged files' parses from {@code parses}. */
  static ReportData analyze(Options options, Predicate<String> projects, ParseCache parses)
      throws IOException {
    InputReader reader =
        new InputReader(
                options.settings().input().maxFileBytes(),
                options.settings().soleProject(),
                options.jobs())
            .cachedIn(parses);
    Instant now = options.clock().instant();
    Inventory inventory =
        options.input() == null
            ? new Inventory(List.of(), List.of())
            : reader.read(options.input(), options.shownAs(), projects);
    if (!options.git().isEmpty()) {
      inventory = options.git().addTo(inventory, reader, now, projects);
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return new Analyzer(options.settings(), today)
        .analyze(inventory, options.shownAs(), Version.generator(), now);
  }

  /** Reads, analyzes and writes the site into {@code output}, swapped in only when complete. */
  public static Result build(Options options, Path output) throws IOException {
    return build(options, output, Progress.NONE);
  }

  /** {@link #build(Options, Path)}, telling {@code progress} how far it has got. */
  public static Result build(Options options, Path output, Progress progress) throws IOException {
    return build(options, output, OutputTree.Foreign.REFUSE, progress, false);
  }

  /**
   * {@link #build(Options, Path)} into an output folder that, with {@link
   * OutputTree.Foreign#ADOPT}, may be a non-empty folder readiness did not make, telling {@code
   * progress} how far it has got. What a killed build left in the output is finished or removed
   * first. When nothing the output depends on has changed since the last build and the output is
   * whole, nothing is read or written and the last build's summary is returned (see {@link
   * BuildCache}); with {@code clean}, the last build's record is not read, so nothing is up to date
   * and every page is rendered again. When the input holds no review, nothing is written and the
   * summary says why.
   *
   * @throws dev.readiness.render.OutputRefusedException when the output folder is refused; nothing
   *     was written
   */
  public static Result build(
      Options options, Path output, OutputTree.Foreign foreign, Progress progress, boolean clean)
      throws IOException {
    return build(
        options,
        output,
        foreign,
        progress,
        clean,
        o -> new SiteRenderer(o.templates(), o.pdf(), o.jobs()));
  }

  /** The build, with the renderer {@code renderers} makes (tests plant one that fails). */
  static Result build(
      Options options,
      Path output,
      OutputTree.Foreign foreign,
      Progress progress,
      boolean clean,
      Function<Options, SiteRenderer> renderers)
      throws IOException {
    return build(options, output, foreign, progress, clean, renderers, parseCache(options, clean));
  }

  /**
   * The cache of parsed checklists a build uses: in {@code parsed/} of the cache folder (see {@link
   * FileHashes}), keyed by the tool's version and build and the reader's byte limit. None when the
   * tool runs from a folder of classes rather than a jar, whose code can change under the same
   * version; with {@code clean}, what it holds is not read.
   */
  static ParseCache parseCache(Options options, boolean clean) {
    Path dir = FileHashes.cacheDir();
    if (dir == null || Version.build().isEmpty()) {
      return ParseCache.NONE;
    }
    return ParseCache.in(dir.resolve("parsed"), parseKey(options), !clean);
  }

  /** What besides a checklist's bytes and name changes how it is parsed. */
  static String parseKey(Options options) {
    return Version.generator()
        + " "
        + Version.build()
        + " maxFileBytes="
        + options.settings().input().maxFileBytes();
  }

  /** The build, taking unchanged files' parses from {@code parses} (tests count what it parses). */
  static Result build(
      Options options,
      Path output,
      OutputTree.Foreign foreign,
      Progress progress,
      boolean clean,
      Function<Options, SiteRenderer> renderers,
      ParseCache parses)
      throws IOException {
    Objects.requireNonNull(progress, "progress");
    OutputTree.recover(output);
    BuildCache cache =
        BuildCache.open(
            output,
            new BuildCache.Inputs(
                options.input(),
                options.git().hashes(),
                options.templates(),
                options.settings(),
                options.pdf(),
                options.shownAs(),
                options.clock()),
            clean);
    Optional<BuildSummary> unchanged = cache.upToDate();
    if (unchanged.isPresent()) {
      return new Result(null, unchanged.get().asUpToDate());
    }

    progress.reading();
    ReportData data = analyze(options, slug -> true, parses);
    if (data.projects().isEmpty()) {
      // An empty portal must never replace a real one: nothing is written.
      Problem none = InputReader.noChecklists(options.input(), options.shownAs(), data.problems());
      return new Result(
          data, BuildSummary.of(data, new SiteRenderer.Stats(0, 0, 0), List.of(none)));
    }

    try (OutputTree tree = OutputTree.begin(output, foreign)) {
      progress.rendering(data, tree::size);
      SiteRenderer renderer = renderers.apply(options);
      SiteRenderer.Stats stats = renderer.render(data, tree, cache.kept(data));
      // The state file, written last, is one of the files.
      SiteRenderer.Stats withState =
          new SiteRenderer.Stats(stats.pages(), stats.pdfs(), stats.files() + 1);
      BuildSummary summary = BuildSummary.of(data, withState, renderer.problems());
      cache.record(tree, data, summary, renderer.problems());
      tree.commit();
      parses.prune();
      return new Result(data, summary);
    }
  }
}
