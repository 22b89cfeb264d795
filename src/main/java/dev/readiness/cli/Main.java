package dev.readiness.cli;

import dev.readiness.Version;
import dev.readiness.render.text.TerminalText;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code readiness} command and its subcommands. */
@Command(
    name = "readiness",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Turns dated production-readiness checklists (Markdown) into a static site, PDF reports and a"
          + " release gate. It counts the boxes and shows the computed figures beside the stated ones.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 success; 1 input problems (files skipped) or a failed gate; 2 usage errors.",
      "Run 'readiness COMMAND --help' for a command's options and examples."
    },
    subcommands = {
      BuildCommand.class,
      CheckCommand.class,
      DiffCommand.class,
      InspectCommand.class,
      ServeCommand.class,
      NewCommand.class,
      InitCommand.class,
      PdfCommand.class,
      ConfigCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** The user's time zone, captured before {@link #main} fixes the default to UTC. */
  static final ZoneId USER_ZONE = ZoneId.systemDefault();

  @Spec CommandSpec spec;

  private final Map<String, String> environment;
  private final Terminal terminal;

  /** A command with the process environment and streams. */
  public Main() {
    this(System.getenv());
  }

  /**
   * A command with a given environment (for tests: {@code SOURCE_DATE_EPOCH}, {@code NO_COLOR}).
   */
  public Main(Map<String, String> environment) {
    this(environment, Terminal.detect(environment));
  }

  /** A command with a given environment and terminal (tests pretend to be on a terminal). */
  Main(Map<String, String> environment, Terminal terminal) {
    this.environment = Map.copyOf(environment);
    this.terminal = terminal;
  }

  /** The environment commands read. */
  Map<String, String> environment() {
    return environment;
  }

  /** What the standard streams are attached to. */
  Terminal terminal() {
    return terminal;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = execute(new Main(), args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(Main main, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(main);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(
        (e, ignored) -> {
          CommandSpec spec = e.getCommandLine().getCommandSpec();
          err.println(
              "readiness: " + usageMessage(e) + " (see '" + spec.qualifiedName() + " --help')");
          return ExitCode.USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof UsageException) {
            err.println("readiness: " + firstLine(e.getMessage()));
            return ExitCode.USAGE;
          }
          err.println(
              "readiness: error: "
                  + (e.getMessage() == null
                      ? e.getClass().getSimpleName()
                      : firstLine(e.getMessage())));
          if (verbose(parsed)) {
            e.printStackTrace(err);
          } else {
            err.println("Run again with --verbose for details.");
          }
          return ExitCode.PROBLEMS;
        });
    try {
      return commandLine.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // Picocli's handlers see exceptions only; a JVM error must not reach the user as a raw trace.
      err.println(
          "readiness: error: "
              + (e instanceof OutOfMemoryError
                  ? "out of memory; give the JVM more, e.g. READINESS_JAVA_OPTS=-Xmx2g, or split the input"
                  : "ran out of stack on deeply nested input; simplify the file named above or report it"));
      if (List.of(args).contains("--verbose") || List.of(args).contains("-v")) {
        e.printStackTrace(err);
      }
      return ExitCode.PROBLEMS;
    }
  }

  /**
   * One line for a mistake in the command line: an unknown command or option is named, with the
   * closest known ones ("did you mean") when picocli finds any.
   */
  private static String usageMessage(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return firstLine(e.getMessage());
    }
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    String first = unmatched.getUnmatched().get(0);
    boolean option = first.startsWith("-");
    String typed = first.replaceFirst("=.*", "");
    List<String> known = new ArrayList<>();
    if (option) {
      known.addAll(spec.optionsMap().keySet());
      known.addAll(spec.negatedOptionsMap().keySet());
    } else {
      known.addAll(spec.subcommands().keySet());
    }
    List<String> suggestions = Suggestions.closest(typed, known);
    String meant =
        suggestions.isEmpty()
            ? ""
            : "; did you mean "
                + suggestions.stream()
                    .limit(3)
                    .map(x -> "'" + x + "'")
                    .collect(Collectors.joining(" or "))
                + "?";
    if (option) {
      return "unknown option '" + TerminalText.visible(typed) + "'" + meant;
    }
    if (!spec.subcommands().isEmpty()) {
      return "unknown command '"
          + TerminalText.visible(first)
          + "'"
          + (meant.isEmpty()
              ? "; commands: " + String.join(", ", spec.subcommands().keySet())
              : meant);
    }
    return firstLine(e.getMessage());
  }

  /**
   * The first line of a message, control characters shown visibly (a message may quote a file
   * name).
   */
  private static String firstLine(String message) {
    String text = String.valueOf(message).strip();
    int newline = text.indexOf('\n');
    return TerminalText.visible(newline < 0 ? text : text.substring(0, newline).strip());
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** Reports the tool's version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Version.generator(), "Java " + System.getProperty("java.version")};
    }
  }
}
