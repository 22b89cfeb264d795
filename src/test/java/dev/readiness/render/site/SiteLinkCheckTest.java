package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Walks every page of the built example site, and of the hostile and edge-case fixtures. */
class SiteLinkCheckTest {
  @TempDir static Path dir;
  static BuiltSite example;
  static Map<String, BuiltSite> sites = new TreeMap<>();

  @BeforeAll
  static void build() {
    example = BuiltSite.example(dir.resolve("example"));
    sites.put("example", example);
    sites.put(
        "hostile",
        BuiltSite.build(
            Path.of("src/test/resources/fixtures/site-hostile"),
            dir.resolve("hostile"),
            BuiltSite.BASE_URL,
            null,
            false));
    sites.put(
        "edge",
        BuiltSite.build(
            Path.of("src/test/resources/fixtures/site-edge"),
            dir.resolve("edge"),
            null,
            null,
            false));
  }

  @Test
  void sitesHasEveryPageOfTheSpec() {
    BuiltSite site = example;
    List<String> files = site.files();
    assertTrue(
        files.containsAll(
            List.of(
                "index.html",
                "blockers/index.html",
                "timeline/index.html",
                "search/index.html",
                "search/search-index.js",
                "feed.xml",
                "sitemap.xml",
                "data.json",
                "assets/site.css",
                "assets/site.js",
                "badges/mahavishnu.svg",
                "badges/orion.svg",
                "projects/mahavishnu/index.html",
                "projects/orion/2026-03-09/index.html",
                "projects/orion/2026-03-09/orion-2026-03-09.pdf",
                "projects/orion/orion-history.pdf")),
        files.toString());
    // Portfolio, blockers, timeline and search + 2 projects + 8 reviews.
    assertEquals(14, site.pages().size());
    assertEquals(14, site.result.stats().pages());
  }

  @ParameterizedTest
  @ValueSource(strings = {"example", "hostile", "edge"})
  void everyInternalLinkResolvesAndEveryFragmentExists(String name) {
    BuiltSite site = sites.get(name);
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (String page : site.pages()) {
      Document doc = site.page(page);
      for (Element e : doc.select("[href], [src]")) {
        String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        boolean checklistText = !e.parents().select(".md").isEmpty();
        if (url.startsWith("http:") || url.startsWith("https:") || url.startsWith("mailto:")) {
          if (!checklistText) {
            broken.add(page + ": the site's own markup links to another host: " + url);
          }
          continue;
        }
        if (checklistText && !url.startsWith("#")) {
          continue; // a checklist's own relative link points beside the checklist, not into the
          // site
        }
        checked++;
        String problem = resolve(site, page, url);
        if (problem != null) {
          broken.add(page + ": " + url + " " + problem);
        }
      }
    }
    assertEquals(List.of(), broken);
    assertTrue(checked > 50 * site.pages().size() / 4, "checked " + checked + " links");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example", "hostile", "edge"})
  void everyPageHasLanguageTitleOneH1AndNoInlineCode(String name) {
    BuiltSite site = sites.get(name);
    List<String> problems = new ArrayList<>();
    for (String page : site.pages()) {
      Document doc = site.page(page);
      if (!doc.selectFirst("html").attr("lang").equals("en")) {
        problems.add(page + ": no lang");
      }
      if (doc.title().isBlank()) {
        problems.add(page + ": no title");
      }
      if (doc.select("h1").size() != 1) {
        problems.add(page + ": " + doc.select("h1").size() + " h1");
      }
      if (doc.select("meta[http-equiv=Content-Security-Policy]")
              .attr("content")
              .indexOf("default-src 'self'")
          < 0) {
        problems.add(page + ": no CSP");
      }
      for (Element script : doc.select("script")) {
        if (!script.hasAttr("src") || !script.data().isBlank()) {
          problems.add(page + ": inline script");
        }
      }
      if (!doc.select("style").isEmpty()) {
        problems.add(page + ": inline <style>");
      }
      for (Element e : doc.getAllElements()) {
        for (Attribute a : e.attributes()) {
          if (a.getKey().startsWith("on") || a.getKey().equals("style")) {
            problems.add(page + ": " + e.tagName() + " has " + a.getKey());
          }
        }
      }
      for (Element e : doc.select("[id]")) {
        if (doc.select("[id=" + e.id() + "]").size() > 1) {
          problems.add(page + ": duplicate id " + e.id());
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** Null when {@code url} from {@code page} names an existing file (and element), else why not. */
  private static String resolve(BuiltSite site, String page, String url) {
    String path = url;
    String fragment = null;
    int hash = url.indexOf('#');
    if (hash >= 0) {
      fragment = url.substring(hash + 1);
      path = url.substring(0, hash);
    }
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    String target;
    if (path.isEmpty()) {
      target = page;
    } else {
      URI resolved = URI.create("site:/" + page).resolve(path);
      target = resolved.getPath().substring(1);
      if (target.startsWith("..") || resolved.getPath().contains("/../")) {
        return "leaves the site";
      }
      if (target.endsWith("/")) {
        return "names a folder; links must name files so file:// works";
      }
    }
    Path file = site.file(target);
    if (!Files.isRegularFile(file)) {
      return "does not exist";
    }
    if (fragment != null
        && !fragment.isEmpty()
        && target.endsWith(".html")
        && site.page(target).getElementById(fragment) == null) {
      return "has no element #" + fragment;
    }
    return null;
  }
}
