/**
 * The last stage: writes {@link dev.readiness.analyze.ReportData} as HTML, SVG charts, PDF, JSON,
 * feeds and terminal text. Formats figures; never computes them.
 */
package dev.readiness.render;
