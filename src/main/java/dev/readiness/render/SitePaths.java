package dev.readiness.render;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.Review;

/** The output paths and URLs of SPEC "Output", relative to the site root, with forward slashes. */
public final class SitePaths {
  /** The portfolio. */
  public static final String INDEX = "index.html";

  /** Open blockers across projects. */
  public static final String BLOCKERS = "blockers/index.html";

  /** Reviews, due dates and planned weeks across projects. */
  public static final String TIMELINE = "timeline/index.html";

  /** The search page. */
  public static final String SEARCH = "search/index.html";

  /** The prebuilt search index, a script that only the search page loads. */
  public static final String SEARCH_INDEX = "search/search-index.js";

  /** The Atom feed. */
  public static final String FEED = "feed.xml";

  /** The sitemap, written only when a base URL is set. */
  public static final String SITEMAP = "sitemap.xml";

  /** Everything, machine-readable. */
  public static final String DATA = "data.json";

  private SitePaths() {}

  /** {@code projects/<slug>/index.html} */
  public static String project(ProjectReport project) {
    return "projects/" + project.slug() + "/index.html";
  }

  /** {@code projects/<slug>/<date>/index.html} */
  public static String review(ProjectReport project, Review review) {
    return "projects/" + project.slug() + "/" + review.date() + "/index.html";
  }

  /** {@code projects/<slug>/<date>/<slug>-<date>.pdf} */
  public static String reviewPdf(ProjectReport project, Review review) {
    return "projects/"
        + project.slug()
        + "/"
        + review.date()
        + "/"
        + project.slug()
        + "-"
        + review.date()
        + ".pdf";
  }

  /** {@code projects/<slug>/<slug>-history.pdf} */
  public static String historyPdf(ProjectReport project) {
    return "projects/" + project.slug() + "/" + project.slug() + "-history.pdf";
  }

  /** {@code projects/<slug>/<date>/sections.svg}: done and open items per section. */
  public static String reviewChart(ProjectReport project, Review review) {
    return "projects/" + project.slug() + "/" + review.date() + "/sections.svg";
  }

  /** {@code projects/<slug>/progress.svg}: computed percent and stated score over time. */
  public static String progressChart(ProjectReport project) {
    return "projects/" + project.slug() + "/progress.svg";
  }

  /** {@code projects/<slug>/section-trends.svg}: percent per section over time. */
  public static String sectionTrendsChart(ProjectReport project) {
    return "projects/" + project.slug() + "/section-trends.svg";
  }

  /** {@code badges/<slug>.svg} */
  public static String badge(ProjectReport project) {
    return "badges/" + project.slug() + ".svg";
  }

  /** The relative link from the page at {@code from} to the file at {@code to}, both site paths. */
  public static String link(String from, String to) {
    String[] fromParts = from.split("/");
    String[] toParts = to.split("/");
    int common = 0;
    while (common < fromParts.length - 1
        && common < toParts.length - 1
        && fromParts[common].equals(toParts[common])) {
      common++;
    }
    StringBuilder out = new StringBuilder();
    for (int i = common; i < fromParts.length - 1; i++) {
      out.append("../");
    }
    for (int i = common; i < toParts.length; i++) {
      out.append(toParts[i]);
      if (i < toParts.length - 1) {
        out.append('/');
      }
    }
    return out.length() == 0 ? "./" : out.toString();
  }
}
