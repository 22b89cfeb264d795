package dev.readiness.markdown;

import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * The one Markdown dialect readiness reads and renders: CommonMark with GFM tables and task lists,
 * block starts that stay linear in time on hostile lines ({@link LinearBlockStarts}), and
 * right-to-left wrappers as HTML blocks of their own line ({@link DirectionWrappers}). Pages and
 * PDFs parse with it too, so they see the tree the counts came from and are as safe.
 */
public final class MarkdownSyntax {
  private static final Parser PARSER = Parser.builder(options()).build();

  private MarkdownSyntax() {}

  /** The shared parser; flexmark parsers are safe to use from several threads. */
  public static Parser parser() {
    return PARSER;
  }

  /** A fresh copy of the options, for renderers that add their own. */
  public static MutableDataSet options() {
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(
            TablesExtension.create(),
            TaskListExtension.create(),
            LinearBlockStarts.create(),
            DirectionWrappers.create()));
    options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.WITH_CAPTION, false);
    return options;
  }
}
