package dev.readiness.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wrappers right-to-left checklists put around their Markdown, {@code <div dir="rtl">} and its
 * {@code </div>}, as an HTML block of their own line. CommonMark runs an HTML block that starts
 * with {@code <div>} on to the next blank line, so a wrapper written right above a heading or a
 * list would swallow them as raw HTML: their items would not be counted and their text would show
 * as markup. A line that holds only a block element's opening tag with a {@code dir} attribute, or
 * only the closing tag of such an element, is an HTML block by itself; what follows is Markdown.
 */
public final class DirectionWrappers implements Parser.ParserExtension {
  private static final String TAGS = "div|p|section|article|aside|header|footer|main|blockquote";
  private static final Pattern OPEN =
      Pattern.compile(
          "<("
              + TAGS
              + ")(?=[\\s>])[^<>]*?\\sdir\\s*=\\s*[\"']?(rtl|ltr|auto)\\b[\"']?[^<>]*>[ \\t]*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CLOSE =
      Pattern.compile("</(" + TAGS + ")\\s*>[ \\t]*", Pattern.CASE_INSENSITIVE);

  /** Longer than any wrapper a person writes; longer lines are not looked at (and stay linear). */
  private static final int MAX_LENGTH = 200;

  private DirectionWrappers() {}

  /** The extension, to add to {@link Parser#EXTENSIONS}. */
  static DirectionWrappers create() {
    return new DirectionWrappers();
  }

  /**
   * A wrapper's direction: {@code rtl}, {@code ltr} or {@code auto} for an opening wrapper, the
   * empty string for a closing one, null when the text is not a wrapper.
   *
   * @param line the line without its indentation and line end
   */
  public static String direction(CharSequence line) {
    if (line.length() > MAX_LENGTH || line.length() < 4 || line.charAt(0) != '<') {
      return null;
    }
    Matcher open = OPEN.matcher(line);
    if (open.matches()) {
      return open.group(2).toLowerCase(Locale.ROOT);
    }
    return CLOSE.matcher(line).matches() ? "" : null;
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customBlockParserFactory(new Start());
  }

  /** Starts a wrapper block on a line that is one wrapper tag, indented less than four columns. */
  static final class Start implements CustomBlockParserFactory {
    @Override
    public Set<Class<?>> getAfterDependents() {
      return Set.of(BlockQuoteParser.Factory.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return Set.of(
          HtmlBlockParser.Factory.class,
          ListBlockParser.Factory.class,
          IndentedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
      return (ParserState state, MatchedBlockParser matched) -> {
        if (state.getIndent() >= 4) {
          return BlockStart.none();
        }
        BasedSequence line = state.getLine();
        BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex()).trimEOL();
        if (direction(rest) == null) {
          return BlockStart.none();
        }
        return BlockStart.of(new Wrapper(line.subSequence(state.getIndex()).trimEOL()))
            .atIndex(line.length());
      };
    }
  }

  /** One line, one HTML block. */
  private static final class Wrapper extends AbstractBlockParser {
    private final HtmlBlock block;

    Wrapper(BasedSequence line) {
      block = new HtmlBlock(line);
      block.setContent(line, List.of(line));
    }

    @Override
    public Block getBlock() {
      return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
      return BlockContinue.none();
    }

    @Override
    public void closeBlock(ParserState state) {}
  }
}
