package dev.readiness.render.pdf;

/**
 * How a renderer sets its pages.
 *
 * @param paper {@code A4} or {@code Letter}
 * @param referenceTables whether every table goes through OpenPDF's {@code ColumnText}, the
 *     layout {@link TableLayout} reproduces; for tests that compare the two
 */
record PageSetup(String paper, boolean referenceTables) {}
