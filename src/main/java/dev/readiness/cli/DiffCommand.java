package dev.readiness.cli;

import dev.readiness.analyze.DiffCalculator;
import dev.readiness.analyze.ReviewDiff;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.model.Snapshot;
import dev.readiness.read.InputReader;
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
      "",
      "Exit codes: 0 shown; 1 a file cannot be read as a checklist; 2 usage error (no such"
          + " file, bad option)."
    })
final class DiffCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD.md", description = "The earlier review.")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW.md", description = "The later review.")
  Path newFile;

  @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.text;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of unexpected errors.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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
    ReviewDiff diff = DiffCalculator.diff(before, after);
    if (format == OutputFormat.json) {
      out.print(ReportJson.diff(diff));
    } else {
      Style style = main.terminal().colour(main.environment()) ? Style.ANSI : Style.PLAIN;
      out.print(DiffReport.text(diff, shown(oldFile), shown(newFile), style));
    }
    out.flush();
    return ExitCode.OK;
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
