package dev.readiness.cli;

/** The exit codes of SPEC "Commands". */
final class ExitCode {
  static final int OK = 0;
  static final int PROBLEMS = 1;
  static final int USAGE = 2;

  private ExitCode() {}
}
