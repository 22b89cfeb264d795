package dev.readiness.config;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything {@code readiness.yaml} can set; every field has a default (see docs/configuration.md).
 *
 * @param site site title and base URL
 * @param projects per-project display name, owner and ticket, by slug
 * @param gate the release gate of {@code readiness check}
 * @param pdf whether PDFs are written, and their paper size
 * @param input limits on input files
 * @param warnings the level of each warning code that is not reported as a plain warning, by code
 * @param git checklists read from git history: {@code sources}, {@code timezone}, {@code commitUrl}
 */
public record Settings(
    Site site,
    Map<String, ProjectSettings> projects,
    Gate gate,
    Pdf pdf,
    Input input,
    Map<String, Level> warnings,
    Git git) {

  /** The settings used when there is no {@code readiness.yaml}. */
  public static final Settings DEFAULTS =
      new Settings(Site.DEFAULTS, Map.of(), Gate.DEFAULTS, Pdf.DEFAULTS, Input.DEFAULTS);

  public Settings {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(pdf, "pdf");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(git, "git");
    projects = Collections.unmodifiableMap(new TreeMap<>(projects));
    warnings = Collections.unmodifiableMap(new TreeMap<>(warnings));
  }

  /** Settings with every warning at its default level, without git sources. */
  public Settings(
      Site site, Map<String, ProjectSettings> projects, Gate gate, Pdf pdf, Input input) {
    this(site, projects, gate, pdf, input, Map.of());
  }

  /** Settings without git sources. */
  public Settings(
      Site site,
      Map<String, ProjectSettings> projects,
      Gate gate,
      Pdf pdf,
      Input input,
      Map<String, Level> warnings) {
    this(site, projects, gate, pdf, input, warnings, Git.DEFAULTS);
  }

  /** The level of a warning code: {@link Level#WARNING} unless {@code warnings:} says otherwise. */
  public Level level(String code) {
    return warnings.getOrDefault(code, Level.WARNING);
  }

  /**
   * The slug of the one project this configuration names, or null when it names none or several.
   */
  public String soleProject() {
    return projects.size() == 1 ? projects.keySet().iterator().next() : null;
  }

  /** The settings of one project, or empty settings. */
  public ProjectSettings project(String slug) {
    return projects.getOrDefault(slug, ProjectSettings.EMPTY);
  }

  public Settings withSite(Site newSite) {
    return new Settings(newSite, projects, gate, pdf, input, warnings, git);
  }

  public Settings withGate(Gate newGate) {
    return new Settings(site, projects, newGate, pdf, input, warnings, git);
  }

  /**
   * @param title shown in page titles and the feed
   * @param baseUrl absolute URL the site is published at, for the sitemap and feed; or null
   */
  public record Site(String title, String baseUrl) {
    public static final Site DEFAULTS = new Site("Production readiness", null);

    public Site {
      Objects.requireNonNull(title, "title");
    }
  }

  /**
   * @param name display name, or null to take it from the checklists
   * @param owner owning team, or null
   * @param ticket release ticket, or null
   */
  public record ProjectSettings(String name, String owner, String ticket) {
    public static final ProjectSettings EMPTY = new ProjectSettings(null, null, null);
  }

  /**
   * @param minPercent the least computed percent that passes
   * @param maxOpenBlockers the most open blockers that pass
   * @param maxDrift the largest difference between stated score and computed percent that passes,
   *     or null for no limit
   * @param requireSignoff whether every sign-off role must be signed
   * @param maxReviewAgeDays the most days the latest review may lie before the build date, or null
   *     for no limit
   */
  public record Gate(
      double minPercent,
      int maxOpenBlockers,
      Double maxDrift,
      boolean requireSignoff,
      Integer maxReviewAgeDays) {
    public static final Gate DEFAULTS = new Gate(80, 0, 10.0, false, null);

    public Gate {
      if (!(minPercent >= 0 && minPercent <= 100)) {
        throw new IllegalArgumentException(
            "minPercent must be between 0 and 100, not " + minPercent);
      }
      if (maxDrift != null && !(maxDrift >= 0 && maxDrift <= 100)) {
        throw new IllegalArgumentException("maxDrift must be between 0 and 100, not " + maxDrift);
      }
      if (maxOpenBlockers < 0 || maxReviewAgeDays != null && maxReviewAgeDays < 0) {
        throw new IllegalArgumentException("limits must be at least 0");
      }
    }
  }

  /** How a warning code is reported ({@code warnings:} in {@code readiness.yaml}). */
  public enum Level {
    /** Not reported at all. */
    OFF,
    /** Reported as a warning: shown, and fails {@code build --strict} only. */
    WARNING,
    /** Reported as an error: fails {@code build} and {@code check} with exit 1. */
    ERROR
  }

  /**
   * @param enabled whether {@code build} writes PDFs
   * @param paper {@code A4} or {@code Letter}
   */
  public record Pdf(boolean enabled, String paper) {
    public static final Pdf DEFAULTS = new Pdf(true, "A4");

    public Pdf {
      if (!paper.equals("A4") && !paper.equals("Letter")) {
        throw new IllegalArgumentException("paper must be A4 or Letter, not " + paper);
      }
    }
  }

  /**
   * @param maxFileBytes files larger than this are reported and skipped
   */
  public record Input(long maxFileBytes) {
    public static final Input DEFAULTS = new Input(5L * 1024 * 1024);
  }

  /**
   * Checklists read from git history (docs/git.md).
   *
   * @param sources the {@code sources:} list, in order
   * @param timezone the zone whose calendar days group commits into reviews
   * @param commitUrl a commit's web address with {@code {commit}} for its id, or null
   */
  public record Git(List<Source> sources, ZoneId timezone, String commitUrl) {
    public static final Git DEFAULTS = new Git(List.of(), ZoneOffset.UTC, null);

    public Git {
      sources = List.copyOf(sources);
      Objects.requireNonNull(timezone, "timezone");
    }
  }

  /**
   * One entry of {@code sources:}.
   *
   * @param git the checklist's path as written, relative to the configuration file
   * @param project the project's slug, or null for the default (the repository folder's name)
   * @param commitUrl this source's commit address template, or null for the top-level one
   * @param line the entry's line in the configuration file, 0 when unknown
   */
  public record Source(String git, String project, String commitUrl, int line) {
    public Source {
      Objects.requireNonNull(git, "git");
    }
  }
}
