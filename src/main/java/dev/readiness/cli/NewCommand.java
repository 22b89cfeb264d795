package dev.readiness.cli;

import dev.readiness.BuildClock;
import dev.readiness.BuildPipeline;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.model.Problem;
import dev.readiness.model.Snapshot;
import dev.readiness.render.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code readiness new}: starts a project's next review from its latest one. */
@Command(
    name = "new",
    description = {
      "Start a project's next review from its latest one; never overwrites.",
      "",
      "Copies the latest review to a new file named after the date, with Date and Last Updated"
          + " set to that date and Next Review moved on by the previous cadence (7 days when the"
          + " latest review names no next review). Boxes, notes, blockers and sign-off lines are"
          + " copied as they are. An existing file is never overwritten."
    },
    footer = {
      "",
      "Examples:",
      "  readiness new --project orion                   today's review of orion",
      "  readiness new --project orion --date 2026-03-16",
      "      writes checklists/orion/2026-03-16.md",
      "",
      "Exit codes: 0 created; 1 a review for that date already exists (nothing is written); 2"
          + " usage error (no such project, date not after the latest review, bad date)."
    })
final class NewCommand implements Callable<Integer> {
  @Mixin InputOptions inputs;
  @Mixin ProjectOption project;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The new review's date (default: today).")
  String date;

  /** --help, --version, --verbose; streams and environment. */
  @Mixin Invocation invocation;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = invocation.out();
    PrintWriter err = invocation.err();
    BuildPipeline.Options options =
        inputs.pipeline(invocation.environment(), inputs.settings(), null, false, 1);
    LocalDate day = day(date, invocation.environment());
    ReportData data = project.analyze(options);
    if (data.projects().isEmpty()) {
      err.println(
          "readiness: no dated checklists in "
              + inputs.shownAs()
              + " to start from; copy one by hand,"
              + " e.g. to "
              + inputs.shownAs()
              + "/PROJECT/"
              + day
              + ".md");
      return ExitCode.PROBLEMS;
    }
    ProjectReport chosen = project.one(data, inputs.shownAs());
    Review latest = chosen.latest();
    Snapshot snapshot = latest.snapshot();
    Path source = inputs.folder().resolve(snapshot.source());
    Path folder = source.getParent();
    String shownFolder =
        latest.file().contains("/")
            ? latest.file().substring(0, latest.file().lastIndexOf('/') + 1)
            : "";

    List<Problem> unread =
        data.problems().stream()
            .filter(
                p ->
                    p.severity() == Problem.Severity.ERROR
                        && p.file().startsWith(shownFolder)
                        && p.file().indexOf('/', shownFolder.length()) < 0)
            .toList();
    if (!unread.isEmpty()) {
      unread.forEach(p -> err.println(ProblemPrinter.line(p)));
      err.println(
          TerminalText.visible(
              "readiness: "
                  + unread.size()
                  + " file"
                  + (unread.size() == 1 ? "" : "s")
                  + " beside "
                  + latest.file()
                  + " could not be read, so it may not be the latest review; fix "
                  + (unread.size() == 1 ? "it" : "them")
                  + " first"));
      return ExitCode.PROBLEMS;
    }
    Path sameDay = sameDay(folder, day);
    if (sameDay != null) {
      err.println(
          TerminalText.visible(
              "readiness: "
                  + shownFolder
                  + sameDay.getFileName()
                  + " already exists for "
                  + day
                  + "; not overwriting it (edit that file, or pass --date for another day)"));
      return ExitCode.PROBLEMS;
    }
    if (!day.isAfter(latest.date())) {
      throw new UsageException(
          "the new review must be dated after "
              + chosen.slug()
              + "'s latest review ("
              + latest.date()
              + ", "
              + latest.file()
              + "); pass --date YYYY-MM-DD");
    }
    String extension =
        source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".markdown")
            ? ".markdown"
            : ".md";
    Path target = folder.resolve(day + extension);
    String shownTarget = shownFolder + target.getFileName();

    String text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
    NextReview.Result next = NextReview.of(text, latest.date(), snapshot.nextReview(), day);
    try {
      Files.writeString(target, next.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      err.println(
          TerminalText.visible(
              "readiness: " + shownTarget + " already exists; not overwriting it"));
      return ExitCode.PROBLEMS;
    }

    out.println(TerminalText.visible("created " + shownTarget + " from " + latest.file()));
    out.println(
        "  dates    "
            + (next.moved().isEmpty()
                ? "none found to move"
                : String.join(", ", next.moved().stream().distinct().toList()) + " moved on")
            + (next.moved().contains("Next Review")
                ? "; next review " + next.nextReview() + " (every " + next.cadenceDays() + " days)"
                : ""));
    out.println(
        "  boxes    "
            + latest.done()
            + " of "
            + latest.total()
            + " checked, as in "
            + latest.date());
    if (latest.signed() > 0) {
      out.println(
          "  sign-off "
              + latest.signed()
              + " of "
              + snapshot.signOff().size()
              + " roles copied as signed; clear them if this review needs fresh sign-off");
    }
    if (day.isAfter(data.today().plusDays(Review.FUTURE_SLACK_DAYS))) {
      out.println(
          "  note     "
              + day
              + " is after today ("
              + data.today()
              + "): until then this review is dated"
              + " in the future (FUTURE_DATE), and it is the one check measures");
    }
    return ExitCode.OK;
  }

  /**
   * The day a new review is for: {@code date} when given, else today (the {@code SOURCE_DATE_EPOCH}
   * day when that is set, else today in the user's time zone).
   *
   * @throws UsageException when {@code date} or {@code SOURCE_DATE_EPOCH} is malformed
   */
  static LocalDate day(String date, Map<String, String> environment) {
    if (date == null) {
      boolean fixed = environment.containsKey("SOURCE_DATE_EPOCH");
      try {
        return LocalDate.now(
            BuildClock.from(environment).withZone(fixed ? ZoneOffset.UTC : Main.USER_ZONE));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    try {
      return LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException("--date must be a date like 2026-03-16, not \"" + date + "\"");
    }
  }

  /** A checklist file in {@code folder} already dated {@code day}, or null. */
  static Path sameDay(Path folder, LocalDate day) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, day + "*")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        String rest = name.substring(day.toString().length());
        if (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
          continue;
        }
        return file;
      }
    }
    return null;
  }
}
