package dev.readiness.config;

import dev.readiness.markdown.SafeYaml;
import dev.readiness.model.Slugs;
import dev.readiness.model.WarningCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads {@code readiness.yaml} strictly: unknown keys and wrong types are errors. */
public final class ConfigLoader {
  /**
   * The largest configuration file read, in bytes (as SnakeYAML's code point limit): checked before
   * reading, because a huge scalar costs the YAML scanner quadratic time.
   */
  public static final long MAX_BYTES = 1024 * 1024;

  private static final Set<String> TOP =
      Set.of(
          "site",
          "projects",
          "gate",
          "pdf",
          "input",
          "warnings",
          "sources",
          "timezone",
          "commitUrl");
  private static final Set<String> SITE = Set.of("title", "baseUrl");
  private static final Set<String> PROJECT = Set.of("name", "owner", "ticket");
  private static final Set<String> GATE =
      Set.of("minPercent", "maxOpenBlockers", "maxDrift", "requireSignoff", "maxReviewAgeDays");
  private static final Set<String> PDF = Set.of("enabled", "paper");
  private static final Set<String> INPUT = Set.of("maxFileBytes");
  private static final Set<String> SOURCE = Set.of("git", "project", "commitUrl");

  private final String file;

  private ConfigLoader(String file) {
    this.file = file;
  }

  /** Loads a file, or returns the defaults when {@code path} does not exist. */
  public static Settings load(Path path) throws ConfigException {
    if (!Files.exists(path)) {
      return Settings.DEFAULTS;
    }
    try {
      if (!Files.isRegularFile(path)) {
        throw new ConfigException(path + ": not a regular file; readiness.yaml must be a file");
      }
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new ConfigException(
            path
                + ": is "
                + size
                + " bytes; a configuration file may have at most "
                + MAX_BYTES
                + " (1 MiB)");
      }
      return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(path + ": cannot read the configuration: " + e.getMessage());
    }
  }

  /** Parses configuration text; {@code file} names it in errors. */
  public static Settings parse(String file, String text) throws ConfigException {
    return new ConfigLoader(file).parse(text);
  }

  private Settings parse(String text) throws ConfigException {
    if (text.length() > MAX_BYTES) {
      throw new ConfigException(
          file
              + ": is "
              + text.length()
              + " characters; a configuration file may have at most "
              + MAX_BYTES
              + " (1 MiB)");
    }
    Node root;
    try {
      root = SafeYaml.compose(text);
    } catch (RuntimeException e) {
      throw new ConfigException(
          file + ":" + (SafeYaml.line(e) + 1) + ": not valid YAML: " + SafeYaml.reason(e));
    }
    if (root == null) {
      return Settings.DEFAULTS;
    }
    Map<String, Node> top = mapping(root, "", TOP);
    Settings.Site site = Settings.Site.DEFAULTS;
    if (top.containsKey("site")) {
      Map<String, Node> m = mapping(top.get("site"), "site", SITE);
      site =
          new Settings.Site(
              m.containsKey("title") ? string(m.get("title"), "site.title") : site.title(),
              m.containsKey("baseUrl") ? baseUrl(m.get("baseUrl")) : null);
    }
    Map<String, Settings.ProjectSettings> projects = new TreeMap<>();
    if (top.containsKey("projects")) {
      for (Map.Entry<String, Node> e : mapping(top.get("projects"), "projects", null).entrySet()) {
        String key = "projects." + e.getKey();
        if (!Slugs.isSlug(e.getKey())) {
          throw error(
              keyNode(top.get("projects"), e.getKey()),
              key,
              "\""
                  + e.getKey()
                  + "\" is not a project slug;"
                  + " use the slug readiness shows for the project (lowercase letters, digits and -), e.g. \""
                  + Slugs.slugify(e.getKey())
                  + "\"");
        }
        Map<String, Node> m = mapping(e.getValue(), key, PROJECT);
        projects.put(
            e.getKey(),
            new Settings.ProjectSettings(
                optionalString(m, "name", key),
                optionalString(m, "owner", key),
                optionalString(m, "ticket", key)));
      }
    }
    Settings.Gate gate = Settings.Gate.DEFAULTS;
    if (top.containsKey("gate")) {
      Map<String, Node> m = mapping(top.get("gate"), "gate", GATE);
      gate =
          new Settings.Gate(
              m.containsKey("minPercent")
                  ? percent(m.get("minPercent"), "gate.minPercent")
                  : gate.minPercent(),
              m.containsKey("maxOpenBlockers")
                  ? count(m.get("maxOpenBlockers"), "gate.maxOpenBlockers")
                  : gate.maxOpenBlockers(),
              m.containsKey("maxDrift")
                  ? nullablePercent(m.get("maxDrift"), "gate.maxDrift")
                  : gate.maxDrift(),
              m.containsKey("requireSignoff")
                  ? bool(m.get("requireSignoff"), "gate.requireSignoff")
                  : gate.requireSignoff(),
              m.containsKey("maxReviewAgeDays")
                  ? nullableCount(m.get("maxReviewAgeDays"), "gate.maxReviewAgeDays")
                  : gate.maxReviewAgeDays());
    }
    Settings.Pdf pdf = Settings.Pdf.DEFAULTS;
    if (top.containsKey("pdf")) {
      Map<String, Node> m = mapping(top.get("pdf"), "pdf", PDF);
      String paper = pdf.paper();
      if (m.containsKey("paper")) {
        paper = string(m.get("paper"), "pdf.paper");
        if (paper.equalsIgnoreCase("a4")) {
          paper = "A4";
        } else if (paper.equalsIgnoreCase("letter")) {
          paper = "Letter";
        } else {
          throw error(m.get("paper"), "pdf.paper", "must be A4 or Letter, not \"" + paper + "\"");
        }
      }
      pdf =
          new Settings.Pdf(
              m.containsKey("enabled") ? bool(m.get("enabled"), "pdf.enabled") : pdf.enabled(),
              paper);
    }
    Settings.Input input = Settings.Input.DEFAULTS;
    if (top.containsKey("input")) {
      Map<String, Node> m = mapping(top.get("input"), "input", INPUT);
      if (m.containsKey("maxFileBytes")) {
        long bytes = count(m.get("maxFileBytes"), "input.maxFileBytes");
        if (bytes < 1) {
          throw error(m.get("maxFileBytes"), "input.maxFileBytes", "must be at least 1");
        }
        input = new Settings.Input(bytes);
      }
    }
    Map<String, Settings.Level> warnings = new TreeMap<>();
    if (top.containsKey("warnings")) {
      for (Map.Entry<String, Node> e : mapping(top.get("warnings"), "warnings", null).entrySet()) {
        String key = "warnings." + e.getKey();
        if (!WarningCodes.isKnown(e.getKey())) {
          throw error(
              keyNode(top.get("warnings"), e.getKey()),
              key,
              "unknown warning code; known codes: " + String.join(", ", WarningCodes.all()));
        }
        warnings.put(e.getKey(), level(e.getValue(), key));
      }
    }
    return new Settings(site, projects, gate, pdf, input, warnings, git(top));
  }

  /**
   * {@code off}, {@code warning} or {@code error}; YAML reads a bare {@code off} as a boolean,
   * which is fine here.
   */
  private Settings.Level level(Node node, String key) throws ConfigException {
    if (node instanceof ScalarNode s) {
      switch (s.getValue().strip().toLowerCase(Locale.ROOT)) {
        case "off" -> {
          return Settings.Level.OFF;
        }
        case "warning" -> {
          return Settings.Level.WARNING;
        }
        case "error" -> {
          return Settings.Level.ERROR;
        }
        default -> {}
      }
    }
    throw error(node, key, "must be off, warning or error");
  }

  /** {@code sources:}, {@code timezone:} and {@code commitUrl:} (docs/git.md). */
  private Settings.Git git(Map<String, Node> top) throws ConfigException {
    ZoneId zone = Settings.Git.DEFAULTS.timezone();
    if (top.containsKey("timezone")) {
      String name = string(top.get("timezone"), "timezone").strip();
      try {
        zone = ZoneId.of(name).normalized();
      } catch (DateTimeException e) {
        throw error(
            top.get("timezone"),
            "timezone",
            "must be a time zone such as UTC or Europe/Berlin, not \"" + name + "\"");
      }
    }
    String commitUrl =
        top.containsKey("commitUrl") ? commitUrl(top.get("commitUrl"), "commitUrl") : null;
    List<Settings.Source> sources = new ArrayList<>();
    if (top.containsKey("sources")) {
      Node list = top.get("sources");
      if (!(list instanceof SequenceNode sequence)) {
        throw error(list, "sources", "must be a list of {git: PATH, project: SLUG} entries");
      }
      for (int i = 0; i < sequence.getValue().size(); i++) {
        Node entry = sequence.getValue().get(i);
        String key = "sources[" + i + "]";
        Map<String, Node> m = mapping(entry, key, SOURCE);
        if (!m.containsKey("git")) {
          throw error(entry, key, "needs git: PATH, the checklist file in a git working tree");
        }
        String path = string(m.get("git"), key + ".git").strip();
        if (path.isEmpty()) {
          throw error(m.get("git"), key + ".git", "must name the checklist file");
        }
        String project = optionalString(m, "project", key);
        if (project != null && !Slugs.isSlug(project)) {
          throw error(
              m.get("project"),
              key + ".project",
              "\""
                  + project
                  + "\" is not a project slug; use lowercase"
                  + " letters, digits and -, e.g. \""
                  + Slugs.slugify(project)
                  + "\"");
        }
        String url =
            m.containsKey("commitUrl") ? commitUrl(m.get("commitUrl"), key + ".commitUrl") : null;
        sources.add(
            new Settings.Source(
                path,
                project,
                url,
                entry.getStartMark() == null ? 0 : entry.getStartMark().getLine() + 1));
      }
    }
    return new Settings.Git(sources, zone, commitUrl);
  }

  private String commitUrl(Node node, String key) throws ConfigException {
    String value = string(node, key).strip();
    if (!value.matches("(?i)https?://[^\\s\"<>]+") || !value.contains("{commit}")) {
      throw error(
          node,
          key,
          "must be an absolute http(s) URL with {commit} where the commit id goes, e.g."
              + " https://github.com/acme/payments/commit/{commit}; not \""
              + value
              + "\"");
    }
    return value;
  }

  private Map<String, Node> mapping(Node node, String key, Set<String> allowed)
      throws ConfigException {
    if (!(node instanceof MappingNode mappingNode)) {
      throw error(node, key.isEmpty() ? "(top level)" : key, "must be a mapping of keys to values");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple tuple : mappingNode.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
        throw error(tuple.getKeyNode(), key, "keys must be plain words");
      }
      String name = scalar.getValue();
      String full = key.isEmpty() ? name : key + "." + name;
      if (allowed != null && !allowed.contains(name)) {
        throw error(
            scalar,
            full,
            "unknown key; known keys here: " + String.join(", ", new TreeSet<>(allowed)));
      }
      if (out.containsKey(name)) {
        throw error(scalar, full, "appears twice in one mapping; keep one");
      }
      out.put(name, tuple.getValueNode());
    }
    return out;
  }

  private static Node keyNode(Node mapping, String name) {
    for (NodeTuple tuple : ((MappingNode) mapping).getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(name)) {
        return scalar;
      }
    }
    return mapping;
  }

  private String string(Node node, String key) throws ConfigException {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return s.getValue();
    }
    throw error(node, key, "must be a text value");
  }

  private String optionalString(Map<String, Node> m, String name, String key)
      throws ConfigException {
    return m.containsKey(name) ? string(m.get(name), key + "." + name) : null;
  }

  private String baseUrl(Node node) throws ConfigException {
    String value = string(node, "site.baseUrl").strip();
    if (!value.matches("(?i)https?://[^\\s\"<>]+")) {
      throw error(node, "site.baseUrl", "must be an absolute http(s) URL, not \"" + value + "\"");
    }
    return value.endsWith("/") ? value : value + "/";
  }

  private double percent(Node node, String key) throws ConfigException {
    if (node instanceof ScalarNode s
        && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
      double value = number(s.getValue());
      if (Double.isNaN(value)) {
        throw error(node, key, "must be a number between 0 and 100, not \"" + s.getValue() + "\"");
      }
      if (value < 0 || value > 100) {
        throw error(node, key, "must be between 0 and 100, not " + s.getValue());
      }
      return value;
    }
    throw error(node, key, "must be a number between 0 and 100");
  }

  /**
   * A YAML 1.1 number ({@code 80}, {@code 72.5}, {@code 1_000}, {@code .inf}, {@code .nan}) as a
   * double, NaN for one Java cannot read (hexadecimal, sexagesimal, {@code .nan}).
   */
  private static double number(String text) {
    String plain = text.replace("_", "").toLowerCase(Locale.ROOT);
    if (plain.matches("[-+]?\\.inf")) {
      return plain.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!plain.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(plain);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private Double nullablePercent(Node node, String key) throws ConfigException {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      return null;
    }
    return percent(node, key);
  }

  private int count(Node node, String key) throws ConfigException {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      try {
        int value = Integer.parseInt(s.getValue().replace("_", ""));
        if (value >= 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error(node, key, "must be a whole number of at least 0");
  }

  private Integer nullableCount(Node node, String key) throws ConfigException {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      return null;
    }
    return count(node, key);
  }

  private boolean bool(Node node, String key) throws ConfigException {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return List.of("true", "yes", "on", "y").contains(s.getValue().toLowerCase(Locale.ROOT));
    }
    throw error(node, key, "must be true or false");
  }

  private ConfigException error(Node node, String key, String message) {
    int line = node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    return new ConfigException(file + (line > 0 ? ":" + line : "") + ": " + key + ": " + message);
  }
}
