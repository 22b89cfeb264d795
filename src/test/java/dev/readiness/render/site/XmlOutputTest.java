package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.render.XmlChars;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;

/**
 * A checklist with control characters (U+0001 and friends, an ANSI colour escape) in its project
 * name, title, section, item and blocker, and with links to another host written as relative ones
 * (fixtures/site-xml): every XML file the site writes parses, and no page carries a character XML
 * forbids; the links are external.
 */
class XmlOutputTest {
  private static final java.util.regex.Pattern REFERENCE =
      java.util.regex.Pattern.compile("&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));");

  @TempDir static Path dir;
  static BuiltSite site;

  @BeforeAll
  static void build() {
    site =
        BuiltSite.build(
            Path.of("src/test/resources/fixtures/site-xml"), dir, BuiltSite.BASE_URL, null, false);
  }

  @Test
  void everyXmlFileIsWellFormed() throws Exception {
    List<String> xml =
        site.files().stream().filter(f -> f.endsWith(".xml") || f.endsWith(".svg")).toList();
    assertTrue(
        xml.containsAll(
            List.of(
                "feed.xml",
                "sitemap.xml",
                "badges/ctrl.svg",
                "projects/ctrl/2026-01-05/sections.svg",
                "projects/ctrl/progress.svg",
                "projects/ctrl/section-trends.svg")),
        xml.toString());
    List<String> broken = new ArrayList<>();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (String file : xml) {
      try {
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(site.text(file).getBytes(StandardCharsets.UTF_8)));
      } catch (SAXParseException e) {
        broken.add(file + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void controlCharactersAreReplacedVisiblyEverywhere() {
    List<String> bad = new ArrayList<>();
    for (String file : site.files()) {
      if (file.endsWith(".html") || file.endsWith(".xml") || file.endsWith(".svg")) {
        String text = site.text(file);
        if (!XmlChars.clean(text).equals(text)) {
          bad.add(file);
        }
        var ref = REFERENCE.matcher(text);
        while (ref.find()) {
          int c =
              Integer.parseInt(
                  ref.group(2) != null ? ref.group(2) : ref.group(1),
                  ref.group(2) != null ? 16 : 10);
          if (!XmlChars.allowed(c)) {
            bad.add(file + ": " + ref.group());
          }
        }
      }
    }
    assertEquals(List.of(), bad);
    assertTrue(
        site.page("projects/ctrl/2026-01-05/index.html")
            .selectFirst(".meta")
            .text()
            .contains("Title with \uFFFD a control"));
    assertEquals(
        "Ctrl\uFFFD Project\uFFFD: review of 2026-01-05",
        site.page("projects/ctrl/2026-01-05/index.html").selectFirst("h1").text());
    Document review = site.page("projects/ctrl/2026-01-05/index.html");
    assertTrue(review.select("#checklist li").text().contains("Item with \uFFFD control"));
  }

  @Test
  void schemeRelativeLinksAreExternal() {
    Document review = site.page("projects/ctrl/2026-01-05/index.html");
    List<String> hrefs = new ArrayList<>();
    for (Element a : review.select("#checklist a[href*=evil]")) {
      assertEquals("nofollow noopener noreferrer", a.attr("rel"), a.outerHtml());
      hrefs.add(a.attr("href"));
    }
    assertEquals(
        List.of("https://evil.example/x", "https://evil.example/y", "https://evil.example/z"),
        hrefs);
  }
}
