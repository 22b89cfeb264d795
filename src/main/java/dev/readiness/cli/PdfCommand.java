package dev.readiness.cli;

import dev.readiness.BuildPipeline;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.read.git.GitCache;
import dev.readiness.read.git.GitSources;
import dev.readiness.render.SitePaths;
import dev.readiness.render.pdf.PdfRenderer;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code readiness pdf}: one review's PDF, or a project's history PDF, without building the site.
 */
@Command(
    name = "pdf",
    description = {
      "Write one review's PDF, or a project's history PDF, without building the site.",
      "",
      "The same bytes 'readiness build' writes for it from the same input, configuration and"
          + " SOURCE_DATE_EPOCH. For attaching to a release ticket from a pipeline."
    },
    footer = {
      "",
      "Examples:",
      "  readiness pdf --project orion                  orion-<latest date>.pdf",
      "  readiness pdf --project orion --date 2026-03-02 -o release/REL-1234.pdf",
      "  readiness pdf --project mahavishnu --history   mahavishnu-history.pdf",
      "",
      "The default file name is the one the site uses, <slug>-<date>.pdf or"
          + " <slug>-history.pdf, in the current folder, or in -o DIR. An existing file is replaced.",
      "",
      "Exit codes: 0 written; 1 written, but some input files could not be read; 2 usage error"
          + " (no such project or review, --date with --history, missing folder)."
    })
final class PdfCommand implements Callable<Integer> {
  @Mixin InputOptions inputs;
  @Mixin GitOptions git;
  @Mixin ProjectOption project;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD|latest",
      description = "The review (default: ${DEFAULT-VALUE}).")
  String date = "latest";

  @Option(names = "--history", description = "The project's history PDF instead of one review's.")
  boolean history;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|DIR",
      description = "Where to write the PDF: a file, or a folder for the default name.")
  String outputName;

  /** --help, --version, --verbose; streams and environment. */
  @Mixin Invocation invocation;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = invocation.out();
    PrintWriter err = invocation.err();
    if (history && invocation.command.commandLine().getParseResult().hasMatchedOption("--date")) {
      throw new UsageException("--history is the whole project's history; leave out --date");
    }
    LocalDate day = day();
    Path output = outputName == null ? null : Path.of(outputName);
    // -o DIR (an existing folder, or any name ending in /) writes the default name into DIR.
    boolean intoFolder =
        output != null
            && (Files.isDirectory(output)
                || outputName.endsWith("/")
                || outputName.endsWith(File.separator));
    if (intoFolder && !Files.isDirectory(output)) {
      throw new UsageException(output + ": no such folder to write into");
    }
    if (output != null && !intoFolder) {
      Path parent = output.toAbsolutePath().getParent();
      if (parent == null || !Files.isDirectory(parent)) {
        throw new UsageException(output + ": no such folder to write into");
      }
    }
    Settings settings = inputs.settings();
    GitSources sources = git.sources(settings, inputs.configFile(), new GitCache());
    BuildPipeline.Options options =
        inputs.pipeline(
            invocation.environment(),
            settings,
            null,
            true,
            Runtime.getRuntime().availableProcessors(),
            sources);
    ReportData data = project.analyze(options);
    ProblemPrinter.printErrors(data.problems(), err);
    long errors = ProblemPrinter.errors(data.problems());
    if (data.projects().isEmpty()) {
      err.println("readiness: no dated checklists in " + inputs.shownAs(sources));
      return ExitCode.PROBLEMS;
    }
    ProjectReport chosen = project.one(data, inputs.shownAs(sources));
    // A warning of this PDF (characters no font has) goes where the command's other messages go.
    PdfRenderer renderer =
        new PdfRenderer(settings.pdf().paper(), p -> err.println(ProblemPrinter.line(p)));
    byte[] pdf;
    String sitePath;
    String what;
    if (history) {
      pdf = renderer.history(data, chosen);
      sitePath = SitePaths.historyPdf(chosen);
      what = chosen.slug() + " history";
    } else {
      Review review = review(chosen, day);
      pdf = renderer.review(data, chosen, review);
      sitePath = SitePaths.reviewPdf(chosen, review);
      what = chosen.slug() + " review " + review.date();
    }
    String name = sitePath.substring(sitePath.lastIndexOf('/') + 1);
    Path target = output == null ? Path.of(name) : intoFolder ? output.resolve(name) : output;
    write(target, pdf);
    out.println(
        String.format(
            Locale.ROOT,
            "wrote %s (%s, %.1f KB)",
            target.toString().replace('\\', '/'),
            what,
            pdf.length / 1024.0));
    return errors > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
  }

  private LocalDate day() {
    if (date.strip().equalsIgnoreCase("latest")) {
      return null;
    }
    try {
      return LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "--date must be a date like 2026-03-09, or latest; not \"" + date + "\"");
    }
  }

  private static Review review(ProjectReport project, LocalDate day) {
    if (day == null) {
      return project.latest();
    }
    return project.reviews().stream()
        .filter(r -> day.equals(r.date()))
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "no review of "
                        + project.slug()
                        + " dated "
                        + day
                        + "; reviews: "
                        + project.reviews().stream()
                            .map(r -> String.valueOf(r.date()))
                            .collect(Collectors.joining(", "))));
  }

  /** Writes beside the target and moves into place, so that a reader never sees half a PDF. */
  private static void write(Path target, byte[] bytes) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp =
        absolute.resolveSibling(
            "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.move(
          temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
