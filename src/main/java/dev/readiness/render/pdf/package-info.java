/**
 * PDF reports with OpenPDF from the analysed {@link dev.readiness.analyze.ReportData}: one per
 * review for a release ticket, one history per project. Takes figures and Markdown parts, gives
 * bytes; computes no figure. Fonts are the DejaVu faces bundled in the jar. OpenPDF lays out the
 * pages (its {@code Document}, {@code PdfPTable} and {@code ColumnText}) and writes the file (see
 * docs/pdf.md).
 */
package dev.readiness.render.pdf;
