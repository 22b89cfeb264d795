package dev.readiness.read.git;

import dev.readiness.model.Problem;
import dev.readiness.model.Provenance;
import dev.readiness.model.Snapshot;
import dev.readiness.read.InputReader;
import dev.readiness.read.Inventory;
import dev.readiness.read.ProjectInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * The git sources of a build and how they join the input: each source is one project whose reviews
 * are its file's states, one per day with a commit that touched it (docs/git.md). Reads
 * repositories only; the repository, its index and its working tree are never changed.
 */
public final class GitSources {
  /** No git sources. */
  public static final GitSources NONE =
      new GitSources(List.of(), false, ZoneOffset.UTC, Long.MAX_VALUE, new GitCache());

  /**
   * The prefix of git sources' entries among the input hashes: no relative file path starts with
   * it.
   */
  public static final String HASH_PREFIX = "//git/";

  private static final String LFS_POINTER = "version https://git-lfs.github.com/spec/";

  private final List<GitSource> sources;
  private final boolean worktree;
  private final ZoneId zone;
  private final long maxFileBytes;
  private final GitCache cache;

  /**
   * @param sources the sources, with their slugs
   * @param worktree whether uncommitted edits are shown as today's draft ({@code --git-worktree})
   * @param zone the time zone whose days group commits
   * @param maxFileBytes states larger than this are reported and skipped, as files are
   * @param cache what earlier reads in this process left to reuse
   */
  public GitSources(
      List<GitSource> sources, boolean worktree, ZoneId zone, long maxFileBytes, GitCache cache) {
    this.sources = List.copyOf(sources);
    this.worktree = worktree;
    this.zone = Objects.requireNonNull(zone, "zone");
    this.maxFileBytes = maxFileBytes;
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return sources.isEmpty();
  }

  /** The sources, in the order asked for. */
  public List<GitSource> sources() {
    return sources;
  }

  /** The cache these sources read through. */
  public GitCache cache() {
    return cache;
  }

  /**
   * For the up-to-date check, one entry per source: {@link #HASH_PREFIX} and its name, and a hash
   * of the commits, paths and contents its reviews come from (and of the draft with {@code
   * --git-worktree}). A commit that does not touch the file leaves it as it was.
   */
  public SortedMap<String, String> hashes() {
    SortedMap<String, String> hashes = new TreeMap<>();
    for (GitSource source : sources) {
      String value;
      try (Repository repo = Repositories.open(source.gitDir())) {
        State state = state(repo, source);
        value =
            (state.history == null ? "unborn" : state.history.key())
                + " draft "
                + (state.draft == null ? "-" : state.draft.blob.name());
      } catch (IOException | RuntimeException e) {
        value = "unreadable " + e.getClass().getSimpleName();
      }
      hashes.put(HASH_PREFIX + source.shown(), value);
    }
    return hashes;
  }

  /**
   * Where each source's repository's HEAD points, for {@code serve} to notice a commit, a checkout
   * or a reset; cheap (no history is walked).
   */
  public String heads() {
    StringBuilder out = new StringBuilder();
    for (GitSource source : sources) {
      try (Repository repo = Repositories.open(source.gitDir())) {
        ObjectId head = repo.resolve(Constants.HEAD);
        out.append(source.shown())
            .append(' ')
            .append(head == null ? "unborn" : head.name())
            .append('\n');
      } catch (IOException | RuntimeException e) {
        out.append(source.shown()).append(" unreadable\n");
      }
    }
    return out.toString();
  }

  /**
   * {@code folders} with the projects of the sources whose slug {@code wanted} accepts, and what
   * was found reading them; projects by slug, problems by file and line.
   *
   * @param reader parses the reviews, as it parses files
   * @param now the build's time: a draft is dated today in the configured zone
   */
  public Inventory addTo(
      Inventory folders, InputReader reader, Instant now, Predicate<String> wanted)
      throws IOException {
    List<ProjectInput> projects = new ArrayList<>(folders.projects());
    List<Problem> problems = new ArrayList<>(folders.problems());
    Set<String> taken = new HashSet<>();
    folders.projects().forEach(p -> taken.add(p.slug()));
    for (GitSource source : sources) {
      if (!wanted.test(source.slug())) {
        continue;
      }
      if (taken.contains(source.slug())) {
        problems.add(
            Problem.error(
                "SLUG_CLASH",
                source.shown(),
                0,
                "is project \""
                    + source.slug()
                    + "\", which a folder of the input folder is already; it is not read, so give it another with"
                    + " project: in sources: (readiness.yaml)"));
        continue;
      }
      try (Repository repo = Repositories.open(source.gitDir())) {
        ProjectInput project = read(repo, source, state(repo, source), reader, now, problems);
        if (project != null) {
          projects.add(project);
        }
      } catch (IOException | RuntimeException e) {
        problems.add(
            Problem.error(
                "GIT_UNREADABLE",
                source.shown(),
                0,
                "its repository "
                    + source.gitDir()
                    + " cannot be read ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); it is skipped"));
      }
    }
    projects.sort(Comparator.comparing(ProjectInput::slug));
    problems.sort(Problem.ORDER);
    return new Inventory(projects, problems);
  }

  /** A source's history (through the cache) and its draft. */
  private State state(Repository repo, GitSource source) throws IOException {
    ObjectId head = repo.resolve(Constants.HEAD);
    History history = null;
    if (head != null) {
      DiffConfig diff = repo.getConfig().get(DiffConfig.KEY);
      String key =
          head.name()
              + " "
              + zone.getId()
              + " "
              + diff.getRenameDetectionType()
              + " "
              + diff.getRenameLimit()
              + " shallow "
              + repo.getObjectDatabase().getShallowCommits().stream()
                  .map(ObjectId::name)
                  .sorted()
                  .toList();
      String id = source.gitDir() + "\n" + source.path();
      history = cache.history(id, key);
      if (history == null) {
        history = HistoryWalker.walk(repo, head, source.path(), zone);
        cache.putHistory(id, key, history);
      }
    }
    return new State(head, history, worktree ? draft(source, history) : null);
  }

  /**
   * The working tree's file when it differs from its last committed state (line endings aside,
   * which a checkout may convert), or null.
   */
  private Draft draft(GitSource source, History history) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(source.file(), LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes((int) Math.min(maxFileBytes + 1, Integer.MAX_VALUE - 8));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | SecurityException e) {
      return null;
    }
    ObjectId id = blobId(bytes);
    History.Day latest = history == null ? null : history.latest();
    ObjectId committed = latest == null ? null : latest.blob();
    if (committed != null
        && (committed.equals(id) || committed.equals(blobId(withoutCarriageReturns(bytes))))) {
      return null;
    }
    return new Draft(bytes, id);
  }

  private ProjectInput read(
      Repository repo,
      GitSource source,
      State state,
      InputReader reader,
      Instant now,
      List<Problem> problems)
      throws IOException {
    LocalDate today = LocalDate.ofInstant(now, zone);
    List<History.Day> days = state.history == null ? List.of() : state.history.days();
    if (days.isEmpty()) {
      String where =
          state.head == null
              ? "the repository " + workTree(repo) + " has no commits yet"
              : "it has no commits in the repository " + workTree(repo);
      if (state.draft == null) {
        problems.add(
            Problem.error(
                "GIT_NO_COMMITS",
                source.shown(),
                0,
                where
                    + "; commit it (git add, git commit),"
                    + " or pass --git-worktree to show the uncommitted file as a draft"));
        return null;
      }
      problems.add(
          Problem.warning(
              "GIT_NO_COMMITS",
              source.shown(),
              0,
              where + "; only its uncommitted draft is" + " shown"));
    }
    if (state.history != null && state.history.shallowCut() != null) {
      History.Day cut = state.history.shallowCut();
      problems.add(
          Problem.warning(
              "GIT_SHALLOW",
              source.shown(),
              0,
              "is in a shallow clone: its history stops at"
                  + " commit "
                  + shortId(cut.commit())
                  + " of "
                  + cut.date()
                  + ", where the file already exists, so its reviews"
                  + " before "
                  + cut.date()
                  + " are missing; run git fetch --unshallow in "
                  + workTree(repo)
                  + " to read them all"));
    }
    History.Day latest = days.isEmpty() ? null : days.get(days.size() - 1);
    if (latest != null && latest.kind() == History.Kind.ABSENT && state.draft == null) {
      problems.add(
          Problem.warning(
              "GIT_DELETED",
              source.shown(),
              0,
              "was deleted (or renamed away) in commit "
                  + shortId(latest.commit())
                  + " of "
                  + latest.date()
                  + "; its reviews up to then are shown"));
    }

    String newest =
        state.draft != null ? draftLabel(source) : latest == null ? null : label(source, latest);
    List<Pending> pending = new ArrayList<>();
    List<Snapshot> reviews = new ArrayList<>();
    Map<String, InputReader.FileResult> used = new HashMap<>();
    String cacheId = source.gitDir() + "\n" + source.path();
    try (ObjectReader objects = repo.newObjectReader()) {
      for (History.Day day : days) {
        String label = label(source, day);
        if (day.kind() == History.Kind.ABSENT
            || (state.draft != null && day.date().equals(today))) {
          continue; // no file that day; or the draft stands for today
        }
        if (day.kind() == History.Kind.OTHER) {
          problems.add(
              problem(
                  label.equals(newest),
                  "UNREADABLE",
                  label,
                  "is a symbolic link or a submodule at this" + " commit, not a checklist file"));
          continue;
        }
        Provenance origin =
            new Provenance(
                day.commit(),
                day.author(),
                day.committed(),
                day.path(),
                day.blob().name(),
                source.url(day.commit()),
                false);
        String key = label + "\n" + day.blob().name() + "\n" + day.date() + "\n" + maxFileBytes;
        InputReader.FileResult cached = cache.parse(cacheId, key);
        if (cached != null) {
          used.put(key, cached);
          collect(cached, label, origin, newest, reviews, problems);
          continue;
        }
        byte[] bytes = blob(objects, day.blob());
        if (startsWith(bytes, LFS_POINTER)) {
          problems.add(
              problem(
                  label.equals(newest),
                  "UNREADABLE",
                  label,
                  "is a Git LFS pointer at this commit;"
                      + " readiness reads only content kept in git itself"));
          continue;
        }
        pending.add(
            new Pending(
                new InputReader.Text(bytes, label, day.date(), "the commit date"), origin, key));
      }
    }
    if (state.draft != null) {
      String path =
          latest != null && latest.kind() != History.Kind.ABSENT ? latest.path() : source.path();
      Provenance origin =
          new Provenance(null, null, null, path, state.draft.blob.name(), null, true);
      InputReader.Text text =
          new InputReader.Text(
              state.draft.bytes,
              draftLabel(source),
              today,
              "today's date (the date of an uncommitted draft)");
      pending.add(
          new Pending(
              text,
              origin,
              draftLabel(source)
                  + "\n"
                  + state.draft.blob.name()
                  + "\n"
                  + today
                  + "\n"
                  + maxFileBytes));
    }
    List<InputReader.FileResult> results =
        reader.readTexts(pending.stream().map(Pending::text).toList());
    cache.parsed(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      used.put(p.key, results.get(i));
      collect(results.get(i), p.text.shown(), p.origin, newest, reviews, problems);
    }
    cache.keepParses(cacheId, used);
    if (reviews.isEmpty()) {
      return null;
    }
    reviews.sort(Comparator.comparing(Snapshot::date));
    return reader.project(source.slug(), reviews);
  }

  /** A parsed state: its review (with its provenance) and its problems. */
  private static void collect(
      InputReader.FileResult result,
      String label,
      Provenance origin,
      String newest,
      List<Snapshot> reviews,
      List<Problem> problems) {
    boolean current = label.equals(newest);
    for (Problem p : result.problems()) {
      problems.add(
          p.severity() == Problem.Severity.ERROR
              ? problem(current, p.code(), p.file(), p.line(), p.message())
              : p);
    }
    if (result.snapshot() != null) {
      reviews.add(result.snapshot().withProvenance(label, origin));
    }
  }

  private static Problem problem(boolean current, String code, String label, String message) {
    return problem(current, code, label, 0, message);
  }

  /**
   * An error about the file's newest state, which a commit can fix; about an older commit, which
   * cannot be changed, a warning that this day's review is left out.
   */
  private static Problem problem(
      boolean current, String code, String label, int line, String message) {
    return current
        ? Problem.error(code, label, line, message)
        : Problem.warning(
            code,
            label,
            line,
            message + " (a later commit changed it; only this day's review is left out)");
  }

  private byte[] blob(ObjectReader objects, ObjectId id) throws IOException {
    ObjectLoader loader = objects.open(id, Constants.OBJ_BLOB);
    cache.blobRead();
    try (InputStream in = loader.openStream()) {
      return in.readNBytes((int) Math.min(maxFileBytes + 1, Integer.MAX_VALUE - 8));
    }
  }

  private static String label(GitSource source, History.Day day) {
    return source.shown() + "@" + shortId(day.commit());
  }

  private static String draftLabel(GitSource source) {
    return source.shown() + "@worktree";
  }

  private static String shortId(String commit) {
    return commit.substring(0, Provenance.SHORT_ID_LENGTH);
  }

  private static String workTree(Repository repo) {
    return repo.isBare() ? repo.getDirectory().toString() : repo.getWorkTree().toString();
  }

  private static ObjectId blobId(byte[] bytes) {
    try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
      return f.idFor(Constants.OBJ_BLOB, bytes);
    }
  }

  private static byte[] withoutCarriageReturns(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      if (!(bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')) {
        out.write(bytes[i]);
      }
    }
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (bytes[i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  /** What one source is now: HEAD, the file's history from it, and the draft. */
  private record State(ObjectId head, History history, Draft draft) {}

  /** A state to parse: its text, where it comes from, and its key in the cache. */
  private record Pending(InputReader.Text text, Provenance origin, String key) {}

  /** The working tree's uncommitted file. */
  private record Draft(byte[] bytes, ObjectId blob) {}
}
