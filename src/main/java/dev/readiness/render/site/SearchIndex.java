package dev.readiness.render.site;

import dev.readiness.analyze.Format;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.analyze.SectionFigures;
import dev.readiness.model.Item;
import dev.readiness.render.html.PageLinks;
import dev.readiness.render.json.JsonWriter;

/**
 * The prebuilt search index: a script that sets {@code window.READINESS_SEARCH} (a script rather
 * than JSON so that the search page works from {@code file://}, where browsers refuse to fetch). It
 * lists every project, every review, and the items of each project's latest review; the format is
 * in docs/site.md.
 */
final class SearchIndex {
  /** Bumped when the shape changes, so a theme's script can tell. */
  static final int VERSION = 1;

  private SearchIndex() {}

  /** The index as JavaScript, with links relative to the search page. */
  static String script(ReportData data, PageLinks links) {
    JsonWriter json = new JsonWriter(false);
    json.beginObject().field("version", VERSION).name("projects").beginArray();
    for (ProjectReport p : data.projects()) {
      Review latest = p.latest();
      json.beginObject()
          .field("name", p.name())
          .field("slug", p.slug())
          .field("owner", p.owner())
          .field("url", links.project(p))
          .field("percent", Format.percent(latest.percent()))
          .field("date", latest.date().toString())
          .endObject();
    }
    json.endArray().name("reviews").beginArray();
    for (ProjectReport p : data.projects()) {
      for (Review r : p.reviews()) {
        json.beginObject()
            .field("project", p.name())
            .field("date", r.date().toString())
            .field("title", r.snapshot().title())
            .field("url", links.review(p, r))
            .field("percent", Format.percent(r.percent()))
            .field("done", r.done())
            .field("total", r.total())
            .endObject();
      }
    }
    json.endArray().name("items").beginArray();
    for (ProjectReport p : data.projects()) {
      Review latest = p.latest();
      for (SectionFigures f : latest.sections()) {
        for (Item item : f.section().items()) {
          json.beginObject()
              .field("project", p.name())
              .field("date", latest.date().toString())
              .field("section", f.section().label())
              .field("text", item.text())
              .field("done", item.done())
              .field("url", links.item(p, latest, item.line()))
              .endObject();
        }
      }
    }
    json.endArray().endObject();
    return "/* readiness search index; generated, do not edit */\nwindow.READINESS_SEARCH = "
        + json
        + ";\n";
  }
}
