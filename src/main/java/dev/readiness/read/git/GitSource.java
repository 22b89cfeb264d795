package dev.readiness.read.git;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A checklist kept as one file in a git repository, whose history is its project's reviews.
 *
 * @param shown how messages name the file, e.g. {@code docs/PRODUCTION_READINESS.md}
 * @param file the file in the working tree (absolute; it need not exist any more)
 * @param gitDir the repository's git folder
 * @param path the file's path in the repository, with forward slashes
 * @param slug the project's slug
 * @param commitUrl a commit's web address with {@code {commit}} for its id, or null
 */
public record GitSource(
    String shown, Path file, File gitDir, String path, String slug, String commitUrl) {
  public GitSource {
    Objects.requireNonNull(shown, "shown");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(gitDir, "gitDir");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(slug, "slug");
  }

  /** The web address of a commit, or null when there is no template. */
  String url(String commit) {
    return commitUrl == null ? null : commitUrl.replace("{commit}", commit);
  }
}
