package dev.readiness.read;

import dev.readiness.model.Problem;
import java.util.List;

/**
 * Everything read from an input folder.
 *
 * @param projects projects by slug
 * @param problems errors (files skipped) and warnings found while reading, by file and line
 */
public record Inventory(List<ProjectInput> projects, List<Problem> problems) {
  public Inventory {
    projects = List.copyOf(projects);
    problems = List.copyOf(problems);
  }
}
