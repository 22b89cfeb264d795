/**
 * Charts of the analyzed figures, built once with JFreeChart and drawn as SVG for the site ({@link
 * dev.readiness.render.chart.SvgCharts}) or as vectors into a PDF page. Builds charts from figures;
 * computes none.
 */
package dev.readiness.render.chart;
