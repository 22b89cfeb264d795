package dev.readiness.render.pdf;

import com.lowagie.text.pdf.PdfPTable;

/**
 * A table that remembers its relative column widths, which {@link PdfPTable} keeps to itself, so
 * that {@link PageFlow} can lay it out with {@link TableLayout}.
 */
final class FlowTable extends PdfPTable {
  private final float[] relativeWidths;

  /** A table with columns of the given relative widths. */
  FlowTable(float... relativeWidths) {
    super(relativeWidths);
    this.relativeWidths = relativeWidths.clone();
  }

  /** A table of {@code columns} equal columns. */
  FlowTable(int columns) {
    super(columns);
    this.relativeWidths = new float[columns];
    java.util.Arrays.fill(relativeWidths, 1f);
  }

  float[] relativeWidths() {
    return relativeWidths.clone();
  }
}
