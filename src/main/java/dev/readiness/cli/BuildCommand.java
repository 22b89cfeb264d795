package dev.readiness.cli;

import dev.readiness.BuildPipeline;
import dev.readiness.BuildSummary;
import dev.readiness.config.Settings;
import dev.readiness.read.git.GitCache;
import dev.readiness.read.git.GitSource;
import dev.readiness.read.git.GitSources;
import dev.readiness.render.OutputRefusedException;
import dev.readiness.render.OutputTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code readiness build}: the site, PDFs and data.json from a folder of checklists. */
@Command(
    name = "build",
    description = "Build the static site, PDF reports and data.json from a folder of checklists.",
    footer = {
      "",
      "Examples:",
      "  readiness build                           checklists/ -> site/",
      "  readiness build --input reviews --output public \\",
      "      --base-url https://docs.example.com/readiness/",
      "  SOURCE_DATE_EPOCH=1767225600 readiness build    byte-identical output",
      "  readiness build --git ../api/docs/PRR.md  reviews from its git history",
      "",
      "The site is written to a staging folder inside --output and moved into place when complete;"
          + " files and folders in --output that readiness did not write are never touched. A non-empty"
          + " folder that readiness did not make is refused unless --force-output is given. On a terminal a progress bar shows on stderr (not"
          + " with --quiet). Errors print one line each; warnings are grouped by file: the latest"
          + " review of each project in full (line, code, message), its older reviews as one line of"
          + " counts by code (--verbose lists them all). One summary line ends the build.",
      "",
      "Exit codes: 0 built; 1 some files skipped or outputs left out (or warnings with --strict),"
          + " or no checklist found; 2 usage or configuration error, or an output folder refused."
    })
final class BuildCommand implements Callable<Integer> {
  @Mixin InputOptions inputs;
  @Mixin GitOptions git;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Where to write the site (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("site");

  @Option(
      names = "--force-output",
      description =
          "Write into --output even though it is a non-empty folder that"
              + " readiness did not make; the files and folders there are left exactly as they are.")
  boolean forceOutput;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description = "Folder of templates that override the bundled ones by name.")
  Path templates;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Absolute URL the site is published at (sitemap, feed).")
  String baseUrl;

  @Option(names = "--strict", description = "Exit 1 when there are warnings.")
  boolean strict;

  @Option(names = "--no-pdf", description = "Do not write PDF reports.")
  boolean noPdf;

  @Option(names = "--jobs", paramLabel = "N", description = "Threads to use (default: all cores).")
  Integer jobs;

  @Option(
      names = "--clean",
      description =
          "Render everything again, as a first build would: no up-to-date"
              + " check, no pages kept from the last build.")
  boolean clean;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print errors only.")
  boolean quiet;

  /** --help, --version, --verbose; streams and environment. */
  @Mixin Invocation invocation;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = invocation.out();
    PrintWriter err = invocation.err();
    if (quiet && invocation.verbose) {
      throw new UsageException("--quiet and --verbose cannot be used together; pick one");
    }
    Settings settings = inputs.settings();
    GitSources sources = git.sources(settings, inputs.configFile(), new GitCache());
    Path folder = inputs.folder(sources);
    if (folder != null) {
      refuseOverlap(folder, output);
    }
    refuseOverlap(sources, output);
    if (baseUrl != null) {
      if (!baseUrl.matches("(?i)https?://[^\\s\"<>]+")) {
        throw new UsageException(
            "--base-url must be an absolute http(s) URL, not \"" + baseUrl + "\"");
      }
      settings =
          settings.withSite(
              new Settings.Site(
                  settings.site().title(), baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"));
    }
    if (templates != null && !Files.isDirectory(templates)) {
      throw new UsageException(templates + ": no such templates folder");
    }
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1) {
      throw new UsageException("--jobs must be at least 1");
    }
    boolean pdf = settings.pdf().enabled() && !noPdf;
    BuildPipeline.Options options =
        inputs.pipeline(invocation.environment(), settings, templates, pdf, threads, sources);
    long started = System.nanoTime();
    OutputTree.Foreign foreign = forceOutput ? OutputTree.Foreign.ADOPT : OutputTree.Foreign.REFUSE;
    BuildPipeline.Result result;
    try {
      if (invocation.terminal().stderr() && !quiet) {
        try (ProgressBar bar = ProgressBar.start(err, output, pdf)) {
          result = BuildPipeline.build(options, output, foreign, bar, clean);
        }
      } else {
        result = BuildPipeline.build(options, output, foreign, BuildPipeline.Progress.NONE, clean);
      }
    } catch (OutputRefusedException e) {
      throw new UsageException(e.getMessage());
    }
    BuildSummary summary = result.summary();
    ProblemPrinter.print(
        summary,
        err,
        quiet
            ? ProblemPrinter.Detail.QUIET
            : invocation.verbose ? ProblemPrinter.Detail.VERBOSE : ProblemPrinter.Detail.NORMAL);
    long errors = ProblemPrinter.errors(summary.problems());
    long warnings = ProblemPrinter.warnings(summary.problems());
    if (!quiet && !summary.upToDate() && !result.written()) {
      out.println(
          String.format(
              Locale.ROOT,
              "not built: %s left as it was; %d warning%s, %d error%s; %.1f s",
              output.toString().replace('\\', '/'),
              warnings,
              plural(warnings),
              errors,
              plural(errors),
              (System.nanoTime() - started) / 1e9));
    } else if (!quiet) {
      out.println(
          String.format(
              Locale.ROOT,
              "%s %s: %d project%s, %d review%s, %d page%s, %d PDF%s; %d warning%s, %d error%s; %.1f s",
              summary.upToDate() ? "up to date" : "built",
              output.toString().replace('\\', '/'),
              summary.projects(),
              plural(summary.projects()),
              summary.reviews(),
              plural(summary.reviews()),
              summary.stats().pages(),
              plural(summary.stats().pages()),
              summary.stats().pdfs(),
              plural(summary.stats().pdfs()),
              warnings,
              plural(warnings),
              errors,
              plural(errors),
              (System.nanoTime() - started) / 1e9));
    }
    if (errors > 0 || (strict && warnings > 0)) {
      return ExitCode.PROBLEMS;
    }
    return ExitCode.OK;
  }

  /**
   * The output folder is swapped out whole: it must not be, hold or lie inside the input folder.
   */
  static void refuseOverlap(Path input, Path output) {
    Path in = real(input);
    Path out = real(output);
    if (out.equals(in) || out.startsWith(in) || in.startsWith(out)) {
      throw new UsageException(
          "--output "
              + output
              + " overlaps --input "
              + input
              + "; write the site to a folder outside the checklists (the default is site/)");
    }
  }

  /**
   * The output folder is swapped out whole: it must not hold a git checklist (the working tree's
   * root, say) or be or hold its repository's git folder. Inside the working tree is fine.
   */
  static void refuseOverlap(GitSources sources, Path output) {
    Path out = real(output);
    for (GitSource source : sources.sources()) {
      Path gitDir = real(source.gitDir().toPath());
      if (real(source.file()).startsWith(out) || gitDir.startsWith(out) || out.startsWith(gitDir)) {
        throw new UsageException(
            "--output "
                + output
                + " holds the git checklist "
                + source.shown()
                + " or its repository; write the site to a folder that holds neither (the default is site/)");
      }
    }
  }

  /** The real path of a folder, or of its nearest existing parent joined with the rest. */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      return existing == null
          ? absolute
          : existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
