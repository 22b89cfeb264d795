/**
 * Immutable records for what a checklist says: a {@link dev.readiness.model.Snapshot} per file with
 * its sections, items, blockers, timeline and sign-off, and {@link dev.readiness.model.Problem}s.
 * Built by {@code read}, consumed by {@code analyze}; nothing here does I/O.
 */
package dev.readiness.model;
