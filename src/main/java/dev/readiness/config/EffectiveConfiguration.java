package dev.readiness.config;

import dev.readiness.markdown.SafeYaml;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The settings in effect, one entry per key, each with the line of {@code readiness.yaml} it came
 * from (or none: a default), for {@code readiness config}. The keys are the names of the {@link
 * Settings} records' components, which are the file's keys, so a key added to the records is listed
 * without being named here; the components of {@link Settings.Git} are top-level keys.
 */
public final class EffectiveConfiguration {
  /**
   * One setting.
   *
   * @param path the key's path, e.g. {@code [gate, minPercent]}
   * @param value a scalar (text, number, boolean, enum, path), null for "not set", an empty map, or
   *     a list (of scalars, maps or records)
   * @param line the line of the configuration file that sets it, or 0 for a default
   */
  public record Entry(List<String> path, Object value, int line) {
    public Entry {
      path = List.copyOf(path);
    }

    /** Whether the value is the default. */
    public boolean isDefault() {
      return line == 0;
    }
  }

  private EffectiveConfiguration() {}

  /**
   * The entries of {@code settings}, in the order of the records' components and, within a map, of
   * its sorted keys.
   *
   * @param text the configuration file's text, or null when there is none
   */
  public static List<Entry> of(Settings settings, String text) {
    Objects.requireNonNull(settings, "settings");
    Map<List<String>, Integer> lines = new HashMap<>();
    if (text != null) {
      Node root = SafeYaml.compose(text);
      if (root != null) {
        collectLines(root, List.of(), lines);
      }
    }
    List<Entry> entries = new ArrayList<>();
    walk(settings, List.of(), lines, entries);
    return List.copyOf(entries);
  }

  private static void walk(
      Object value, List<String> path, Map<List<String>, Integer> lines, List<Entry> out) {
    if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object part = read(component, record);
        // sources, timezone and commitUrl are top-level keys of the file, grouped in one record
        walk(
            part,
            part instanceof Settings.Git ? path : append(path, component.getName()),
            lines,
            out);
      }
    } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        walk(e.getValue(), append(path, String.valueOf(e.getKey())), lines, out);
      }
    } else {
      out.add(new Entry(path, value, lines.getOrDefault(path, 0)));
    }
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
    }
  }

  /** Records the 1-based line of every key of the file, by its path. */
  private static void collectLines(Node node, List<String> path, Map<List<String>, Integer> lines) {
    if (!(node instanceof MappingNode mapping)) {
      return;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        List<String> keyPath = append(path, key.getValue());
        lines.put(keyPath, key.getStartMark().getLine() + 1);
        collectLines(tuple.getValueNode(), keyPath, lines);
      }
    }
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path);
    longer.add(name);
    return List.copyOf(longer);
  }
}
