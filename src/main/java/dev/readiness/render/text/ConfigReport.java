package dev.readiness.render.text;

import dev.readiness.config.EffectiveConfiguration.Entry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The settings in effect as {@code readiness.yaml} text, each value followed by a comment that says
 * where it came from, as {@code readiness config} prints it. Values that are not set are shown as
 * commented-out keys, so that the output read back as a configuration file gives the same settings.
 */
public final class ConfigReport {
  private static final int COLUMN = 40;
  private static final Yaml SCALARS = new Yaml(scalarOptions());

  private ConfigReport() {}

  /**
   * The entries as YAML.
   *
   * @param file how the configuration file is named in origins, e.g. {@code readiness.yaml}
   */
  public static String yaml(List<Entry> entries, String file) {
    StringBuilder out = new StringBuilder();
    List<String> open = new ArrayList<>();
    for (Entry e : entries) {
      List<String> path = e.path();
      int common = 0;
      while (common < open.size()
          && common < path.size() - 1
          && open.get(common).equals(path.get(common))) {
        common++;
      }
      open = new ArrayList<>(open.subList(0, common));
      for (int i = common; i < path.size() - 1; i++) {
        out.append("  ".repeat(i)).append(path.get(i)).append(":\n");
        open.add(path.get(i));
      }
      String indent = "  ".repeat(path.size() - 1);
      String key = path.get(path.size() - 1);
      String origin = e.isDefault() ? "default" : file + ":" + e.line();
      String line;
      if (e.value() == null && e.isDefault()) {
        line = indent + "# " + key + ":";
        origin = "not set";
      } else {
        line = indent + key + ": " + scalar(e.value());
      }
      out.append(line)
          .append(" ".repeat(Math.max(1, COLUMN - line.length())))
          .append("# ")
          .append(origin)
          .append('\n');
    }
    return out.toString();
  }

  /** A value in YAML flow style: lists, maps and records (by their components' names) nest. */
  private static String scalar(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      List<String> pairs = new ArrayList<>();
      new TreeMap<>(map).forEach((k, v) -> pairs.add(scalar(String.valueOf(k)) + ": " + scalar(v)));
      return "{" + String.join(", ", pairs) + "}";
    }
    if (value instanceof Collection<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(v -> items.add(scalar(v)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value instanceof Record record) {
      List<String> pairs = new ArrayList<>();
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        Object v = read(c, record);
        if (v != null) {
          pairs.add(c.getName() + ": " + scalar(v));
        }
      }
      return "{" + String.join(", ", pairs) + "}";
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof ZoneId zone) {
      return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
    if (value instanceof Enum<?> e) {
      return SCALARS.dump(e.name().toLowerCase(Locale.ROOT)).strip();
    }
    return SCALARS.dump(value.toString()).strip();
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
    }
  }

  private static DumperOptions scalarOptions() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    return options;
  }
}
