package dev.readiness.render.html;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.Review;
import dev.readiness.render.SitePaths;
import java.util.Objects;

/**
 * Relative links from one page of the site to the others, as {@code links} in templates; every link
 * names a file, so the site works from {@code file://} and under any base path.
 *
 * @param from the page's site path, e.g. {@code projects/orion/index.html}
 */
public record PageLinks(String from) {
  public PageLinks {
    Objects.requireNonNull(from, "from");
  }

  /** The link to any site path. */
  public String to(String path) {
    return SitePaths.link(from, path);
  }

  public String home() {
    return to(SitePaths.INDEX);
  }

  public String blockers() {
    return to(SitePaths.BLOCKERS);
  }

  public String timeline() {
    return to(SitePaths.TIMELINE);
  }

  public String search() {
    return to(SitePaths.SEARCH);
  }

  public String feed() {
    return to(SitePaths.FEED);
  }

  public String data() {
    return to(SitePaths.DATA);
  }

  /** A file under {@code assets/}. */
  public String asset(String name) {
    return to("assets/" + name);
  }

  public String project(ProjectReport project) {
    return to(SitePaths.project(project));
  }

  public String review(ProjectReport project, Review review) {
    return to(SitePaths.review(project, review));
  }

  /** A review's page with an item's line as fragment. */
  public String item(ProjectReport project, Review review, int line) {
    return review(project, review) + "#L" + line;
  }

  public String reviewPdf(ProjectReport project, Review review) {
    return to(SitePaths.reviewPdf(project, review));
  }

  public String historyPdf(ProjectReport project) {
    return to(SitePaths.historyPdf(project));
  }

  public String badge(ProjectReport project) {
    return to(SitePaths.badge(project));
  }

  public String reviewChart(ProjectReport project, Review review) {
    return to(SitePaths.reviewChart(project, review));
  }

  public String progressChart(ProjectReport project) {
    return to(SitePaths.progressChart(project));
  }

  public String sectionTrendsChart(ProjectReport project) {
    return to(SitePaths.sectionTrendsChart(project));
  }
}
