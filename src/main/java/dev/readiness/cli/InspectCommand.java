package dev.readiness.cli;

import dev.readiness.BuildClock;
import dev.readiness.analyze.Analyzer;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.read.InputReader;
import dev.readiness.render.json.ReportJson;
import dev.readiness.render.text.TextReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code readiness inspect FILE}: what one checklist says, counted. */
@Command(
    name = "inspect",
    description =
        "Count one checklist file and show its sections, stated figures, blockers and warnings.",
    footer = {
      "",
      "Examples:",
      "  readiness inspect checklists/orion/2026-03-09.md",
      "  readiness inspect PRODUCTION_READINESS.md --json | jq .percent",
      "",
      "The file is read on its own, whatever its name; a missing date is a warning here.",
      "Exit codes: 0 read; 1 the file cannot be read; 2 usage error."
    })
final class InspectCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "The checklist (Markdown) to inspect.")
  Path file;

  @Option(names = "--json", description = "Print the review object of data.json, items included.")
  boolean json;

  /** --help, --version, --verbose; streams and environment. */
  @Mixin Invocation invocation;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new UsageException(file + ": no such file");
    }
    String shown = file.toString().replace('\\', '/');
    InputReader.FileResult read =
        new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1).readOne(file, shown);
    var err = invocation.err();
    if (read.snapshot() == null) {
      read.problems().forEach(p -> err.println(ProblemPrinter.line(p)));
      return ExitCode.PROBLEMS;
    }
    LocalDate today =
        LocalDate.ofInstant(BuildClock.from(invocation.environment()).instant(), ZoneOffset.UTC);
    Review review =
        new Analyzer(Settings.DEFAULTS, today).single(read.snapshot(), shown, read.problems());
    read.problems().stream()
        .filter(p -> p.severity() == Problem.Severity.ERROR)
        .forEach(p -> err.println(ProblemPrinter.line(p)));
    invocation.out().print(json ? ReportJson.review(review) : TextReport.review(review));
    invocation.out().flush();
    return ExitCode.OK;
  }
}
