package dev.readiness;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.analyze.WarningLevels;
import dev.readiness.model.Problem;
import dev.readiness.render.site.SiteRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a build did, as the command line reports it; kept in the output so that a build with nothing
 * to do can report the same.
 *
 * @param projects projects built
 * @param reviews reviews built
 * @param problems every error and warning, by file and line
 * @param reviewFiles the files of all reviews, as named in problems
 * @param latestFiles the files of each project's latest review
 * @param stats what was written
 * @param upToDate whether nothing had changed, so nothing was written
 */
public record BuildSummary(
    int projects,
    int reviews,
    List<Problem> problems,
    List<String> reviewFiles,
    List<String> latestFiles,
    SiteRenderer.Stats stats,
    boolean upToDate) {

  public BuildSummary {
    problems = List.copyOf(problems);
    reviewFiles = List.copyOf(reviewFiles);
    latestFiles = List.copyOf(latestFiles);
  }

  /**
   * The summary of a build that analyzed {@code data}, wrote {@code stats} and found {@code
   * renderProblems} while writing (they join the analysis's problems in file and line order).
   */
  public static BuildSummary of(
      ReportData data, SiteRenderer.Stats stats, List<Problem> renderProblems) {
    List<String> reviewFiles =
        data.projects().stream().flatMap(p -> p.reviews().stream()).map(Review::file).toList();
    List<String> latest =
        data.projects().stream().map(ProjectReport::latest).map(Review::file).toList();
    List<Problem> problems = new ArrayList<>(data.problems());
    problems.addAll(WarningLevels.apply(renderProblems, data.settings()));
    problems.sort(Problem.ORDER);
    return new BuildSummary(
        data.projects().size(), reviewFiles.size(), problems, reviewFiles, latest, stats, false);
  }

  /** The same summary, marked as a build that found everything up to date. */
  public BuildSummary asUpToDate() {
    return new BuildSummary(projects, reviews, problems, reviewFiles, latestFiles, stats, true);
  }
}
