package dev.readiness.cli;

import dev.readiness.BuildPipeline;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.read.InputReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The {@code --project SLUG} option and how it picks projects out of the analyzed input. */
final class ProjectOption {
  @Option(
      names = "--project",
      paramLabel = "SLUG",
      description = "The project (its folder's slug, e.g. orion).")
  String slug;

  /**
   * The input analyzed: only the named project when {@code --project} is given, so that a gate or a
   * PDF for one project of a large portfolio reads that project's files only.
   *
   * @throws UsageException when {@code --project} names no project of the input
   */
  ReportData analyze(BuildPipeline.Options options) throws IOException {
    if (slug == null) {
      return BuildPipeline.analyze(options);
    }
    ReportData data = BuildPipeline.analyze(options, slug::equals);
    if (data.projects().isEmpty()) {
      List<String> known = new ArrayList<>();
      if (options.input() != null) {
        new InputReader(
                options.settings().input().maxFileBytes(), options.settings().soleProject(), 1)
            .discover(options.input(), options.shownAs())
            .projects()
            .forEach(p -> known.add(p.slug()));
      }
      options.git().sources().forEach(s -> known.add(s.slug()));
      if (!known.contains(slug)) {
        throw new UsageException(
            "no project \""
                + slug
                + "\" in "
                + options.shownAs()
                + (known.isEmpty() ? "" : "; projects: " + String.join(", ", known)));
      }
    }
    return data;
  }

  /**
   * The project named by {@code --project}, or every project when it is not given.
   *
   * @throws UsageException when no project has that slug
   */
  List<ProjectReport> select(ReportData data, String inputShown) {
    if (slug == null) {
      return data.projects();
    }
    return List.of(named(data, inputShown));
  }

  /**
   * The project named by {@code --project}, or the only project of the input.
   *
   * @throws UsageException when none is named and there are several, or the named one is unknown
   */
  ProjectReport one(ReportData data, String inputShown) {
    if (slug != null) {
      return named(data, inputShown);
    }
    if (data.projects().size() == 1) {
      return data.projects().get(0);
    }
    throw new UsageException(
        inputShown
            + " holds "
            + data.projects().size()
            + " projects; pick one with --project SLUG ("
            + slugs(data)
            + ")");
  }

  private ProjectReport named(ReportData data, String inputShown) {
    return data.projects().stream()
        .filter(p -> p.slug().equals(slug))
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "no project \""
                        + slug
                        + "\" in "
                        + inputShown
                        + (data.projects().isEmpty() ? "" : "; projects: " + slugs(data))));
  }

  private static String slugs(ReportData data) {
    return data.projects().stream().map(ProjectReport::slug).collect(Collectors.joining(", "));
  }
}
