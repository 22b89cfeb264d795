package dev.readiness.render.html;

import dev.readiness.render.TextDirection;
import dev.readiness.render.XmlChars;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML rendered from checklist Markdown: an allow-list of tags and attributes, links only to
 * http, https, mailto or relative URLs, no images (a checklist must not make the page load
 * anything), no script, handler, frame or style. Thread-safe.
 */
public final class HtmlSanitizer {
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Pattern LINE_ID = Pattern.compile("L[0-9]+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final String BASE = "https://checklist.invalid/";
  private static final Set<String> DIRECTIONS = Set.of("rtl", "ltr", "auto");

  /** Elements that get a direction of their own when their text may read the other way. */
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "li",
          "ul",
          "ol",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "table",
          "th",
          "td",
          "blockquote",
          "dl",
          "dt",
          "dd",
          "summary",
          "pre");

  private final Safelist safelist;

  /** A sanitizer with the site's allow-list. */
  public HtmlSanitizer() {
    safelist =
        Safelist.relaxed()
            .removeTags("img")
            .addTags(
                "del", "s", "hr", "input", "kbd", "samp", "var", "mark", "abbr", "details",
                "summary", "bdi", "bdo")
            .addAttributes("a", "title")
            .addAttributes("abbr", "title")
            .addAttributes(":all", "id", "dir")
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
    return clean(html, demote, TextDirection.LTR);
  }

  /**
   * The cleaned HTML of a fragment shown in a container of the given direction: each block (a
   * paragraph, a list or list item, a heading, a table or cell, a quote) whose text may read the
   * other way gets {@code dir="auto"}, so the browser gives it the direction of its first letter.
   * In a left-to-right container those are the blocks with a right-to-left letter; in a
   * right-to-left one, the blocks with letters but none right to left (an English item in an Arabic
   * checklist). A {@code dir} the checklist wrote is kept when it is {@code rtl}, {@code ltr} or
   * {@code auto}.
   *
   * @param html a fragment rendered from checklist Markdown
   * @param demote how many levels to lower every heading (capped at h6), so a page keeps its one h1
   * @param container the direction of the element the fragment is shown in
   */
  public String clean(String html, int demote, TextDirection container) {
    // jsoup writes a control character as a numeric reference (&#x3;), which XML forbids too.
    Document dirty = Jsoup.parseBodyFragment(XmlChars.clean(html), BASE);
    for (Element img : dirty.getElementsByTag("img")) {
      // Keep what an image said without loading it: its alt text, linked to where it points.
      Element link =
          new Element("a")
              .attr("href", img.attr("src"))
              .text(img.attr("alt").isBlank() ? "image" : "image: " + img.attr("alt"));
      img.replaceWith(link);
    }
    Document doc = new Cleaner(safelist).clean(dirty);
    // One walk for what the steps below each look at, in document order; no step changes what
    // another one looks for.
    List<Element> links = new ArrayList<>();
    List<Element> ids = new ArrayList<>();
    List<Element> inputs = new ArrayList<>();
    List<Element> headings = new ArrayList<>();
    List<Element> blocks = new ArrayList<>();
    boolean directions = container == TextDirection.RTL || TextDirection.hasRtl(html);
    for (Element e : doc.getAllElements()) {
      String tag = e.normalName();
      if (e.hasAttr("dir") && !DIRECTIONS.contains(e.attr("dir").toLowerCase(Locale.ROOT))) {
        e.removeAttr("dir");
      }
      if (directions && BLOCKS.contains(tag) && !e.hasAttr("dir")) {
        blocks.add(e);
      }
      if (tag.equals("a") && e.hasAttr("href")) {
        links.add(e);
      }
      if (e.hasAttr("id")) {
        ids.add(e);
      }
      if (tag.equals("input")) {
        inputs.add(e);
      }
      if (tag.length() == 2
          && tag.charAt(0) == 'h'
          && tag.charAt(1) >= '1'
          && tag.charAt(1) <= '6') {
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
      input.attr(
          "aria-label", (checked ? "Done: " : "Open: ") + (label.isEmpty() ? "item" : label));
    }
    for (Element block : blocks) {
      String text = block.text();
      boolean rtl = TextDirection.hasRtl(text);
      if (container == TextDirection.LTR
          ? rtl
          : !rtl && TextDirection.firstStrong(text) == TextDirection.LTR) {
        block.attr("dir", "auto");
      }
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
   * characters and spaces, which browsers drop before reading the scheme, are dropped first. A
   * scheme-relative URL ({@code //host/x}, or with backslashes, which browsers read as slashes)
   * names another host: it comes back as an {@code https:} URL, so it is treated as external.
   */
  public static String safeUrl(String url) {
    if (url == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    url.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(out::appendCodePoint);
    String s = out.toString();
    if (isSchemeRelative(s)) {
      // "//host/x", "/\host/x", "\\host/x": browsers read each as a link to another host (they
      // take a backslash for a slash), so it is one, written out in full.
      int start = 0;
      while (start < s.length() && (s.charAt(start) == '/' || s.charAt(start) == '\\')) {
        start++;
      }
      return "https://" + s.substring(start).replace('\\', '/');
    }
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

  /** Whether the URL starts with two slashes or backslashes in any mix: a link to another host. */
  static boolean isSchemeRelative(String url) {
    return url.length() >= 2
        && (url.charAt(0) == '/' || url.charAt(0) == '\\')
        && (url.charAt(1) == '/' || url.charAt(1) == '\\');
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
    for (Node child : li.childNodes()) {
      if (child instanceof TextNode text) {
        out.append(text.text());
      } else if (child instanceof Element e
          && !e.normalName().equals("ul")
          && !e.normalName().equals("ol")) {
        out.append(e.text());
      }
    }
    return WHITESPACE.matcher(out).replaceAll(" ").strip();
  }
}
