package dev.readiness.cli;

import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.model.Slugs;
import dev.readiness.model.Snapshot;
import dev.readiness.read.InputReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code readiness init}: a project's first review, from the bundled template or a file of one's
 * own.
 */
@Command(
    name = "init",
    description = {
      "Start a new project: its first review, from a bundled template or a file.",
      "",
      "Writes <input>/<slug>/<today>.md from a bundled production-readiness template, or from"
          + " --from FILE; never overwrites. The bundled template has seven sections of unchecked items with their status lines, an"
          + " overall score, blockers, risks and sign-off, in the format readiness reads"
          + " (docs/format.md). With --from, FILE is copied as it is, its Date, Last Updated and Next"
          + " Review moved on to today. Later reviews: 'readiness new'."
    },
    footer = {
      "",
      "Examples:",
      "  readiness init --project orion             checklists/orion/<today>.md",
      "  readiness init --input reviews --project billing --from our-template.md",
      "",
      "Exit codes: 0 created; 1 the project already has reviews, or the file exists (nothing is"
          + " written); 2 usage error (no --project, a slug that is not one, no such --from file)."
    })
final class InitCommand implements Callable<Integer> {
  static final String TEMPLATE = "first-review.md";

  @Option(
      names = "--input",
      paramLabel = "DIR",
      description = "Folder of checklists; made when missing (default: ${DEFAULT-VALUE}).")
  Path input = Path.of("checklists");

  @Option(
      names = "--project",
      required = true,
      paramLabel = "SLUG",
      description = "The new project's slug: lowercase letters, digits and -; its folder's name.")
  String slug;

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description = "A checklist to start from instead of the bundled template.")
  Path from;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The review's date (default: today).")
  String date;

  /** --help, --version, --verbose; streams and environment. */
  @Mixin Invocation invocation;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = invocation.out();
    PrintWriter err = invocation.err();
    if (!Slugs.isSlug(slug)) {
      throw new UsageException(
          "--project "
              + slug
              + " is not a slug; use lowercase letters, digits and -, e.g. "
              + Slugs.slugify(slug));
    }
    if (from != null && !Files.isRegularFile(from)) {
      throw new UsageException(from + ": no such file");
    }
    if (Files.exists(input) && !Files.isDirectory(input)) {
      throw new UsageException(
          input + " is a file; pass --input DIR, the folder for your checklists");
    }
    LocalDate day = NewCommand.day(date, invocation.environment());
    String shownInput = input.toString().replace('\\', '/').replaceAll("/+$", "");
    Path folder = input.resolve(slug);
    String shownFolder = shownInput + "/" + slug + "/";
    String existing = firstChecklist(folder);
    if (existing != null) {
      err.println(
          "readiness: "
              + shownFolder
              + existing
              + " exists, so "
              + slug
              + " has started already; start its"
              + " next review with: readiness new --project "
              + slug
              + (shownInput.equals("checklists") ? "" : " --input " + shownInput));
      return ExitCode.PROBLEMS;
    }

    String source;
    NextReview.Result review;
    if (from == null) {
      source = "the bundled template";
      review = NextReview.of(template(slug), null, null, day);
    } else {
      source = from.toString().replace('\\', '/');
      InputReader.FileResult read =
          new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1).readOne(from, source);
      if (read.snapshot() == null) {
        read.problems().stream()
            .filter(p -> p.severity() == Problem.Severity.ERROR)
            .forEach(err::println);
        return ExitCode.PROBLEMS;
      }
      Snapshot snapshot = read.snapshot();
      review =
          NextReview.of(
              new String(Files.readAllBytes(from), StandardCharsets.UTF_8),
              snapshot.date(),
              snapshot.nextReview(),
              day);
    }
    Files.createDirectories(folder);
    Path target = folder.resolve(day + ".md");
    try {
      Files.writeString(
          target, review.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      err.println(
          "readiness: "
              + shownFolder
              + target.getFileName()
              + " already exists; not overwriting it");
      return ExitCode.PROBLEMS;
    }
    out.println("created " + shownFolder + target.getFileName() + " from " + source);
    out.println(
        "  next review " + review.nextReview() + " (every " + review.cadenceDays() + " days)");
    out.println(
        "  edit it, then: readiness build"
            + (shownInput.equals("checklists") ? "" : " --input " + shownInput)
            + "; the next review: readiness new --project "
            + slug);
    return ExitCode.OK;
  }

  /** The bundled template with the project's slug in its title and header. */
  static String template(String slug) {
    try (InputStream in = InitCommand.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{project}}", slug);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name of a checklist already in {@code folder}, or null when there is none. */
  private static String firstChecklist(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return null;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      String first = null;
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (InputReader.isChecklistName(name) && (first == null || name.compareTo(first) < 0)) {
          first = name;
        }
      }
      return first;
    }
  }
}
