/**
 * The first stage: finds checklist files in the input folder, reads them as UTF-8 and parses each
 * into a {@link dev.readiness.model.Snapshot}, collecting {@link dev.readiness.model.Problem}s. The
 * only stage that reads input files.
 */
package dev.readiness.read;
