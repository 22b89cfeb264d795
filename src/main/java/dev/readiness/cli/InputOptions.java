package dev.readiness.cli;

import dev.readiness.BuildClock;
import dev.readiness.BuildPipeline;
import dev.readiness.config.ConfigException;
import dev.readiness.config.ConfigLoader;
import dev.readiness.config.Settings;
import dev.readiness.read.git.GitSources;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The input folder and configuration file options shared by the commands that read a folder. */
final class InputOptions {
  private static final Path DEFAULT_INPUT = Path.of("checklists");

  @Option(
      names = "--input",
      paramLabel = "DIR",
      description = "Folder of checklists: one folder per project, or dated files directly (default: ${DEFAULT-VALUE}).")
  Path input = DEFAULT_INPUT;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: readiness.yaml beside the input folder).")
  Path config;

  /** The input folder. @throws UsageException when it is not a folder */
  Path folder() {
    if (!Files.isDirectory(input)) {
      throw new UsageException(input + ": no such folder; pass --input DIR, the folder that holds your checklists");
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
    String files = git.sources().stream().map(s -> s.shown()).collect(java.util.stream.Collectors.joining(", "));
    return folder(git) == null ? files : shownAs() + " and " + files;
  }

  /** How the input folder is named in messages. */
  String shownAs() {
    return input.toString().replace('\\', '/').replaceAll("/+$", "");
  }

  /**
   * The configuration file: {@code --config}, else {@code readiness.yaml} beside the input folder
   * (which need not exist).
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
    if (input.getParent() == null && !input.isAbsolute()) {
      return Path.of("readiness.yaml");
    }
    Path parent = input.toAbsolutePath().normalize().getParent();
    return (parent == null ? Path.of(".") : parent).resolve("readiness.yaml");
  }

  /**
   * What the pipeline needs to read this input.
   *
   * @throws UsageException when {@code SOURCE_DATE_EPOCH} is not a number of seconds
   */
  BuildPipeline.Options pipeline(Main main, Settings settings, Path templates, boolean pdf, int jobs) {
    return pipeline(main, settings, templates, pdf, jobs, GitSources.NONE);
  }

  /** {@link #pipeline(Main, Settings, Path, boolean, int)} with git sources beside (or instead of) the folder. */
  BuildPipeline.Options pipeline(Main main, Settings settings, Path templates, boolean pdf, int jobs, GitSources git) {
    Path folder = folder(git);
    try {
      return new BuildPipeline.Options(folder, shownAs(), settings, templates, pdf, jobs,
          BuildClock.from(main.environment()), git);
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
