package dev.readiness.render;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.Review;

/** The output paths and URLs of SPEC "Output", relative to the site root, with forward slashes. */
public final class SitePaths {
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
    return "projects/" + project.slug() + "/" + review.date() + "/" + project.slug() + "-" + review.date() + ".pdf";
  }

  /** {@code projects/<slug>/<slug>-history.pdf} */
  public static String historyPdf(ProjectReport project) {
    return "projects/" + project.slug() + "/" + project.slug() + "-history.pdf";
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
    while (common < fromParts.length - 1 && common < toParts.length - 1 && fromParts[common].equals(toParts[common])) {
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
