package dev.readiness.cli;

import dev.readiness.BuildClock;
import dev.readiness.BuildPipeline;
import dev.readiness.config.ConfigException;
import dev.readiness.config.ConfigLoader;
import dev.readiness.config.Settings;
import dev.readiness.read.git.GitSources;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The input folder and configuration file options shared by the commands that read a folder. */
final class InputOptions {
  private static final Path DEFAULT_INPUT = Path.of("checklists");

  /** The configuration file's name, beside or inside the input folder. */
  static final String CONFIG_NAME = "readiness.yaml";

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** Whether the note about a second configuration file was printed (once per run). */
  private boolean noted;

  @Option(
      names = "--input",
      paramLabel = "DIR",
      description =
          "Folder of checklists: one folder per project, or dated files directly (default: ${DEFAULT-VALUE}).")
  Path input = DEFAULT_INPUT;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: readiness.yaml beside the input folder).")
  Path config;

  /** The input folder. @throws UsageException when it is not a folder */
  Path folder() {
    if (!Files.isDirectory(input)) {
      Path here = Path.of("").toAbsolutePath().getFileName();
      String inside =
          here != null
                  && input.getFileName() != null
                  && here.equals(input.getFileName())
                  && !input.isAbsolute()
              ? " (this folder is "
                  + input.getFileName()
                  + ": pass --input ., or run from its parent)"
              : "";
      throw new UsageException(
          input
              + ": no such folder; pass --input DIR, the folder that holds your checklists"
              + inside);
    }
    return input;
  }

  /**
   * The input folder, or null when git sources stand in for it: the default folder may be missing
   * then (a folder named with {@code --input} may not).
   *
   * @throws UsageException when the folder is needed and is not there
   */
  Path folder(GitSources git) {
    if (!git.isEmpty() && input.equals(DEFAULT_INPUT) && !Files.exists(input)) {
      return null;
    }
    return folder();
  }

  /** How the input is named in messages: the folder, and the git sources when there are some. */
  String shownAs(GitSources git) {
    if (git.isEmpty()) {
      return shownAs();
    }
    String files = git.sources().stream().map(s -> s.shown()).collect(Collectors.joining(", "));
    return folder(git) == null ? files : shownAs() + " and " + files;
  }

  /** How the input folder is named in messages. */
  String shownAs() {
    return input.toString().replace('\\', '/').replaceAll("/+$", "");
  }

  /**
   * The configuration file: {@code --config}; else {@code readiness.yaml} beside the input folder
   * (in its parent); else {@code readiness.yaml} inside the input folder; else the one beside it,
   * which need not exist. When both exist the one beside wins and the other is named in a note on
   * stderr (see docs/configuration.md).
   *
   * @throws UsageException when {@code --config} names a file that does not exist
   */
  Path configFile() {
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new UsageException(config + ": no such configuration file");
      }
      return config;
    }
    Path absolute = input.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path beside = shown((parent == null ? absolute : parent).resolve(CONFIG_NAME));
    Path inside = shown(absolute.resolve(CONFIG_NAME));
    if (Files.exists(beside)) {
      if (Files.exists(inside) && !inside.equals(beside) && !noted) {
        noted = true;
        note(
            inside
                + " is not used: "
                + beside
                + " beside the input folder comes first; merge them into one");
      }
      return beside;
    }
    return Files.exists(inside) ? inside : beside;
  }

  /**
   * A path as messages name it: relative to the working folder when the input was given relative.
   */
  private Path shown(Path absolute) {
    if (input.isAbsolute()) {
      return absolute;
    }
    Path relative = Path.of("").toAbsolutePath().relativize(absolute);
    return relative.toString().isEmpty() ? absolute : relative;
  }

  private void note(String message) {
    if (command != null) {
      PrintWriter err = command.commandLine().getErr();
      err.println("readiness: note: " + message);
      err.flush();
    }
  }

  /**
   * What the pipeline needs to read this input.
   *
   * @throws UsageException when {@code SOURCE_DATE_EPOCH} is not a number of seconds
   */
  BuildPipeline.Options pipeline(
      Map<String, String> environment, Settings settings, Path templates, boolean pdf, int jobs) {
    return pipeline(environment, settings, templates, pdf, jobs, GitSources.NONE);
  }

  /**
   * {@link #pipeline(Map, Settings, Path, boolean, int)} with git sources beside (or instead of)
   * the folder.
   */
  BuildPipeline.Options pipeline(
      Map<String, String> environment,
      Settings settings,
      Path templates,
      boolean pdf,
      int jobs,
      GitSources git) {
    Path folder = folder(git);
    try {
      return new BuildPipeline.Options(
          folder, shownAs(), settings, templates, pdf, jobs, BuildClock.from(environment), git);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The settings of the configuration file, or the defaults when there is none. */
  Settings settings() {
    try {
      return ConfigLoader.load(configFile());
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
