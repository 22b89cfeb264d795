package dev.readiness.cli;

import dev.readiness.BuildClock;
import dev.readiness.analyze.DiffCalculator;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.analyze.ReviewDiff;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.model.Snapshot;
import dev.readiness.read.InputReader;
import dev.readiness.read.Inventory;
import dev.readiness.read.git.GitCache;
import dev.readiness.read.git.GitSourceException;
import dev.readiness.read.git.GitSources;
import dev.readiness.read.git.SourceResolver;
import dev.readiness.render.json.ReportJson;
import dev.readiness.render.text.DiffReport;
import dev.readiness.render.text.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code readiness diff OLD.md NEW.md}: what changed between two reviews, as the site shows it. */
@Command(
    name = "diff",
    description = {
      "Show what changed between two reviews of a checklist: two files, or the two latest"
          + " reviews of a project with --project.",
      "",
      "Items done, reopened, added, removed and reworded; sections added, removed and renamed;"
          + " blockers opened and resolved; the change of the computed percent and of the stated"
          + " score: the diff the review page shows. Colour only on a terminal, never when NO_COLOR"
          + " is set."
    },
    footer = {
      "",
      "Examples:",
      "  readiness diff checklists/orion/2026-03-02.md checklists/orion/2026-03-09.md",
      "  readiness diff last-week.md CHECKLIST.md --format json | jq .percentChange",
      "  readiness diff --project orion            orion's two latest reviews",
      "  readiness diff --git docs/PRR.md          two latest reviews in git",
      "  readiness diff --git docs/PRR.md --git-worktree    last review vs your edits",
      "",
      "Exit codes: 0 shown; 1 a file cannot be read as a checklist; 2 usage error (no such"
          + " file, bad option)."
    })
final class DiffCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "OLD.md",
      description = "The earlier review.")
  Path oldFile;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NEW.md", description = "The later review.")
  Path newFile;

  @Mixin InputOptions inputs;
  @Mixin ProjectOption project;

  @Option(
      names = "--git",
      paramLabel = "FILE",
      description =
          "Compare the two latest reviews of a checklist kept in git, instead of two files.")
  Path gitFile;

  @Option(
      names = "--git-worktree",
      description = "With --git: the uncommitted file is the latest review.")
  boolean worktree;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.text;

  /** --help, --version, --verbose; streams and environment. */
  @Mixin Invocation invocation;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = invocation.out();
    PrintWriter err = invocation.err();
    if (worktree && gitFile == null) {
      throw new UsageException("--git-worktree goes with --git FILE");
    }
    if (gitFile != null) {
      if (oldFile != null || project.slug != null) {
        throw new UsageException(
            "--git compares the file's two latest reviews in git; leave out OLD.md NEW.md"
                + " and --project");
      }
      return diffGit(out, err);
    }
    if (project.slug != null) {
      return latestTwo(out, err);
    }
    if (oldFile == null || newFile == null) {
      throw new UsageException(
          "diff needs two files, OLD.md NEW.md, or --project SLUG for a project's two latest"
              + " reviews");
    }
    for (Path file : new Path[] {oldFile, newFile}) {
      if (!Files.isRegularFile(file)) {
        throw new UsageException(file + ": no such file");
      }
    }
    InputReader reader = new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1);
    Snapshot before = read(reader, oldFile, err);
    Snapshot after = read(reader, newFile, err);
    if (before == null || after == null) {
      return ExitCode.PROBLEMS;
    }
    print(out, DiffCalculator.diff(before, after), shown(oldFile), shown(newFile));
    return ExitCode.OK;
  }

  /**
   * {@code --git FILE}: the two latest reviews of a checklist kept in git (the last two days with a
   * commit that changed it, in readiness.yaml's {@code timezone}), or the last one and the draft.
   */
  private int diffGit(PrintWriter out, PrintWriter err) throws IOException {
    Settings settings = inputs.settings();
    GitSources sources;
    try {
      sources =
          new GitSources(
              SourceResolver.resolve(
                  List.of(new SourceResolver.Request(gitFile, shown(gitFile), null, null, "--git")),
                  null),
              worktree,
              settings.git().timezone(),
              settings.input().maxFileBytes(),
              new GitCache());
    } catch (GitSourceException e) {
      throw new UsageException(e.getMessage());
    }
    Inventory read =
        sources.addTo(
            new Inventory(List.of(), List.of()),
            new InputReader(settings.input().maxFileBytes(), 1),
            BuildClock.from(invocation.environment()).instant(),
            slug -> true);
    ProblemPrinter.printErrors(read.problems(), err);
    if (read.projects().isEmpty()) {
      return ExitCode.PROBLEMS;
    }
    List<Snapshot> reviews = read.projects().get(0).reviews();
    if (reviews.size() < 2) {
      err.println(
          "readiness: "
              + shown(gitFile)
              + " has one review in git ("
              + reviews.get(0).date()
              + "); there is nothing to compare it with");
      return ExitCode.PROBLEMS;
    }
    Snapshot before = reviews.get(reviews.size() - 2);
    Snapshot after = reviews.get(reviews.size() - 1);
    print(out, DiffCalculator.diff(before, after), before.source(), after.source());
    return ExitCode.OK;
  }

  /** {@code --project SLUG}: the diff the site shows on that project's latest review page. */
  private int latestTwo(PrintWriter out, PrintWriter err) throws IOException {
    if (oldFile != null) {
      throw new UsageException("pass either two files or --project SLUG, not both");
    }
    ReportData data =
        project.analyze(
            inputs.pipeline(
                invocation.environment(),
                inputs.settings(),
                null,
                false,
                Runtime.getRuntime().availableProcessors()));
    ProblemPrinter.printErrors(data.problems(), err);
    ProjectReport chosen = project.one(data, inputs.shownAs());
    List<Review> reviews = chosen.reviews();
    if (reviews.size() < 2) {
      throw new UsageException(
          chosen.slug()
              + " has one review ("
              + reviews.get(0).date()
              + ", "
              + reviews.get(0).file()
              + "); a diff needs two");
    }
    Review before = reviews.get(reviews.size() - 2);
    Review after = reviews.get(reviews.size() - 1);
    print(out, chosen.diffInto(reviews.size() - 1), before.file(), after.file());
    return ProblemPrinter.errors(data.problems()) > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
  }

  private void print(PrintWriter out, ReviewDiff diff, String oldName, String newName) {
    if (format == OutputFormat.json) {
      out.print(ReportJson.diff(diff));
    } else {
      Style style =
          invocation.terminal().colour(invocation.environment()) ? Style.ANSI : Style.PLAIN;
      out.print(DiffReport.text(diff, oldName, newName, style));
    }
    out.flush();
  }

  private static Snapshot read(InputReader reader, Path file, PrintWriter err) {
    InputReader.FileResult result = reader.readOne(file, shown(file));
    result.problems().stream()
        .filter(p -> p.severity() == Problem.Severity.ERROR)
        .forEach(p -> err.println(ProblemPrinter.line(p)));
    return result.snapshot();
  }

  private static String shown(Path file) {
    return file.toString().replace('\\', '/');
  }
}
