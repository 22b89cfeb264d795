package dev.readiness.cli;

import dev.readiness.BuildPipeline;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.config.Settings;
import dev.readiness.read.git.GitCache;
import dev.readiness.read.git.GitSources;
import dev.readiness.render.text.GateReport;
import dev.readiness.render.text.Style;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code readiness check}: the release gate over each project's latest review. */
@Command(
    name = "check",
    description = {
      "Measure each project's latest review against the release gate.",
      "",
      "The gate comes from the options below, else from 'gate:' in readiness.yaml, else the"
          + " defaults (80%%, 0 open blockers, drift 10, no sign-off)."
    },
    footer = {
      "",
      "Examples:",
      "  readiness check                       all projects, gate from readiness.yaml",
      "  readiness check --project orion --min-percent 60 --max-open-blockers 1",
      "  readiness check --require-signoff --format json > gate.json",
      "  readiness check --git docs/PRR.md     the latest commit of a checklist in git",
      "",
      "Exit codes: 0 every project passes; 1 a project fails the gate, or files could not be"
          + " read; 2 usage or configuration error."
    })
final class CheckCommand implements Callable<Integer> {
  @Mixin InputOptions inputs;
  @Mixin GitOptions git;
  @Mixin ProjectOption project;

  @Option(
      names = "--min-percent",
      paramLabel = "N",
      description = "Least computed percent that passes (0-100).")
  Double minPercent;

  @Option(
      names = "--max-open-blockers",
      paramLabel = "N",
      description = "Most open blockers that pass.")
  Integer maxOpenBlockers;

  @Option(
      names = "--max-drift",
      paramLabel = "N|none",
      description =
          "Largest gap in points between the stated score and the computed percent, or none.")
  String maxDrift;

  @Option(
      names = "--require-signoff",
      negatable = true,
      description =
          "Fail unless every sign-off role is signed (--no-require-signoff turns it off).")
  Boolean requireSignoff;

  @Option(
      names = "--max-review-age-days",
      paramLabel = "N|none",
      description = "Most days the latest review may lie before today, or none (default: none).")
  String maxReviewAgeDays;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.text;

  /** --help, --version, --verbose; streams and environment. */
  @Mixin Invocation invocation;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = invocation.out();
    PrintWriter err = invocation.err();
    Settings settings = inputs.settings();
    settings = settings.withGate(gate(settings.gate()));
    GitSources sources = git.sources(settings, inputs.configFile(), new GitCache());
    BuildPipeline.Options options =
        inputs.pipeline(
            invocation.environment(),
            settings,
            null,
            false,
            Runtime.getRuntime().availableProcessors(),
            sources);
    ReportData data = project.analyze(options);
    long errors = ProblemPrinter.errors(data.problems());
    ProblemPrinter.printErrors(data.problems(), err);
    if (data.projects().isEmpty()) {
      err.println(
          "readiness: no dated checklists in " + inputs.shownAs(sources) + "; nothing to check");
      return ExitCode.PROBLEMS;
    }
    List<ProjectReport> projects = project.select(data, inputs.shownAs(sources));
    if (format == OutputFormat.json) {
      out.print(GateReport.json(data, projects));
    } else {
      Style style =
          invocation.terminal().colour(invocation.environment()) ? Style.ANSI : Style.PLAIN;
      out.print(GateReport.text(projects, settings.gate(), style));
    }
    out.flush();
    long raised = ProblemPrinter.raisedWarnings(data);
    long unreadable = errors - raised;
    if (unreadable > 0) {
      err.println(
          "readiness: "
              + unreadable
              + " file"
              + (unreadable == 1 ? "" : "s")
              + " could not be read, so the gate cannot vouch for them");
    }
    if (raised > 0) {
      err.println(
          "readiness: "
              + raised
              + " warning"
              + (raised == 1 ? " is an error" : "s are errors")
              + " by 'warnings:' in the configuration");
    }
    return GateReport.pass(projects) && errors == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
  }

  /** The configured gate with the options given on the command line in place of its rules. */
  private Settings.Gate gate(Settings.Gate configured) {
    double min = configured.minPercent();
    if (minPercent != null) {
      if (minPercent.isNaN() || minPercent < 0 || minPercent > 100) {
        throw new UsageException("--min-percent must be between 0 and 100, not " + minPercent);
      }
      min = minPercent;
    }
    int blockers = configured.maxOpenBlockers();
    if (maxOpenBlockers != null) {
      if (maxOpenBlockers < 0) {
        throw new UsageException("--max-open-blockers must be at least 0, not " + maxOpenBlockers);
      }
      blockers = maxOpenBlockers;
    }
    Double drift = configured.maxDrift();
    if (maxDrift != null) {
      drift = drift(maxDrift);
    }
    boolean signoff = requireSignoff != null ? requireSignoff : configured.requireSignoff();
    Integer age = maxReviewAgeDays != null ? days(maxReviewAgeDays) : configured.maxReviewAgeDays();
    return new Settings.Gate(min, blockers, drift, signoff, age);
  }

  private static Integer days(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("none")) {
      return null;
    }
    try {
      int d = Integer.parseInt(v);
      if (d >= 0) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "--max-review-age-days must be a whole number of days (0 or more), or none; not \""
            + value
            + "\"");
  }

  private static Double drift(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("none")) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (d >= 0 && d <= 100) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "--max-drift must be a number of points between 0 and 100, or none; not \"" + value + "\"");
  }
}
