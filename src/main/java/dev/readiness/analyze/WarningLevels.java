package dev.readiness.analyze;

import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@code warnings:} of {@code readiness.yaml}: a warning whose code is {@code off} is
 * dropped, one whose code is {@code error} becomes an error (the file is still used, but the build
 * and the gate fail). Errors stay errors.
 */
public final class WarningLevels {
  private WarningLevels() {}

  /** {@code problems} with the configured levels applied, in the same order. */
  public static List<Problem> apply(List<Problem> problems, Settings settings) {
    if (settings.warnings().isEmpty()) {
      return new ArrayList<>(problems);
    }
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      if (p.severity() == Problem.Severity.ERROR) {
        out.add(p);
        continue;
      }
      switch (settings.level(p.code())) {
        case OFF -> {}
        case WARNING -> out.add(p);
        case ERROR -> out.add(Problem.error(p.code(), p.file(), p.line(), p.message()));
      }
    }
    return out;
  }
}
