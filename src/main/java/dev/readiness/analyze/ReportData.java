package dev.readiness.analyze;

import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The one hand-off from analysis to every renderer: HTML, PDF, JSON and the terminal read their
 * figures here and compute none of their own.
 *
 * @param generator the tool and its version, e.g. {@code readiness 0.1.0}
 * @param generatedAt the build time (from {@code SOURCE_DATE_EPOCH} when set)
 * @param today the build date, for due and overdue
 * @param settings the configuration in effect
 * @param projects projects by slug
 * @param problems every error and warning of the build, by file and line
 */
public record ReportData(
    String generator,
    Instant generatedAt,
    LocalDate today,
    Settings settings,
    List<ProjectReport> projects,
    List<Problem> problems) {
  public ReportData {
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(settings, "settings");
    projects = List.copyOf(projects);
    problems = List.copyOf(problems);
  }

  /** The open blockers of every project's latest review, oldest first. */
  public List<OpenBlocker> openBlockers() {
    return OpenBlocker.of(projects);
  }
}
