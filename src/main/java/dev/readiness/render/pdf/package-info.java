/**
 * PDF reports with OpenPDF from the analysed {@link dev.readiness.analyze.ReportData}: one per
 * review for a release ticket, one history per project. Takes figures and Markdown parts, gives
 * bytes; computes no figure. Fonts are the DejaVu faces bundled in the jar. Pages are laid out
 * here as OpenPDF's own layout would lay them out ({@code PageFlow}, {@code TableLayout}), and
 * OpenPDF writes the file (see docs/pdf.md).
 */
package dev.readiness.render.pdf;
