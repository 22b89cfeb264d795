package dev.readiness.cli;

import dev.readiness.config.ConfigException;
import dev.readiness.config.ConfigLoader;
import dev.readiness.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The input folder and configuration file options shared by the commands that read a folder. */
final class InputOptions {
  @Option(
      names = "--input",
      paramLabel = "DIR",
      description = "Folder of checklists: one folder per project, or dated files directly (default: ${DEFAULT-VALUE}).")
  Path input = Path.of("checklists");

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

  /** How the input folder is named in messages. */
  String shownAs() {
    return input.toString().replace('\\', '/').replaceAll("/+$", "");
  }

  /** The settings of the configuration file, or the defaults when there is none. */
  Settings settings() {
    Path file = config;
    if (file == null) {
      Path parent = input.toAbsolutePath().normalize().getParent();
      file = (parent == null ? Path.of(".") : parent).resolve("readiness.yaml");
      if (input.getParent() == null && !input.isAbsolute()) {
        file = Path.of("readiness.yaml");
      }
    } else if (!Files.isRegularFile(file)) {
      throw new UsageException(file + ": no such configuration file");
    }
    try {
      return ConfigLoader.load(file);
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
