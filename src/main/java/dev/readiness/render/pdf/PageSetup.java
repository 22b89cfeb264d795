package dev.readiness.render.pdf;

/**
 * How a renderer sets its pages.
 *
 * @param paper {@code A4} or {@code Letter}
 */
record PageSetup(String paper) {}
