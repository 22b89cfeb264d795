package dev.readiness.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Arrays;
import java.util.Set;

/**
 * Flexmark's heading and thematic-break block starts, made safe for hostile text without changing
 * what they parse. In flexmark 0.64.8 the heading start collects the whole open paragraph on every
 * line that begins with a special character, which is quadratic in a long paragraph of such lines;
 * and the thematic-break start matches a pattern that recurses once per character, which overflows
 * the stack on a long line of dashes or underscores. This extension turns those two core factories
 * off and puts these in their place, in the same order: the heading start hands over to flexmark's
 * own only on a line that could be a heading, and the thematic-break start makes the same decision
 * and the same node with a loop instead of the pattern. Block parser factories are made per parse,
 * so their per-line state is never shared between threads.
 */
final class LinearBlockStarts implements Parser.ParserExtension {
  private LinearBlockStarts() {}

  /** The extension, to add to {@link Parser#EXTENSIONS}. */
  static LinearBlockStarts create() {
    return new LinearBlockStarts();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {
    options.set(Parser.HEADING_PARSER, false);
    options.set(Parser.THEMATIC_BREAK_PARSER, false);
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.customBlockParserFactory(new HeadingStart());
    builder.customBlockParserFactory(new ThematicBreakStart());
  }

  /**
   * What the two block starts need to know about one line, found once per line: flexmark asks again
   * at every container on a line, and scanning the rest of the line each time made a line of many
   * nested markers ({@code - - - - ...}) quadratic.
   */
  static final class LineFacts {
    private CharSequence line;
    private int lastNotSetext;
    private final int[] lastNotRule = new int[3];

    /** Facts about {@code current}, recomputed only when the line changes. */
    LineFacts of(CharSequence current) {
      if (current != line) {
        line = current;
        lastNotSetext = -1;
        Arrays.fill(lastNotRule, -1);
        for (int i = current.length() - 1;
            i >= 0 && (lastNotSetext < 0 || min(lastNotRule) < 0);
            i--) {
          char c = current.charAt(i);
          if (lastNotSetext < 0
              && c != '='
              && c != '-'
              && c != ' '
              && c != '\t'
              && !isLineTerminator(c)) {
            lastNotSetext = i;
          }
          for (int m = 0; m < RULE_MARKS.length(); m++) {
            if (lastNotRule[m] < 0 && c != RULE_MARKS.charAt(m) && c != ' ' && c != '\t') {
              lastNotRule[m] = i;
            }
          }
        }
      }
      return this;
    }

    /**
     * Whether flexmark's heading patterns ({@code ^#{1,6}(?:[ \t]+|$)} and {@code ^(?:=+|-+)[
     * \t]*$}) can match the line from {@code from}; true also for some lines that turn out not to
     * be headings, never false for one that is.
     */
    boolean couldBeHeading(int from) {
      if (from >= line.length()) {
        return false;
      }
      char first = line.charAt(from);
      return first == '#' || (first == '=' || first == '-') && lastNotSetext < from;
    }

    /**
     * Whether the line from {@code from} is a thematic break: what flexmark's {@code ^(?:(?:\*[
     * \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$} matches as a whole.
     */
    boolean isThematicBreak(int from) {
      if (from >= line.length()) {
        return false;
      }
      char mark = line.charAt(from);
      int m = RULE_MARKS.indexOf(mark);
      if (m < 0 || lastNotRule[m] > from) {
        return false;
      }
      int marks = 0;
      for (int i = from; i < line.length() && marks < 3; i++) {
        if (line.charAt(i) == mark) {
          marks++;
        }
      }
      return marks >= 3;
    }

    private static int min(int[] values) {
      int min = Integer.MAX_VALUE;
      for (int v : values) {
        min = Math.min(min, v);
      }
      return min;
    }
  }

  private static final String RULE_MARKS = "*_-";

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** In place of {@link HeadingParser.Factory}, with its dependencies. */
  static final class HeadingStart implements CustomBlockParserFactory {
    private final HeadingParser.Factory core = new HeadingParser.Factory();

    @Override
    public Set<Class<?>> getAfterDependents() {
      return Set.of(BlockQuoteParser.Factory.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return Set.of(
          FencedCodeBlockParser.Factory.class,
          HtmlBlockParser.Factory.class,
          ThematicBreakStart.class,
          ListBlockParser.Factory.class,
          IndentedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
      return core.affectsGlobalScope();
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
      return core.getLeadInHandler(options);
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
      BlockParserFactory delegate = core.apply(options);
      LineFacts facts = new LineFacts();
      return (state, matched) ->
          facts.of(state.getLine()).couldBeHeading(state.getNextNonSpaceIndex())
              ? delegate.tryStart(state, matched)
              : BlockStart.none();
    }
  }

  /** In place of {@link ThematicBreakParser.Factory}, with its dependencies. */
  static final class ThematicBreakStart implements CustomBlockParserFactory {
    @Override
    public Set<Class<?>> getAfterDependents() {
      return Set.of(
          BlockQuoteParser.Factory.class,
          HeadingStart.class,
          FencedCodeBlockParser.Factory.class,
          HtmlBlockParser.Factory.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return Set.of(ListBlockParser.Factory.class, IndentedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
      boolean relaxedStart = Parser.THEMATIC_BREAK_RELAXED_START.get(options);
      LineFacts facts = new LineFacts();
      return (ParserState state, MatchedBlockParser matched) -> {
        if (state.getIndent() >= 4
            || matched.getBlockParser().isParagraphParser() && !relaxedStart) {
          return BlockStart.none();
        }
        BasedSequence line = state.getLine();
        if (!facts.of(line).isThematicBreak(state.getNextNonSpaceIndex())) {
          return BlockStart.none();
        }
        return BlockStart.of(new ThematicBreakParser(line.subSequence(state.getIndex())))
            .atIndex(line.length());
      };
    }
  }
}
