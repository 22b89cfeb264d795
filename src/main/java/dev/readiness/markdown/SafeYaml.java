package dev.readiness.markdown;

import java.io.StringReader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's safe loader with limits for untrusted text: no duplicate keys, few aliases, shallow
 * nesting, bounded size. Dates stay strings, so that 2026-02-30 is reported instead of rolled over.
 */
public final class SafeYaml {
  private SafeYaml() {}

  /** Loads plain Java values (maps, lists, strings, numbers, booleans, null). */
  public static Object load(String text) {
    return yaml().load(text);
  }

  /** Parses into a node tree whose marks carry line numbers, for precise error messages. */
  public static Node compose(String text) {
    return yaml().compose(new StringReader(text));
  }

  /** The 0-based line a YAML error points at, or 0. */
  public static int line(RuntimeException e) {
    return e instanceof MarkedYAMLException m && m.getProblemMark() != null
        ? m.getProblemMark().getLine()
        : 0;
  }

  /** A one-line reason for a YAML error, without SnakeYAML's excerpt of the text. */
  public static String reason(RuntimeException e) {
    if (e instanceof MarkedYAMLException m && m.getProblem() != null) {
      return m.getProblem().strip();
    }
    String message = String.valueOf(e.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(40);
    options.setCodePointLimit(1024 * 1024);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options), new Representer(dumper), dumper, options, new NoTimestamps());
  }

  /** The YAML 1.1 resolver without implicit timestamps. */
  private static final class NoTimestamps extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
      addImplicitResolver(Tag.INT, INT, "-+0123456789", 10);
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.", 10);
      addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
      addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
      addImplicitResolver(Tag.NULL, EMPTY, null, 10);
    }
  }
}
