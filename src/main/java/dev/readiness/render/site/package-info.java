/**
 * The whole output of {@code readiness build}: takes {@link dev.readiness.analyze.ReportData} and
 * writes the pages, charts, badges, search index, feed, sitemap, data.json and PDFs into an {@link
 * dev.readiness.render.OutputTree} (see docs/site.md). Formats figures; computes none.
 */
package dev.readiness.render.site;
