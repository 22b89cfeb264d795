package dev.readiness.read.git;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One file's states along its repository's history from HEAD: for each calendar day with a commit
 * that touched it, its state at the day's last commit.
 *
 * @param days oldest first
 * @param commits how many commits touched the file
 * @param shallowCut the oldest commit read when the clone is shallow and the file is already in it
 *     (its history goes on in commits the clone lacks), or null
 */
record History(List<Day> days, int commits, Day shallowCut) {
  History {
    days = List.copyOf(days);
  }

  /** What the file is at a commit. */
  enum Kind {
    /** A regular file: a checklist to read. */
    FILE,
    /** Not there: deleted, or renamed away. */
    ABSENT,
    /** A symbolic link or a submodule, not a file to read. */
    OTHER
  }

  /**
   * The file's state at one day's last commit that touched it.
   *
   * @param date the day, in the configured time zone
   * @param commit the commit's full id
   * @param author the commit's author name
   * @param committed the committer date
   * @param path the file's path at that commit
   * @param blob its content's id, or null unless {@code kind} is FILE
   * @param kind what the path is at that commit
   */
  record Day(
      LocalDate date,
      String commit,
      String author,
      Instant committed,
      String path,
      ObjectId blob,
      Kind kind) {
    Day {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(commit, "commit");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** The newest state, or null when no commit touched the file. */
  Day latest() {
    return days.isEmpty() ? null : days.get(days.size() - 1);
  }

  /**
   * What the reviews read from this history depend on: every day's commit, path and content, and
   * the shallow cut. Commits that do not touch the file change nothing here.
   */
  String key() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder text = new StringBuilder();
    for (Day d : days) {
      text.append(d.date)
          .append(' ')
          .append(d.commit)
          .append(' ')
          .append(d.kind)
          .append(' ')
          .append(d.blob == null ? "-" : d.blob.name())
          .append(' ')
          .append(d.path)
          .append('\n');
    }
    text.append("shallow ").append(shallowCut == null ? "-" : shallowCut.commit).append('\n');
    return HexFormat.of()
        .formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
