package dev.readiness.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code readiness build} in a JVM of its own, started from the test's class path. */
final class ChildBuild {
  private ChildBuild() {}

  /**
   * Starts a build.
   *
   * @param environment variables to set (TZ, LANG, SOURCE_DATE_EPOCH), added to the test's own
   * @param jvmOptions options before the main class (-Duser.timezone=...)
   * @param arguments the command line after {@code build}
   */
  static Process start(
      Map<String, String> environment, List<String> jvmOptions, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("build"));
    command.addAll(List.of(arguments));
    return command(environment, jvmOptions, null, command);
  }

  /**
   * Starts {@code readiness} with a whole command line ({@code serve ...}), its standard output and
   * error going to {@code log}, or discarded when it is null.
   */
  static Process command(
      Map<String, String> environment, List<String> jvmOptions, Path log, List<String> arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Djava.awt.headless=true");
    command.addAll(jvmOptions);
    command.add("dev.readiness.cli.Main");
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    if (log == null) {
      builder
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD);
    } else {
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
    }
    builder.environment().remove("DISPLAY");
    builder.environment().putAll(environment);
    return builder.start();
  }
}
