package dev.readiness.render.pdf;

import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.Map;

/**
 * A mark drawn as vector shapes: the check boxes of items, and the status emoji of checklists (✅ ❌
 * ⚠️ ⬜ 🟡 ⏳ …) that no embedded font can show.
 *
 * <p>A mark is drawn once per document and size into a template that also holds an invisible glyph
 * of the embedded font ({@link #text}), so copying or searching the PDF still finds the state of a
 * box.
 */
enum Mark {
  BOX_OPEN("\u2610"),
  BOX_DONE("\u2611"),
  CHECK("\u2714"),
  CROSS("\u2718"),
  WARNING("\u26A0"),
  SQUARE("\u25A1"),
  HOURGLASS("\u25D4"),
  CIRCLE_RED("\u25CF"),
  CIRCLE_ORANGE("\u25CF"),
  CIRCLE_YELLOW("\u25CF"),
  CIRCLE_GREEN("\u25CF"),
  CIRCLE_BLUE("\u25CF"),
  CIRCLE_WHITE("\u25CB"),
  CIRCLE_BLACK("\u25CF");

  static final Color GREEN = new Color(0x1F7A4D);
  static final Color RED = new Color(0xB42318);
  static final Color AMBER = new Color(0xD98E04);
  static final Color GREY = new Color(0x8A94A0);
  static final Color INK = new Color(0x1D232B);

  private static final Map<Integer, Mark> EMOJI =
      Map.ofEntries(
          Map.entry(0x2705, CHECK),
          Map.entry(0x2714, CHECK),
          Map.entry(0x2713, CHECK),
          Map.entry(0x2611, CHECK),
          Map.entry(0x1F5F8, CHECK),
          Map.entry(0x274C, CROSS),
          Map.entry(0x274E, CROSS),
          Map.entry(0x2716, CROSS),
          Map.entry(0x2717, CROSS),
          Map.entry(0x2718, CROSS),
          Map.entry(0x2612, CROSS),
          Map.entry(0x26A0, WARNING),
          Map.entry(0x2B1C, SQUARE),
          Map.entry(0x25FB, SQUARE),
          Map.entry(0x25FD, SQUARE),
          Map.entry(0x2610, SQUARE),
          Map.entry(0x23F3, HOURGLASS),
          Map.entry(0x231B, HOURGLASS),
          Map.entry(0x1F534, CIRCLE_RED),
          Map.entry(0x1F7E0, CIRCLE_ORANGE),
          Map.entry(0x1F7E1, CIRCLE_YELLOW),
          Map.entry(0x1F7E2, CIRCLE_GREEN),
          Map.entry(0x1F535, CIRCLE_BLUE),
          Map.entry(0x26AA, CIRCLE_WHITE),
          Map.entry(0x26AB, CIRCLE_BLACK));

  /** The glyph that stands for the mark in the text layer. */
  final String text;

  Mark(String text) {
    this.text = text;
  }

  /** The mark for a status emoji or symbol, or null. */
  static Mark forSymbol(int codePoint) {
    return EMOJI.get(codePoint);
  }

  /**
   * Draws the mark into a square box whose lower left corner is the origin.
   *
   * @param side the box's side in points
   */
  void draw(PdfContentByte canvas, float side) {
    float x = side * 0.06f;
    float y = side * 0.06f;
    side = side * 0.88f;
    canvas.saveState();
    canvas.setLineCap(PdfContentByte.LINE_CAP_ROUND);
    canvas.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
    switch (this) {
      case BOX_OPEN -> box(canvas, x, y, side);
      case BOX_DONE -> {
        box(canvas, x, y, side);
        check(canvas, x, y, side, GREEN, side * 0.16f);
      }
      case CHECK -> {
        canvas.setColorFill(GREEN);
        canvas.roundRectangle(x, y, side, side, side * 0.18f);
        canvas.fill();
        check(canvas, x, y, side, Color.WHITE, side * 0.14f);
      }
      case CROSS -> {
        canvas.setColorStroke(RED);
        canvas.setLineWidth(side * 0.16f);
        float inset = side * 0.18f;
        canvas.moveTo(x + inset, y + inset);
        canvas.lineTo(x + side - inset, y + side - inset);
        canvas.moveTo(x + inset, y + side - inset);
        canvas.lineTo(x + side - inset, y + inset);
        canvas.stroke();
      }
      case WARNING -> {
        canvas.setColorFill(AMBER);
        canvas.moveTo(x + side / 2, y + side);
        canvas.lineTo(x + side, y + side * 0.06f);
        canvas.lineTo(x, y + side * 0.06f);
        canvas.closePath();
        canvas.fill();
        canvas.setColorStroke(INK);
        canvas.setLineWidth(side * 0.1f);
        canvas.moveTo(x + side / 2, y + side * 0.68f);
        canvas.lineTo(x + side / 2, y + side * 0.4f);
        canvas.moveTo(x + side / 2, y + side * 0.22f);
        canvas.lineTo(x + side / 2, y + side * 0.22f);
        canvas.stroke();
      }
      case SQUARE -> {
        canvas.setColorStroke(GREY);
        canvas.setColorFill(Color.WHITE);
        canvas.setLineWidth(side * 0.1f);
        canvas.rectangle(x + side * 0.05f, y + side * 0.05f, side * 0.9f, side * 0.9f);
        canvas.fillStroke();
      }
      case HOURGLASS -> {
        canvas.setColorStroke(GREY);
        canvas.setColorFill(new Color(0xE9C46A));
        canvas.setLineWidth(side * 0.08f);
        float l = x + side * 0.2f;
        float r = x + side * 0.8f;
        canvas.moveTo(l, y + side);
        canvas.lineTo(r, y + side);
        canvas.lineTo(x + side / 2, y + side / 2);
        canvas.closePath();
        canvas.moveTo(l, y);
        canvas.lineTo(r, y);
        canvas.lineTo(x + side / 2, y + side / 2);
        canvas.closePath();
        canvas.fillStroke();
      }
      default -> circle(canvas, x, y, side);
    }
    canvas.restoreState();
  }

  private void circle(PdfContentByte canvas, float x, float y, float side) {
    Color fill =
        switch (this) {
          case CIRCLE_RED -> new Color(0xD92D20);
          case CIRCLE_ORANGE -> new Color(0xF79009);
          case CIRCLE_YELLOW -> new Color(0xFAC515);
          case CIRCLE_GREEN -> new Color(0x12B76A);
          case CIRCLE_BLUE -> new Color(0x2E90FA);
          case CIRCLE_WHITE -> Color.WHITE;
          default -> INK;
        };
    canvas.setColorFill(fill);
    canvas.setColorStroke(this == CIRCLE_WHITE ? GREY : fill);
    canvas.setLineWidth(side * 0.06f);
    canvas.circle(x + side / 2, y + side / 2, side * 0.4f);
    canvas.fillStroke();
  }

  private static void box(PdfContentByte canvas, float x, float y, float side) {
    canvas.setColorStroke(INK);
    canvas.setColorFill(Color.WHITE);
    canvas.setLineWidth(Math.max(0.6f, side * 0.08f));
    canvas.roundRectangle(x, y, side, side, side * 0.12f);
    canvas.fillStroke();
  }

  private static void check(
      PdfContentByte canvas, float x, float y, float side, Color color, float width) {
    canvas.setColorStroke(color);
    canvas.setLineWidth(width);
    canvas.moveTo(x + side * 0.22f, y + side * 0.52f);
    canvas.lineTo(x + side * 0.42f, y + side * 0.28f);
    canvas.lineTo(x + side * 0.8f, y + side * 0.76f);
    canvas.stroke();
  }
}
