package dev.readiness.cli;

import dev.readiness.config.Settings;
import dev.readiness.read.git.GitCache;
import dev.readiness.read.git.GitSourceException;
import dev.readiness.read.git.GitSources;
import dev.readiness.read.git.SourceResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --git FILE} and {@code --git-worktree} of the commands that read checklists, which join
 * the {@code sources:} of {@code readiness.yaml} (docs/git.md).
 */
final class GitOptions {
  @Option(
      names = "--git",
      paramLabel = "FILE",
      description =
          "A checklist kept in a git repository: each day with a commit that changed it is a review"
              + " (repeatable; the repository is found from the file).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--git-worktree",
      description = "Show uncommitted edits of the git checklists as today's draft review.")
  boolean worktree;

  /**
   * The git sources: {@code sources:} of the configuration, then the {@code --git} files.
   *
   * @param configFile the configuration file its {@code sources:} paths are relative to
   * @param cache what earlier reads in this process left to reuse
   * @throws UsageException when a file is not in a git working tree, two sources share a slug, or
   *     {@code --git-worktree} has no source to apply to
   */
  GitSources sources(Settings settings, Path configFile, GitCache cache) {
    List<SourceResolver.Request> requests = new ArrayList<>();
    Path base = configFile.toAbsolutePath().normalize().getParent();
    String configName = configFile.toString().replace('\\', '/');
    for (Settings.Source s : settings.git().sources()) {
      Path file = base.resolve(s.git()).normalize();
      requests.add(
          new SourceResolver.Request(
              file,
              shown(file),
              s.project(),
              s.commitUrl(),
              configName + (s.line() > 0 ? ":" + s.line() : "")));
    }
    for (Path file : files) {
      requests.add(
          new SourceResolver.Request(
              file, file.normalize().toString().replace('\\', '/'), null, null, "--git"));
    }
    if (worktree && requests.isEmpty()) {
      throw new UsageException(
          "--git-worktree shows uncommitted edits of git checklists; name one with --git FILE"
              + " or sources: in readiness.yaml");
    }
    if (requests.isEmpty()) {
      return GitSources.NONE;
    }
    try {
      return new GitSources(
          SourceResolver.resolve(requests, settings.git().commitUrl()),
          worktree,
          settings.git().timezone(),
          settings.input().maxFileBytes(),
          cache);
    } catch (GitSourceException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A path relative to the current folder when it is inside it, else as it is. */
  private static String shown(Path file) {
    Path here = Path.of("").toAbsolutePath();
    Path shown = file.startsWith(here) ? here.relativize(file) : file;
    return shown.toString().replace('\\', '/');
  }
}
