package dev.readiness.cli;

import dev.readiness.model.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Prints problems one line each, by file and line, so that they group by file. */
final class ProblemPrinter {
  private ProblemPrinter() {}

  /** Prints errors always and warnings unless {@code quiet}. */
  static void print(List<Problem> problems, PrintWriter err, boolean quiet) {
    for (Problem p : problems) {
      if (!quiet || p.severity() == Problem.Severity.ERROR) {
        err.println(p);
      }
    }
  }

  /** Prints every error, one line each. */
  static void printErrors(List<Problem> problems, PrintWriter err) {
    problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).forEach(err::println);
  }

  static long errors(List<Problem> problems) {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
  }

  static long warnings(List<Problem> problems) {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
  }
}
