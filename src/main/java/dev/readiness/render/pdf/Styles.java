package dev.readiness.render.pdf;

import dev.readiness.render.pdf.Typesetter.Face;
import dev.readiness.render.pdf.Typesetter.Style;
import java.awt.Color;

/** The type scale and colours of the PDFs, matching the site's palette. */
final class Styles {
  static final Color INK = new Color(0x1D232B);
  static final Color MUTED = new Color(0x5B6570);
  static final Color ACCENT = new Color(0x1F5FAD);
  static final Color STATED = new Color(0xC2571A);
  static final Color GOOD = new Color(0x1F7A4D);
  static final Color BAD = new Color(0xB42318);
  static final Color WARN = new Color(0x9A6700);
  static final Color RULE = new Color(0xD5DBE2);
  static final Color SHADE = new Color(0xF2F4F7);
  static final Color GOOD_SHADE = new Color(0xE7F4EC);
  static final Color BAD_SHADE = new Color(0xFCEBE9);
  static final Color CODE_SHADE = new Color(0xF5F6F8);
  static final Color BAR_OPEN = new Color(0xD9DEE5);

  static final Style BODY = new Style(Face.REGULAR, 9.5f, INK);
  static final Style SMALL = new Style(Face.REGULAR, 8f, MUTED);
  static final Style TABLE = new Style(Face.REGULAR, 8.5f, INK);
  static final Style TABLE_HEAD = new Style(Face.BOLD, 8f, MUTED);
  static final Style HEADER = new Style(Face.REGULAR, 7.5f, MUTED);
  static final Style CONTENTS = new Style(Face.REGULAR, 9.5f, INK);
  static final Style TITLE = new Style(Face.BOLD, 24f, INK);
  static final Style KICKER = new Style(Face.BOLD, 9f, ACCENT);
  static final Style H1 = new Style(Face.BOLD, 16f, INK);
  static final Style H2 = new Style(Face.BOLD, 12.5f, INK);
  static final Style H3 = new Style(Face.BOLD, 10.5f, INK);
  static final Style H4 = new Style(Face.BOLD, 9.5f, INK);
  static final Style FIGURE = new Style(Face.BOLD, 24f, ACCENT);

  private Styles() {}
}
