package dev.readiness;

import dev.readiness.analyze.Analyzer;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.read.InputReader;
import dev.readiness.read.Inventory;
import dev.readiness.read.git.GitSources;
import dev.readiness.render.OutputTree;
import dev.readiness.render.SitePaths;
import dev.readiness.render.site.SiteRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
      Path input, String shownAs, Settings settings, Path templates, boolean pdf, int jobs, Clock clock,
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
    public Options(Path input, String shownAs, Settings settings, Path templates, boolean pdf, int jobs, Clock clock) {
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
    InputReader reader = new InputReader(options.settings().input().maxFileBytes(), options.settings().soleProject(),
        options.jobs());
    Instant now = options.clock().instant();
    Inventory inventory = options.input() == null ? new Inventory(List.of(), List.of())
        : reader.read(options.input(), options.shownAs(), projects);
    if (!options.git().isEmpty()) {
      inventory = options.git().addTo(inventory, reader, now, projects);
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return new Analyzer(options.settings(), today).analyze(inventory, options.shownAs(), Version.generator(), now);
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
   * {@link #build(Options, Path)} into an output folder that, with {@link OutputTree.Foreign#ADOPT},
   * may be a non-empty folder readiness did not make, telling {@code progress} how far it has got.
   * What a killed build left in the output is finished or removed first. When nothing the output
   * depends on has changed since the last build and the output is whole, nothing is read or written
   * and the last build's summary is returned (see {@link BuildState}); with {@code clean}, the last
   * build's record is not read, so nothing is up to date and every page is rendered again. When the
   * input holds no review, nothing is written and the summary says why.
   *
   * @throws dev.readiness.render.OutputRefusedException when the output folder is refused; nothing was written
   */
  public static Result build(Options options, Path output, OutputTree.Foreign foreign, Progress progress,
      boolean clean) throws IOException {
    return build(options, output, foreign, progress, clean,
        o -> new SiteRenderer(o.templates(), o.pdf(), o.jobs()));
  }

  /** The build, with the renderer {@code renderers} makes (tests plant one that fails). */
  static Result build(Options options, Path output, OutputTree.Foreign foreign, Progress progress, boolean clean,
      Function<Options, SiteRenderer> renderers) throws IOException {
    Objects.requireNonNull(progress, "progress");
    OutputTree.recover(output);
    SortedMap<String, String> inputHashes = BuildState.inputHashes(options);
    String fingerprint = BuildState.fingerprint(options, inputHashes);
    Map<String, String> previousUnits;
    {
      // The previous state repeats every warning of its build: tens of MB for a large portfolio,
      // not to be held while this build reads and renders.
      List<String> state = clean ? List.of() : BuildState.previous(output);
      BuildSummary previous = BuildState.upToDate(output, state, fingerprint);
      if (previous != null) {
        return new Result(null, previous.asUpToDate());
      }
      previousUnits = BuildState.units(state);
    }
    progress.reading();
    ReportData data = analyze(options);
    if (data.projects().isEmpty()) {
      // An empty portal must never replace a real one: nothing is written.
      Problem none = InputReader.noChecklists(options.input(), options.shownAs(), data.problems());
      return new Result(data, BuildSummary.of(data, new SiteRenderer.Stats(0, 0, 0), List.of(none)));
    }
    Map<String, String> keys = unitKeys(options, data, inputHashes);
    SiteRenderer.Reuse reuse = reuse(output, previousUnits, keys);
    try (OutputTree tree = OutputTree.begin(output, foreign)) {
      progress.rendering(data, tree::size);
      SiteRenderer renderer = renderers.apply(options);
      SiteRenderer.Stats stats = renderer.render(data, tree, reuse);
      SiteRenderer.Stats withState = new SiteRenderer.Stats(stats.pages(), stats.pdfs(), stats.files() + 1);
      BuildSummary summary = BuildSummary.of(data, withState, renderer.problems());
      List<String> files = new java.util.ArrayList<>(tree.written());
      files.add(BuildState.FILE);
      tree.write(BuildState.FILE, BuildState.write(fingerprint, summary, files,
          keepable(data, keys, renderer.problems())));
      tree.commit();
      return new Result(data, summary);
    }
  }

  /** The key of each project's outputs (see {@link BuildState#unitKey}), by slug. */
  private static Map<String, String> unitKeys(Options options, ReportData data, SortedMap<String, String> inputHashes)
      throws IOException {
    String base = BuildState.base(options);
    Map<String, String> keys = new TreeMap<>();
    for (ProjectReport p : data.projects()) {
      keys.put(p.slug(), BuildState.unitKey(base, p, inputHashes));
    }
    return keys;
  }

  /**
   * The projects whose outputs the previous build in {@code output} made from the same key, with
   * their files: those are kept as they are rather than made again.
   */
  private static SiteRenderer.Reuse reuse(Path output, Map<String, String> previous, Map<String, String> keys)
      throws IOException {
    if (previous.isEmpty()) {
      return SiteRenderer.Reuse.NONE;
    }
    List<String> manifest = OutputTree.manifest(output);
    return project -> {
      String key = keys.get(project.slug());
      if (key == null || !key.equals(previous.get(project.slug()))) {
        return null;
      }
      String folder = "projects/" + project.slug() + "/";
      String badge = SitePaths.badge(project);
      List<String> files = manifest.stream().filter(f -> f.startsWith(folder) || f.equals(badge)).toList();
      boolean whole = !files.isEmpty() && files.stream()
          .allMatch(f -> Files.isRegularFile(output.resolve(f), LinkOption.NOFOLLOW_LINKS));
      return whole ? files : null;
    };
  }

  /**
   * The keys to record for a later build: every project's, but those that rendering found a
   * problem in (an output that could not be made, a PDF that lacked a font for some characters):
   * those are made again next time, so that the problem is reported again, or gone once fixed.
   */
  private static Map<String, String> keepable(ReportData data, Map<String, String> keys, List<Problem> renderProblems) {
    Set<String> warned = new HashSet<>();
    renderProblems.forEach(p -> warned.add(p.file()));
    Map<String, String> units = new TreeMap<>();
    for (ProjectReport p : data.projects()) {
      if (!warned.contains(SiteRenderer.shownFolder(p))
          && p.reviews().stream().noneMatch(r -> warned.contains(r.file()))) {
        units.put(p.slug(), keys.get(p.slug()));
      }
    }
    return units;
  }
}
