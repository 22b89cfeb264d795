package dev.readiness.render.html;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.NullableDataKey;
import dev.readiness.markdown.DirectionWrappers;
import dev.readiness.markdown.LineIndex;
import dev.readiness.markdown.MarkdownSyntax;
import dev.readiness.model.Part;
import dev.readiness.model.Section;
import dev.readiness.model.Snapshot;
import dev.readiness.render.TextDirection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders checklist Markdown as sanitized HTML: GFM task items become disabled checkboxes, raw HTML
 * is shown as text, and every result goes through {@link HtmlSanitizer}. Thread-safe.
 *
 * <p>Sections and parts are rendered once per distinct text, whatever line they start at: their
 * {@code id="L<line>"} anchors are kept relative to the text and shifted to the file line when a
 * page takes them. When a text is new, only its top-level blocks (a heading, a list, a table, a
 * paragraph) that are new are rendered: from one review to the next a section usually differs by a
 * box or two, which leaves most of its blocks as they were. Rendering and sanitizing are most of a
 * review page's cost.
 */
public final class MarkdownRenderer {
  /** Cached sections, parts and pieces of them; emptied when full, which keeps memory bounded. */
  private static final int CACHE_LIMIT = 8192;

  /** Cached top-level blocks; emptied when full likewise. */
  private static final int BLOCK_CACHE_LIMIT = 8192;

  /** The file line of the Markdown's first line, so blocks get {@code id="L<line>"}. */
  private static final DataKey<Integer> FIRST_LINE = new DataKey<>("READINESS_FIRST_LINE", 0);

  /**
   * Where the Markdown's lines start, for the anchors' lines (flexmark's own count is linear per
   * call).
   */
  private static final NullableDataKey<LineIndex> LINES = new NullableDataKey<>("READINESS_LINES");

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final HtmlSanitizer sanitizer = new HtmlSanitizer();
  private final Map<Key, AnchoredHtml> cache = new ConcurrentHashMap<>();
  private final Map<BlockKey, AnchoredHtml> blocks = new ConcurrentHashMap<>();

  /**
   * What a cached text (a section, a part, or a piece of one) was rendered from.
   *
   * @param dropHeading whether an H2 on its first line was left out (a section's own heading)
   */
  private record Key(String markdown, int demote, boolean dropHeading, TextDirection direction) {}

  /**
   * What a cached top-level block was rendered from: its whole lines, from the line it starts on to
   * the line the next block starts on, so indentation and the blank lines after it are part of it.
   */
  private record BlockKey(String lines, int demote, TextDirection direction) {}

  /**
   * Sanitized HTML of checklist Markdown and the file lines it carries anchors for.
   *
   * @param html the HTML, its blocks carrying {@code id="L<line>"}
   * @param anchors the lines of those anchors, in document order
   */
  public record Fragment(String html, List<Integer> anchors) {
    public Fragment {
      Objects.requireNonNull(html, "html");
      anchors = List.copyOf(anchors);
    }
  }

  /** A renderer with the parser options of the reader, so boxes render as they were counted. */
  public MarkdownRenderer() {
    MutableDataSet options = MarkdownSyntax.options();
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    options.set(HtmlRenderer.SOFT_BREAK, "\n");
    parser = MarkdownSyntax.parser();
    renderer =
        HtmlRenderer.builder(options)
            .attributeProviderFactory(new LineIds())
            .nodeRendererFactory(DirectionTags::new)
            .build();
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
   * A part of the document, its blocks (headings, paragraphs, list items, tables) carrying {@code
   * id="L<line>"} anchors with their file lines.
   *
   * @param demote levels to lower its headings by
   */
  public Fragment part(Part part, int demote) {
    return part(part, demote, TextDirection.LTR);
  }

  /**
   * A part of the document as {@link #part(Part, int)}, shown in a container of the given direction
   * (see {@link HtmlSanitizer#clean(String, int, TextDirection)}).
   */
  public Fragment part(Part part, int demote, TextDirection direction) {
    return fragment(part.markdown(), part.line(), demote, false, direction);
  }

  /**
   * A section's body without its own heading (the page shows the heading with its figures), its
   * blocks carrying {@code id="L<line>"} anchors with their file lines.
   *
   * @param demote levels to lower its inner headings by
   */
  public Fragment sectionBody(Section section, int demote) {
    return sectionBody(section, demote, TextDirection.LTR);
  }

  /**
   * A section's body as {@link #sectionBody(Section, int)}, shown in a container of the given
   * direction (see {@link HtmlSanitizer#clean(String, int, TextDirection)}).
   */
  public Fragment sectionBody(Section section, int demote, TextDirection direction) {
    return fragment(section.markdown(), section.line(), demote, true, direction);
  }

  private Fragment fragment(
      String markdown, int firstLine, int demote, boolean section, TextDirection direction) {
    if (firstLine <= 0) {
      // No anchors at all; nothing to share with the same text elsewhere.
      return new Fragment(whole(markdown, firstLine, demote, section, direction), List.of());
    }
    return anchored(markdown, demote, section, direction).at(firstLine);
  }

  /** The text as sanitized HTML with anchors relative to its first line, cached. */
  private AnchoredHtml anchored(
      String markdown, int demote, boolean dropHeading, TextDirection direction) {
    Key key = new Key(markdown, demote, dropHeading, direction);
    AnchoredHtml html = cache.get(key);
    if (html == null) {
      html = renderPieces(markdown, demote, dropHeading, direction);
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(key, html);
    }
    return html;
  }

  /**
   * The text piece by piece (see {@link #cuts}), each piece cached on its own: a section whose box
   * moved is parsed again only from the heading before the box to the next heading.
   */
  private AnchoredHtml renderPieces(
      String markdown, int demote, boolean dropHeading, TextDirection direction) {
    int[] cuts = cuts(markdown);
    if (cuts.length == 1) {
      return render(parse(markdown, dropHeading), demote, direction);
    }
    List<AnchoredHtml> pieces = new ArrayList<>(cuts.length);
    List<Integer> lines = new ArrayList<>(cuts.length);
    int line = 0;
    for (int k = 0; k < cuts.length; k++) {
      int from = cuts[k];
      int to = k + 1 < cuts.length ? cuts[k + 1] : markdown.length();
      pieces.add(anchored(markdown.substring(from, to), demote, dropHeading && k == 0, direction));
      lines.add(line);
      for (int i = from; i < to; i++) {
        if (markdown.charAt(i) == '\n') {
          line++;
        }
      }
    }
    return AnchoredHtml.join(pieces, lines);
  }

  /**
   * Where the text can be cut into pieces that parse alone exactly as they parse in place: always
   * at 0, and before each ATX heading ({@code #} to {@code ######}, then a space, a tab or the
   * line's end) at the very start of a line that follows a blank line. Such a line closes every
   * block still open: a paragraph ends at the blank line, a list item goes on only with indent, a
   * quote only with {@code >}, indented code only with four spaces. The exceptions are fenced code
   * and the HTML blocks that run past blank lines ({@code <script}, {@code <pre}, {@code <style},
   * {@code <textarea}, {@code <!}, {@code <?}), and a link reference definition reaches every
   * block: text that may hold any of them ({@code ```}, {@code ~~~}, those openings anywhere,
   * {@code ]:}) is not cut.
   */
  static int[] cuts(String text) {
    if (text.contains("```")
        || text.contains("~~~")
        || text.contains("]:")
        || text.indexOf('\r') >= 0
        || mayOpenLongHtmlBlock(text)) {
      return new int[] {0};
    }
    int[] cuts = new int[8];
    int n = 1;
    boolean previousBlank = false;
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (start > 0 && previousBlank && isAtxHeading(text, start, end)) {
        if (n == cuts.length) {
          cuts = Arrays.copyOf(cuts, n * 2);
        }
        cuts[n++] = start;
      }
      previousBlank = text.substring(start, end).isBlank();
      start = end + 1;
    }
    return Arrays.copyOf(cuts, n);
  }

  private static boolean isAtxHeading(String text, int start, int end) {
    int i = start;
    while (i < end && text.charAt(i) == '#') {
      i++;
    }
    int hashes = i - start;
    return hashes >= 1
        && hashes <= 6
        && (i == end || text.charAt(i) == ' ' || text.charAt(i) == '\t');
  }

  private static boolean mayOpenLongHtmlBlock(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = lower.indexOf('<'); i >= 0; i = lower.indexOf('<', i + 1)) {
      if (lower.startsWith("<!", i)
          || lower.startsWith("<?", i)
          || lower.startsWith("<script", i)
          || lower.startsWith("<pre", i)
          || lower.startsWith("<style", i)
          || lower.startsWith("<textarea", i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text rendered and sanitized in one piece, uncached: what {@link #sectionBody} ({@code
   * section}) and {@link #part} give, and the reference the tests hold them to.
   */
  String whole(String markdown, int firstLine, int demote, boolean section) {
    return whole(markdown, firstLine, demote, section, TextDirection.LTR);
  }

  private String whole(
      String markdown, int firstLine, int demote, boolean section, TextDirection direction) {
    Document doc = parse(markdown, section);
    doc.set(FIRST_LINE, firstLine);
    return sanitizer.clean(renderer.render(doc), demote, direction);
  }

  /** The Markdown's AST with its line index, without an H2 at its start if {@code dropHeading}. */
  private Document parse(String markdown, boolean dropHeading) {
    Document doc = parser.parse(markdown);
    Node first = doc.getFirstChild();
    if (dropHeading && first instanceof Heading h && h.getLevel() == 2 && h.getStartOffset() == 0) {
      first.unlink();
    }
    doc.set(LINES, LineIndex.of(markdown));
    return doc;
  }

  /**
   * The document as sanitized HTML with anchors relative to its first line, block by block where
   * blocks render independently: the document defines no link references, which any block could
   * use.
   */
  private AnchoredHtml render(Document doc, int demote, TextDirection direction) {
    if (!Parser.REFERENCES.get(doc).isEmpty()) {
      doc.set(FIRST_LINE, AnchoredHtml.BASE);
      return AnchoredHtml.of(sanitizer.clean(renderer.render(doc), demote, direction));
    }
    List<Node> children = new ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      children.add(n);
    }
    CharSequence text = doc.getChars();
    LineIndex lines = LINES.get(doc);
    List<AnchoredHtml> parts = new ArrayList<>(children.size());
    List<Integer> firstLines = new ArrayList<>(children.size());
    for (int i = 0; i < children.size(); i++) {
      Node block = children.get(i);
      int from = lineStart(text, block.getStartOffset());
      int to =
          i + 1 < children.size()
              ? lineStart(text, children.get(i + 1).getStartOffset())
              : text.length();
      int line = lines.startLine(block);
      BlockKey key = new BlockKey(text.subSequence(from, to).toString(), demote, direction);
      AnchoredHtml html = blocks.get(key);
      if (html == null) {
        // A document of its own (same text, options and line index, so the same lines and links) to
        // render the block alone; its anchors come out relative to the block's first line.
        Document alone = new Document(doc, doc.getChars());
        alone.appendChild(block);
        alone.set(FIRST_LINE, AnchoredHtml.BASE - line);
        html = AnchoredHtml.of(sanitizer.clean(renderer.render(alone), demote, direction));
        if (blocks.size() >= BLOCK_CACHE_LIMIT) {
          blocks.clear();
        }
        blocks.put(key, html);
      }
      parts.add(html);
      firstLines.add(line);
    }
    return AnchoredHtml.join(parts, firstLines);
  }

  /** Where the line holding {@code offset} starts. */
  private static int lineStart(CharSequence text, int offset) {
    int i = Math.min(offset, text.length());
    while (i > 0 && text.charAt(i - 1) != '\n') {
      i--;
    }
    return i;
  }

  /** Inline Markdown (an item's text) as HTML, without the paragraph around it. */
  public String inline(String markdown) {
    String html = sanitizer.clean(renderer.render(parser.parse(markdown)), 6).strip();
    // The paragraph's own direction, if any, is the caller's to give to the element it fills.
    String open =
        html.startsWith("<p>")
            ? "<p>"
            : html.startsWith("<p dir=\"auto\">") ? "<p dir=\"auto\">" : null;
    if (open != null && html.endsWith("</p>") && html.indexOf("<p", 1) < 0) {
      html = html.substring(open.length(), html.length() - 4);
    }
    return html;
  }

  /**
   * The writing direction of a review's document: the direction of its first {@code <div dir="…">}
   * wrapper (right-to-left checklists wrap their whole Markdown in one), else the direction most of
   * its letters read in.
   */
  public static TextDirection direction(Snapshot snapshot) {
    StringBuilder text = new StringBuilder();
    for (Part part : snapshot.parts()) {
      if (part.section() == 0) {
        String wrapper = firstWrapper(part.markdown());
        if (wrapper != null) {
          return wrapper.equals("rtl") ? TextDirection.RTL : TextDirection.LTR;
        }
      }
    }
    for (Section section : snapshot.sections()) {
      String wrapper = firstWrapper(section.markdown());
      if (wrapper != null) {
        return wrapper.equals("rtl") ? TextDirection.RTL : TextDirection.LTR;
      }
      text.append(section.heading()).append('\n');
      section.items().forEach(item -> text.append(item.text()).append('\n'));
    }
    return TextDirection.dominant(text);
  }

  /**
   * The direction ({@code rtl}, {@code ltr}) of the first opening wrapper line in the text, or
   * null.
   */
  private static String firstWrapper(String markdown) {
    if (markdown.indexOf("dir") < 0) {
      return null;
    }
    for (String line : markdown.split("\n", -1)) {
      String direction = DirectionWrappers.direction(line.strip());
      if (direction != null && !direction.isEmpty() && !direction.equals("auto")) {
        return direction;
      }
    }
    return null;
  }

  /**
   * Direction markup a checklist writes as HTML: its {@code <div dir="rtl">} wrapper lines, which
   * the page replaces with the document's direction ({@link #direction}), so they render as nothing
   * here; and inline {@code <span dir="…">}, {@code <bdi>} and {@code <bdo dir="…">} tags, which
   * are written again from what they say (tag and direction only). Any other HTML is shown as text,
   * as before.
   */
  private static final class DirectionTags implements NodeRenderer {
    private static final Pattern INLINE =
        Pattern.compile(
            "<(span|bdi|bdo)((?:\\s+dir\\s*=\\s*[\"']?(rtl|ltr|auto)[\"']?)?)\\s*>|</(span|bdi|bdo)\\s*>",
            Pattern.CASE_INSENSITIVE);

    DirectionTags(DataHolder options) {}

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(
              HtmlBlock.class,
              (node, context, html) -> {
                if (DirectionWrappers.direction(node.getChars().trim()) == null) {
                  context.delegateRender();
                }
              }),
          new NodeRenderingHandler<>(
              HtmlInline.class,
              (node, context, html) -> {
                Matcher m = INLINE.matcher(node.getChars());
                if (!m.matches()) {
                  context.delegateRender();
                } else if (m.group(4) != null) {
                  html.raw("</" + m.group(4).toLowerCase(Locale.ROOT) + ">");
                } else {
                  String tag = m.group(1).toLowerCase(Locale.ROOT);
                  String dir =
                      m.group(3) == null
                          ? ""
                          : " dir=\"" + m.group(3).toLowerCase(Locale.ROOT) + "\"";
                  html.raw("<" + tag + dir + ">");
                }
              }));
    }
  }

  /**
   * Gives blocks an id of their file line: list items, headings, tables, table body rows (items
   * when the table has a status column) and paragraphs that are not inside a list item (which has
   * the id already). Not code blocks: flexmark asks for the attributes of their {@code pre} and
   * their {@code code}, which would give one id twice.
   */
  private static final class LineIds extends IndependentAttributeProviderFactory {
    @Override
    public AttributeProvider apply(LinkResolverContext context) {
      return (node, part, attributes) -> {
        if (node instanceof ListItem
            || node instanceof Heading
            || node instanceof TableBlock
            || (node instanceof TableRow && node.getParent() instanceof TableBody)
            || (node instanceof Paragraph && !(node.getParent() instanceof ListItem))) {
          int firstLine = FIRST_LINE.get(node.getDocument());
          if (firstLine > 0) {
            LineIndex lines = LINES.get(node.getDocument());
            int line = lines == null ? node.getLineNumber() : lines.startLine(node);
            attributes.replaceValue("id", "L" + (firstLine + line));
          }
        }
      };
    }
  }
}
