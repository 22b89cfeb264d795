package dev.readiness.render.html;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.readiness.read.LineIndex;
import dev.readiness.read.MarkdownSyntax;
import dev.readiness.model.Part;
import dev.readiness.model.Section;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Renders checklist Markdown as sanitized HTML: GFM task items become disabled checkboxes, raw HTML
 * is shown as text, and every result goes through {@link HtmlSanitizer}. Thread-safe.
 *
 * <p>Sections and parts are cached by their text and first line: consecutive reviews of a project
 * repeat most sections word for word, and rendering plus sanitizing is most of a review page's cost.
 */
public final class MarkdownRenderer {
  /** Cached fragments; the cache is emptied when full, which keeps memory bounded. */
  private static final int CACHE_LIMIT = 4096;
  /** The file line of the Markdown's first line, so blocks get {@code id="L<line>"}. */
  private static final DataKey<Integer> FIRST_LINE = new DataKey<>("READINESS_FIRST_LINE", 0);
  private static final DataKey<LineIndex> LINES = new DataKey<>("READINESS_LINES", (LineIndex) null);

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final HtmlSanitizer sanitizer = new HtmlSanitizer();
  private final Map<Key, String> cache = new ConcurrentHashMap<>();

  /** What a cached fragment was rendered from. */
  private record Key(String markdown, int firstLine, int demote, boolean section) {}

  /** A renderer with the parser options of the reader, so boxes render as they were counted. */
  public MarkdownRenderer() {
    MutableDataSet options = MarkdownSyntax.options();
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    options.set(HtmlRenderer.SOFT_BREAK, "\n");
    parser = MarkdownSyntax.parser();
    renderer = HtmlRenderer.builder(options).attributeProviderFactory(new LineIds()).build();
  }

  /**
   * A block of Markdown as HTML.
   *
   * @param markdown the source
   * @param demote levels to lower its headings by
   */
  public String block(String markdown, int demote) {
    return sanitizer.clean(renderer.render(parser.parse(markdown)), demote);
  }

  /**
   * A part of the document, its blocks (headings, paragraphs, list items, tables) carrying
   * {@code id="L<line>"} anchors with their file lines.
   *
   * @param demote levels to lower its headings by
   */
  public String part(Part part, int demote) {
    return cached(new Key(part.markdown(), part.line(), demote, false), () -> {
      Document doc = parser.parse(part.markdown());
      doc.set(FIRST_LINE, part.line());
      doc.set(LINES, LineIndex.of(part.markdown()));
      return sanitizer.clean(renderer.render(doc), demote);
    });
  }

  /**
   * A section's body without its own heading (the page shows the heading with its figures), its
   * blocks carrying {@code id="L<line>"} anchors with their file lines.
   *
   * @param demote levels to lower its inner headings by
   */
  public String sectionBody(Section section, int demote) {
    return cached(new Key(section.markdown(), section.line(), demote, true), () -> {
      Document doc = parser.parse(section.markdown());
      Node first = doc.getFirstChild();
      if (first instanceof Heading h && h.getLevel() == 2 && h.getStartOffset() == 0) {
        first.unlink();
      }
      doc.set(FIRST_LINE, section.line());
      doc.set(LINES, LineIndex.of(section.markdown()));
      return sanitizer.clean(renderer.render(doc), demote);
    });
  }

  private String cached(Key key, Supplier<String> render) {
    String html = cache.get(key);
    if (html == null) {
      html = render.get();
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(key, html);
    }
    return html;
  }

  /** Inline Markdown (an item's text) as HTML, without the paragraph around it. */
  public String inline(String markdown) {
    String html = sanitizer.clean(renderer.render(parser.parse(markdown)), 6).strip();
    if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
      html = html.substring(3, html.length() - 4);
    }
    return html;
  }

  /**
   * Gives blocks an id of their file line: list items, headings, tables and paragraphs that are not
   * inside a list item (which has the id already). Not code blocks: flexmark asks for the
   * attributes of their {@code pre} and their {@code code}, which would give one id twice.
   */
  private static final class LineIds extends IndependentAttributeProviderFactory {
    @Override
    public AttributeProvider apply(LinkResolverContext context) {
      return (node, part, attributes) -> {
        if (node instanceof ListItem || node instanceof Heading || node instanceof TableBlock
            || (node instanceof Paragraph && !(node.getParent() instanceof ListItem))) {
          Integer firstLine = FIRST_LINE.get(node.getDocument());
          if (firstLine != null && firstLine > 0) {
            LineIndex lines = LINES.get(node.getDocument());
            int line = lines == null ? node.getLineNumber() : lines.startLine(node);
            attributes.replaceValue("id", "L" + (firstLine + line));
          }
        }
      };
    }
  }
}
