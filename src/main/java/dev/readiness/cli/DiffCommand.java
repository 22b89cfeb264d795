package dev.readiness.cli;

import dev.readiness.analyze.DiffCalculator;
import dev.readiness.analyze.ReviewDiff;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.model.Snapshot;
import dev.readiness.BuildClock;
import dev.readiness.read.InputReader;
import dev.readiness.read.Inventory;
import dev.readiness.read.git.GitCache;
import dev.readiness.read.git.GitSources;
import dev.readiness.render.json.ReportJson;
import dev.readiness.render.text.DiffReport;
import dev.readiness.render.text.Style;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code readiness diff OLD.md NEW.md}: what changed between two reviews, as the site shows it. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    sortOptions = false,
    description = {
      "Show what changed between two reviews of a checklist.",
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
      "  readiness diff --git docs/PRR.md                 two latest reviews in git",
      "  readiness diff --git docs/PRR.md --git-worktree  last review vs your edits",
      "",
      "Exit codes: 0 shown; 1 a file cannot be read as a checklist; 2 usage error (no such"
          + " file, bad option)."
    })
final class DiffCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "OLD.md", description = "The earlier review.")
  Path oldFile;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NEW.md", description = "The later review.")
  Path newFile;

  @Option(names = "--git", paramLabel = "FILE",
      description = "Compare the two latest reviews of a checklist kept in git (days in UTC), instead of two files.")
  Path gitFile;

  @Option(names = "--git-worktree", description = "With --git: the uncommitted file is the latest review.")
  boolean worktree;

  @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.text;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of unexpected errors.")
  boolean verbose;

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (gitFile != null) {
      if (oldFile != null) {
        throw new UsageException("--git compares the file's two latest reviews in git; leave out OLD.md and NEW.md");
      }
      return diffGit(out, err);
    }
    if (worktree) {
      throw new UsageException("--git-worktree goes with --git FILE");
    }
    if (oldFile == null || newFile == null) {
      throw new UsageException("give two files to compare, OLD.md NEW.md, or --git FILE");
    }
    for (Path file : new Path[] {oldFile, newFile}) {
      if (!Files.isRegularFile(file)) {
        throw new UsageException(file + ": no such file");
      }
    }
    InputReader reader = new InputReader(Settings.DEFAULTS, 1);
    Snapshot before = read(reader, oldFile, err);
    Snapshot after = read(reader, newFile, err);
    if (before == null || after == null) {
      return ExitCode.PROBLEMS;
    }
    print(out, before, after, shown(oldFile), shown(newFile));
    return ExitCode.OK;
  }

  /** The two latest reviews of {@code --git FILE}: the last two days with a commit that changed it. */
  private int diffGit(PrintWriter out, PrintWriter err) throws java.io.IOException {
    GitOptions git = new GitOptions();
    git.files = java.util.List.of(gitFile);
    git.worktree = worktree;
    GitSources sources = git.sources(Settings.DEFAULTS, Path.of("readiness.yaml"), new GitCache());
    InputReader reader = new InputReader(Settings.DEFAULTS, 1);
    Inventory read = sources.addTo(new Inventory(java.util.List.of(), java.util.List.of()), reader,
        BuildClock.from(main.environment()).instant(), slug -> true);
    ProblemPrinter.printErrors(read.problems(), err);
    if (read.projects().isEmpty()) {
      return ExitCode.PROBLEMS;
    }
    java.util.List<Snapshot> reviews = read.projects().get(0).reviews();
    if (reviews.size() < 2) {
      err.println("readiness: " + shown(gitFile) + " has one review in git (" + reviews.get(0).date()
          + "); there is nothing to compare it with");
      return ExitCode.PROBLEMS;
    }
    Snapshot before = reviews.get(reviews.size() - 2);
    Snapshot after = reviews.get(reviews.size() - 1);
    print(out, before, after, before.source(), after.source());
    return ExitCode.OK;
  }

  private void print(PrintWriter out, Snapshot before, Snapshot after, String oldName, String newName) {
    ReviewDiff diff = DiffCalculator.diff(before, after);
    if (format == OutputFormat.json) {
      out.print(ReportJson.diff(diff));
    } else {
      Style style = main.terminal().colour(main.environment()) ? Style.ANSI : Style.PLAIN;
      out.print(DiffReport.text(diff, oldName, newName, style));
    }
    out.flush();
  }

  private static Snapshot read(InputReader reader, Path file, PrintWriter err) {
    InputReader.FileResult result = reader.readOne(file, shown(file));
    result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR)
        .forEach(p -> err.println(ProblemPrinter.line(p)));
    return result.snapshot();
  }

  private static String shown(Path file) {
    return file.toString().replace('\\', '/');
  }
}
