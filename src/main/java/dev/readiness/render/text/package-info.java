/**
 * Terminal output over the analyzed figures: {@code inspect}'s review, {@code check}'s verdicts
 * (text and JSON) and {@code diff}'s changes. Colour only through {@link
 * dev.readiness.render.text.Style}, which the command picks; text from checklists only through
 * {@link dev.readiness.render.text.TerminalText}, which shows control characters visibly; no figure
 * is computed here.
 */
package dev.readiness.render.text;
