package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checklist full of script tags, handlers, frames and javascript: links (fixtures/site-hostile)
 * renders as inert text on every page, attribute, feed, SVG and script the site writes.
 */
class HostileChecklistTest {
  private static final Set<String> FORBIDDEN_TAGS =
      Set.of(
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "style",
          "base",
          "applet",
          "meta[http-equiv=refresh]",
          "svg[onload]");

  @TempDir static Path dir;
  static BuiltSite site;

  @BeforeAll
  static void build() {
    site =
        BuiltSite.build(
            Path.of("src/test/resources/fixtures/site-hostile"),
            dir,
            BuiltSite.BASE_URL,
            null,
            false);
  }

  @Test
  void buildsEveryPageOfTheHostileProject() {
    assertTrue(
        site.pages()
            .containsAll(
                List.of(
                    "index.html",
                    "projects/evil/index.html",
                    "projects/evil/2026-01-05/index.html",
                    "projects/evil/2026-01-12/index.html")));
  }

  @Test
  void noPageCarriesScriptHandlerFrameOrDangerousUrl() {
    List<String> problems = new ArrayList<>();
    for (String page : site.pages()) {
      Document doc = site.page(page);
      for (String tag : FORBIDDEN_TAGS) {
        if (!doc.select(tag).isEmpty()) {
          problems.add(page + ": " + tag);
        }
      }
      for (Element script : doc.select("script")) {
        String src = script.attr("src");
        if (!(src.endsWith("assets/site.js") || src.equals("search-index.js"))
            || !script.data().isBlank()) {
          problems.add(page + ": script " + script.outerHtml());
        }
      }
      for (Element form : doc.select("form")) {
        if (!form.attr("role").equals("search")) {
          problems.add(page + ": form " + form.outerHtml());
        }
      }
      for (Element link : doc.select("link")) {
        if (link.attr("href").startsWith("http")) {
          problems.add(page + ": remote link element " + link.outerHtml());
        }
      }
      for (Element img : doc.select("img")) {
        if (img.attr("src").contains(":")) {
          problems.add(page + ": image from elsewhere " + img.outerHtml());
        }
      }
      for (Element e : doc.getAllElements()) {
        for (Attribute a : e.attributes()) {
          String key = a.getKey().toLowerCase(Locale.ROOT);
          if (key.startsWith("on")
              || key.equals("style")
              || key.equals("srcdoc")
              || key.equals("formaction")) {
            problems.add(page + ": " + e.tagName() + "[" + key + "]");
          }
          if (dangerousUrl(a.getValue())
              && Set.of("href", "src", "action", "data", "xlink:href").contains(key)) {
            problems.add(page + ": " + e.tagName() + "[" + key + "=" + a.getValue() + "]");
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void hostileTextIsShownAsText() {
    Document review = site.page("projects/evil/2026-01-05/index.html");
    assertTrue(
        review.title().contains("Evil <script>alert('name')</script> \"Quoted\" Project"),
        review.title());
    String checklist = review.selectFirst("#checklist").text();
    assertTrue(
        checklist.contains(
            "Inline <script>alert('item')</script> and <iframe src=\"https://evil.example/\"></iframe>"),
        checklist);
    assertTrue(
        review
            .selectFirst("#blockers")
            .text()
            .contains("\"Quoted\" <script>alert('blocker')</script> blocker"));
    assertTrue(
        review.selectFirst("#document").text().contains("<script>alert('preamble')</script>"));
    assertTrue(review.selectFirst("#signoff").text().contains("<script>alert('signer')</script>"));
    // Safe links stay links; unsafe ones lose their href but keep their text.
    Element first = review.getElementById("L18");
    assertEquals(
        List.of("https://example.com/docs", "mailto:ops@example.com", "runbooks/rollback.md"),
        first.select("a").eachAttr("href"));
    assertEquals("nofollow noopener noreferrer", first.selectFirst("a").attr("rel"));
    Element bad = review.getElementById("L19");
    assertTrue(bad.text().endsWith("Bad link click me"), bad.text());
    assertTrue(bad.select("a[href]").isEmpty());
    assertTrue(
        review.getElementById("L20").select("a[href]").isEmpty(),
        review.getElementById("L20").outerHtml());
    assertTrue(
        review.getElementById("L21").select("a[href]").isEmpty(),
        review.getElementById("L21").outerHtml());
    // A remote image is not loaded; it becomes a link to where it points.
    assertEquals(
        "https://evil.example/pixel.png",
        review.getElementById("L24").selectFirst("a").attr("href"));
    assertEquals("image: tracker", review.getElementById("L24").selectFirst("a").text());
  }

  @Test
  void hostileDiffAndOverviewPagesStayInert() {
    Document next = site.page("projects/evil/2026-01-12/index.html");
    assertTrue(
        next.selectFirst("#diff").text().contains("New <iframe src=x></iframe> blocker"),
        next.selectFirst("#diff").text());
    assertTrue(
        site.page("blockers/index.html").text().contains("<script>alert('blocker')</script>"));
    assertTrue(
        site.page("index.html")
            .selectFirst("#projects")
            .text()
            .contains("<img src=x onerror=alert('owner')>"));
  }

  @Test
  void feedSvgAndSearchIndexAreInert() throws Exception {
    org.w3c.dom.Document feed = FeedAndSitemapTest.xml(site.text("feed.xml"));
    assertEquals(0, feed.getElementsByTagName("script").getLength());
    assertTrue(
        feed.getDocumentElement().getTextContent().contains("<script>alert('blocker')</script>"));
    for (String svg : site.files().stream().filter(f -> f.endsWith(".svg")).toList()) {
      Document doc = Jsoup.parse(site.text(svg), "", Parser.xmlParser());
      FeedAndSitemapTest.xml(site.text(svg));
      assertTrue(doc.select("script, foreignObject").isEmpty(), svg);
      assertTrue(
          doc.getAllElements().stream()
              .flatMap(e -> e.attributes().asList().stream())
              .noneMatch(a -> a.getKey().toLowerCase(Locale.ROOT).startsWith("on")),
          svg);
    }
    String index = site.text("search/search-index.js");
    assertFalse(index.contains("<"), "the index escapes < so no text can close a script");
    assertTrue(index.contains("Evil \\u003cscript\\u003ealert('name')"), index);
  }

  private static boolean dangerousUrl(String value) {
    StringBuilder s = new StringBuilder();
    value.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(s::appendCodePoint);
    String v = s.toString().toLowerCase(Locale.ROOT);
    return v.startsWith("javascript:") || v.startsWith("data:") || v.startsWith("vbscript:");
  }
}
