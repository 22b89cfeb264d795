/**
 * The command line (picocli): parses options, runs the pipeline, prints problems and maps outcomes
 * to exit codes 0 (success), 1 (input problems or a failed gate) and 2 (usage errors).
 */
package dev.readiness.cli;
