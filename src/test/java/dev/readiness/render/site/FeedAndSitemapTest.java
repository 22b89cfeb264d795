package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FeedAndSitemapTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

  @TempDir Path dir;

  static Document xml(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document doc, String ns, String tag) {
    NodeList nodes = doc.getElementsByTagNameNS(ns, tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().strip());
    }
    return out;
  }

  @Test
  void feedHasOneEntryPerReviewNewestFirstWithAbsoluteLinks() throws Exception {
    BuiltSite site = BuiltSite.example(dir);
    Document feed = xml(site.text("feed.xml"));
    NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
    assertEquals(8, entries.getLength());
    List<String> links = new ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++) {
      Element link =
          (Element) ((Element) entries.item(i)).getElementsByTagNameNS(ATOM, "link").item(0);
      links.add(link.getAttribute("href"));
    }
    assertEquals(
        List.of(
            BuiltSite.BASE_URL + "projects/mahavishnu/2026-03-09/index.html",
            BuiltSite.BASE_URL + "projects/orion/2026-03-09/index.html",
            BuiltSite.BASE_URL + "projects/mahavishnu/2026-03-02/index.html",
            BuiltSite.BASE_URL + "projects/orion/2026-03-02/index.html",
            BuiltSite.BASE_URL + "projects/orion/2026-02-23/index.html",
            BuiltSite.BASE_URL + "projects/mahavishnu/2026-02-16/index.html",
            BuiltSite.BASE_URL + "projects/mahavishnu/2026-02-09/index.html",
            BuiltSite.BASE_URL + "projects/mahavishnu/2026-02-02/index.html"),
        links);
    List<String> titles = texts(feed, ATOM, "title");
    assertEquals(
        "Mahavishnu MCP Ecosystem: review of 2026-02-02, 21.2% checked",
        titles.get(titles.size() - 1));
    assertTrue(
        texts(feed, ATOM, "summary")
            .get(7)
            .startsWith("39 of 184 items checked (21.2%); stated score 52; 5 open blockers;"));
    assertEquals("2026-03-20T00:00:00Z", texts(feed, ATOM, "updated").get(0));
    assertEquals(9, texts(feed, ATOM, "id").size());
  }

  @Test
  void sitemapListsEveryPageWithAbsoluteUrls() throws Exception {
    BuiltSite site = BuiltSite.example(dir);
    List<String> locs = texts(xml(site.text("sitemap.xml")), SITEMAP, "loc");
    assertEquals(3 + 2 + 8, locs.size());
    assertTrue(locs.stream().allMatch(l -> l.startsWith(BuiltSite.BASE_URL)));
    for (String page : site.pages()) {
      if (!page.startsWith("search/")) {
        assertTrue(locs.contains(BuiltSite.BASE_URL + page), page);
      }
    }
  }

  @Test
  void withoutBaseUrlTheFeedLinksRelativeAndNoSitemapIsWritten() throws Exception {
    BuiltSite site = BuiltSite.build(Path.of("checklists"), dir, null, null, false);
    assertFalse(Files.exists(site.file("sitemap.xml")));
    Document feed = xml(site.text("feed.xml"));
    Element first = (Element) feed.getElementsByTagNameNS(ATOM, "entry").item(0);
    assertEquals(
        "projects/mahavishnu/2026-03-09/index.html",
        ((Element) first.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"));
    assertEquals(
        "urn:readiness:mahavishnu:2026-03-09",
        first.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent());
    assertFalse(
        site.page("projects/mahavishnu/2026-03-09/index.html").select(".pager a.pdf").hasText(),
        "no PDF link when PDFs are off");
  }
}
