package dev.readiness.cli;

import dev.readiness.BuildClock;
import dev.readiness.Version;
import dev.readiness.config.EffectiveConfiguration;
import dev.readiness.config.Settings;
import dev.readiness.render.text.ConfigReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code readiness config}: the configuration in effect, and where each value came from. */
@Command(
    name = "config",
    description = {
      "Print the configuration in effect, and where each value came from.",
      "",
      "Prints it as readiness.yaml, each value followed by where it came from: a line of the"
          + " file, or the default. The configuration file is the one the other commands read: --config FILE, else"
          + " readiness.yaml beside the input folder, else inside it. Values that are not set are shown as comments."
          + " The output is valid readiness.yaml: save it as a starting point. Options such as"
          + " 'check --min-percent' override these values for one run."
    },
    footer = {
      "",
      "Examples:",
      "  readiness config                        for checklists/ and ./readiness.yaml",
      "  readiness config --input /srv/reviews/checklists",
      "  readiness config > readiness.yaml.new   every key in a file, to edit",
      "",
      "Exit codes: 0 printed; 2 usage or configuration error (the file, line and key named)."
    })
final class ConfigCommand implements Callable<Integer> {
  @Mixin InputOptions inputs;

  /** --help, --version, --verbose; streams and environment. */
  @Mixin Invocation invocation;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = invocation.out();
    Path file = inputs.configFile();
    Settings settings = inputs.settings();
    boolean found = Files.isRegularFile(file);
    String shown = file.toString().replace('\\', '/');
    String text = found ? Files.readString(file, StandardCharsets.UTF_8) : null;
    Instant now;
    try {
      now = BuildClock.from(invocation.environment()).instant();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    boolean fixed = invocation.environment().containsKey("SOURCE_DATE_EPOCH");
    out.println(
        "# "
            + Version.generator()
            + ": the configuration in effect for --input "
            + inputs.shownAs()
            + (Files.isDirectory(inputs.input) ? "" : " (no such folder yet)"));
    String where =
        inputs.config != null
            ? " (--config)"
            : inputs
                    .input
                    .toAbsolutePath()
                    .normalize()
                    .equals(file.toAbsolutePath().normalize().getParent())
                ? " (inside the input folder)"
                : " (beside the input folder)";
    out.println(
        "# file: " + shown + where + (found ? "" : ", not found: every value is a default"));
    out.println(
        "# build time: "
            + (fixed
                ? now + " (SOURCE_DATE_EPOCH)"
                : "the current time (SOURCE_DATE_EPOCH is not set)"));
    out.print(ConfigReport.yaml(EffectiveConfiguration.of(settings, text), shown));
    out.flush();
    return ExitCode.OK;
  }
}
