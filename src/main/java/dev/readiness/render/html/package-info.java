/**
 * HTML building blocks of the site: the one FreeMarker configuration with its template and asset
 * overrides, Markdown from checklists rendered and sanitized, relative links and figure formatting
 * for templates. Takes analyzed records; computes no figure.
 */
package dev.readiness.render.html;
