package dev.readiness.read;

import dev.readiness.markdown.SafeYaml;
import dev.readiness.model.Problem;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a document's YAML front matter: the lines between a first line {@code ---} and the next
 * {@code ---} (or {@code ...}), through {@link SafeYaml}. A front matter that is not valid YAML is
 * a {@code FRONT_MATTER} warning and the body is still read.
 */
final class FrontMatterReader {
  private FrontMatterReader() {}

  /**
   * The front matter's keys and values, in order (empty without a valid one); marks its lines as
   * not Markdown and records how many there are in {@link DocumentLines#frontMatterLines}.
   */
  static Map<String, Object> read(DocumentLines d) {
    Map<String, Object> frontMatter = new LinkedHashMap<>();
    String[] lines = d.lines;
    if (lines.length < 2 || !lines[0].strip().equals("---")) {
      return frontMatter;
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.equals("---") || l.equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      d.warn(
          Problem.warning(
              "FRONT_MATTER",
              d.source,
              1,
              "front matter opened with \"---\" is never closed; add a closing \"---\" line"));
      return frontMatter;
    }
    String yaml = String.join("\n", Arrays.copyOfRange(lines, 1, close));
    try {
      Object loaded = SafeYaml.load(yaml);
      if (loaded instanceof Map<?, ?> map) {
        map.forEach((k, v) -> frontMatter.put(String.valueOf(k), v));
      } else if (loaded != null) {
        d.warn(
            Problem.warning(
                "FRONT_MATTER",
                d.source,
                1,
                "front matter is not a set of \"key: value\" lines; it is ignored"));
      }
    } catch (RuntimeException e) {
      d.warn(
          Problem.warning(
              "FRONT_MATTER",
              d.source,
              2 + SafeYaml.line(e),
              "front matter is not valid YAML (" + SafeYaml.reason(e) + "); it is ignored"));
    }
    d.frontMatterLines = close + 1;
    for (int i = 0; i <= close; i++) {
      d.opaque[i + 1] = true;
    }
    return frontMatter;
  }

  /**
   * The front matter's {@code date:}, or null; a warning when it is not a plausible calendar date.
   */
  static LocalDate date(DocumentLines d, Map<String, Object> frontMatter) {
    Object value = frontMatter.get("date");
    if (value == null) {
      return null;
    }
    return d.date(String.valueOf(value), 1, "the front matter's date");
  }
}
