/** Terminal output: plain text, colour only when asked for. */
package dev.readiness.render.text;
