package dev.readiness.render.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML rendered from checklist Markdown: an allow-list of tags and attributes, links only
 * to http, https, mailto or relative URLs, no images (a checklist must not make the page load
 * anything), no script, handler, frame or style. Thread-safe.
 */
public final class HtmlSanitizer {
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Pattern LINE_ID = Pattern.compile("L[0-9]+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final String BASE = "https://checklist.invalid/";

  private final Safelist safelist;

  /** A sanitizer with the site's allow-list. */
  public HtmlSanitizer() {
    safelist = Safelist.relaxed()
        .removeTags("img")
        .addTags("del", "s", "hr", "input", "kbd", "samp", "var", "mark", "abbr", "details", "summary")
        .addAttributes("a", "title")
        .addAttributes("abbr", "title")
        .addAttributes(":all", "id")
        .addAttributes("li", "class")
        .addAttributes("ul", "class")
        .addAttributes("input", "type", "checked", "disabled", "class")
        .addAttributes("code", "class")
        .addAttributes("th", "align")
        .addAttributes("td", "align")
        .addProtocols("a", "href", "http", "https", "mailto")
        .preserveRelativeLinks(true);
  }

  /**
   * The cleaned HTML of a fragment.
   *
   * @param html a fragment rendered from checklist Markdown
   * @param demote how many levels to lower every heading (capped at h6), so a page keeps its one h1
   */
  public String clean(String html, int demote) {
    Document dirty = Jsoup.parseBodyFragment(html, BASE);
    for (Element img : dirty.getElementsByTag("img")) {
      // Keep what an image said without loading it: its alt text, linked to where it points.
      Element link = new Element("a").attr("href", img.attr("src")).text(
          img.attr("alt").isBlank() ? "image" : "image: " + img.attr("alt"));
      img.replaceWith(link);
    }
    Document doc = new Cleaner(safelist).clean(dirty);
    // One walk for what the steps below each look at, in document order; no step changes what
    // another one looks for.
    List<Element> links = new ArrayList<>();
    List<Element> ids = new ArrayList<>();
    List<Element> inputs = new ArrayList<>();
    List<Element> headings = new ArrayList<>();
    for (Element e : doc.getAllElements()) {
      String tag = e.normalName();
      if (tag.equals("a") && e.hasAttr("href")) {
        links.add(e);
      }
      if (e.hasAttr("id")) {
        ids.add(e);
      }
      if (tag.equals("input")) {
        inputs.add(e);
      }
      if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
        headings.add(e);
      }
    }
    for (Element a : links) {
      String href = safeUrl(a.attr("href"));
      if (href == null) {
        a.removeAttr("href");
      } else {
        a.attr("href", href);
        if (href.startsWith("http:") || href.startsWith("https:")) {
          a.attr("rel", "nofollow noopener noreferrer");
        }
      }
    }
    for (Element e : ids) {
      if (!LINE_ID.matcher(e.id()).matches()) {
        e.removeAttr("id");
      }
    }
    for (Element input : inputs) {
      if (!input.attr("type").equals("checkbox")) {
        input.remove();
        continue;
      }
      boolean checked = input.hasAttr("checked");
      input.clearAttributes();
      input.attr("type", "checkbox").attr("disabled", true).attr("class", "box");
      if (checked) {
        input.attr("checked", true);
      }
      Element li = input.parent();
      String label = li == null ? "" : ownText(li);
      input.attr("aria-label", (checked ? "Done: " : "Open: ") + (label.isEmpty() ? "item" : label));
    }
    if (demote > 0) {
      for (Element h : headings) {
        int level = Math.min(6, h.tagName().charAt(1) - '0' + demote);
        h.tagName("h" + level);
      }
    }
    doc.outputSettings().prettyPrint(false);
    return doc.body().html();
  }

  /**
   * A URL that is safe to put in an href: http, https, mailto or relative; null otherwise. Control
   * characters and spaces, which browsers drop before reading the scheme, are dropped first.
   */
  public static String safeUrl(String url) {
    if (url == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    url.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(out::appendCodePoint);
    String s = out.toString();
    var m = SCHEME.matcher(s);
    if (m.find()) {
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("mailto")) {
        return null;
      }
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') < firstOf(s, "/?#")) {
      return null;
    }
    return s;
  }

  private static int firstOf(String s, String chars) {
    int first = s.length();
    for (char c : chars.toCharArray()) {
      int i = s.indexOf(c);
      if (i >= 0 && i < first) {
        first = i;
      }
    }
    return first;
  }

  /** The item's own text, without the text of lists nested in it. */
  private static String ownText(Element li) {
    StringBuilder out = new StringBuilder();
    for (org.jsoup.nodes.Node child : li.childNodes()) {
      if (child instanceof org.jsoup.nodes.TextNode text) {
        out.append(text.text());
      } else if (child instanceof Element e && !e.normalName().equals("ul") && !e.normalName().equals("ol")) {
        out.append(e.text());
      }
    }
    return WHITESPACE.matcher(out).replaceAll(" ").strip();
  }
}
