package dev.readiness.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every command shares, mixed into each: {@code --help}, {@code --version}, {@code
 * -v/--verbose}, and the streams, environment and terminal of this run.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    sortOptions = false)
final class Invocation {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print details, and stack traces of unexpected errors.")
  boolean verbose;

  /** Where the command's results go. */
  PrintWriter out() {
    return command.commandLine().getOut();
  }

  /** Where problems and progress go. */
  PrintWriter err() {
    return command.commandLine().getErr();
  }

  /** The top-level command, which holds the environment and terminal. */
  Main main() {
    return (Main) command.root().userObject();
  }

  /** The environment commands read ({@code SOURCE_DATE_EPOCH}, {@code NO_COLOR}, ...). */
  Map<String, String> environment() {
    return main().environment();
  }

  /** What the standard streams are attached to. */
  Terminal terminal() {
    return main().terminal();
  }
}
