/**
 * Pure functions over the model: figures (done, total, percent, drift), lint warnings, item and
 * section matching across reviews, diffs, blocker ages, trends, forecast and timeline. Takes {@link
 * dev.readiness.model.Snapshot}s and gives the {@link dev.readiness.analyze.ReportData} that every
 * renderer reads. No I/O.
 */
package dev.readiness.analyze;
