package dev.readiness.read.git;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FollowFilter;
import org.eclipse.jgit.revwalk.RenameCallback;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Walks the commits reachable from HEAD that touch one path, following renames, as {@code git log
 * --follow} does: JGit's {@link FollowFilter} passes on only the commits whose tree differs at the
 * path from their parent's (a merge only when it differs from every parent), and switches to the
 * older name where rename detection finds one. Only commit and tree objects are read here; blobs
 * are read later, and only for the days that need them.
 */
final class HistoryWalker {
  private HistoryWalker() {}

  /**
   * The history of {@code path} from {@code head}, grouped into days of {@code zone}.
   *
   * @param head the commit to start from
   */
  static History walk(Repository repo, ObjectId head, String path, ZoneId zone) throws IOException {
    Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
    List<Touch> touches = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      // Without parent rewriting, and without a topological sort, the walk hands out each commit
      // right after its filter accepted it, so a rename found in a commit is known when the
      // commit comes out: the commit has the new name, the ones after it the old.
      walk.setRewriteParents(false);
      FollowFilter follow = FollowFilter.create(path, repo.getConfig().get(DiffConfig.KEY));
      Map<ObjectId, String> oldNames = new HashMap<>();
      follow.setRenameCallback(
          new RenameCallback() {
            @Override
            public void renamed(DiffEntry entry) {
              // the commit is needed; see below
            }

            @Override
            public void renamed(DiffEntry entry, RevCommit commit) {
              oldNames.put(commit.copy(), entry.getOldPath());
            }
          });
      walk.setTreeFilter(follow);
      walk.markStart(walk.parseCommit(head));
      ObjectReader reader = walk.getObjectReader();
      String current = path;
      int order = 0;
      for (RevCommit c : walk) {
        String at = current;
        String older = oldNames.get(c);
        if (older != null) {
          current = older;
        }
        touches.add(touch(reader, c, at, order++, shallow.contains(c)));
      }
    }
    Map<LocalDate, Touch> lastOfDay = new TreeMap<>();
    Touch cut = null;
    for (Touch t : touches) {
      LocalDate day = Instant.ofEpochSecond(t.time).atZone(zone).toLocalDate();
      Touch kept = lastOfDay.get(day);
      // The day's last commit is the first the walk gives of that day, as git log lists them:
      // the newest by committer date, and, where clocks disagree with the history (a commit
      // dated before its parent), the descendant.
      if (kept == null || t.order < kept.order) {
        lastOfDay.put(day, t);
      }
      if (t.shallow && t.kind == History.Kind.FILE && (cut == null || t.order > cut.order)) {
        cut = t;
      }
    }
    List<History.Day> days = new ArrayList<>();
    lastOfDay.forEach((day, t) -> days.add(t.day(day)));
    History.Day shallowCut =
        cut == null ? null : cut.day(Instant.ofEpochSecond(cut.time).atZone(zone).toLocalDate());
    return new History(days, touches.size(), shallowCut);
  }

  private static Touch touch(
      ObjectReader reader, RevCommit c, String path, int order, boolean shallow)
      throws IOException {
    RevTree tree = c.getTree();
    ObjectId blob = null;
    History.Kind kind = History.Kind.ABSENT;
    try (TreeWalk tw = TreeWalk.forPath(reader, path, tree)) {
      if (tw != null) {
        FileMode mode = tw.getFileMode(0);
        if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
          kind = History.Kind.FILE;
          blob = tw.getObjectId(0);
        } else {
          kind = History.Kind.OTHER;
        }
      }
    }
    return new Touch(
        c.name(),
        c.getAuthorIdent().getName(),
        c.getCommitTime(),
        path,
        blob,
        kind,
        order,
        shallow);
  }

  /** A commit that touched the file, in the order the walk gave it. */
  private record Touch(
      String commit,
      String author,
      long time,
      String path,
      ObjectId blob,
      History.Kind kind,
      int order,
      boolean shallow) {
    History.Day day(LocalDate date) {
      return new History.Day(date, commit, author, Instant.ofEpochSecond(time), path, blob, kind);
    }
  }
}
