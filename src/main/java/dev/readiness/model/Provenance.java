package dev.readiness.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a review read from git history comes from: the commit whose state of the file it is, or the
 * uncommitted state of the working tree (a draft).
 *
 * @param commit the commit's full id, or null for a draft
 * @param author the commit's author name, or null for a draft
 * @param committed the committer date, or null for a draft
 * @param path the file's path in the repository at that commit, with forward slashes
 * @param blob the id git gives the file's content (for a draft, the id it would give it)
 * @param url the commit's web address from {@code commitUrl}, or null
 * @param draft whether this is the working tree's uncommitted state ({@code --git-worktree})
 */
public record Provenance(
    String commit,
    String author,
    Instant committed,
    String path,
    String blob,
    String url,
    boolean draft)
    implements Serializable {
  /** How many characters of a commit id are shown, as git and the forges shorten them. */
  public static final int SHORT_ID_LENGTH = 7;

  public Provenance {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(blob, "blob");
    if (draft != (commit == null)) {
      throw new IllegalArgumentException("a draft has no commit, and a commit is no draft");
    }
  }

  /** The commit's id shortened to {@link #SHORT_ID_LENGTH} characters, or null for a draft. */
  public String shortId() {
    return commit == null ? null : commit.substring(0, Math.min(SHORT_ID_LENGTH, commit.length()));
  }
}
