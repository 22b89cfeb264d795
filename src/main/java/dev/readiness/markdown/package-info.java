/**
 * The Markdown and YAML syntax that reading and rendering share: the flexmark parser with its
 * extensions and limits ({@link dev.readiness.markdown.MarkdownSyntax}), line numbers of a text
 * ({@link dev.readiness.markdown.LineIndex}), direction wrappers, and the safe YAML loader that
 * front matter and {@code readiness.yaml} go through. Takes text, gives syntax trees and values; no
 * I/O, and no knowledge of checklists.
 */
package dev.readiness.markdown;
