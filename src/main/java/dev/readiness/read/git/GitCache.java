package dev.readiness.read.git;

import dev.readiness.read.InputReader;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What reading git sources can reuse from one build to the next in the same process ({@code
 * serve}): each source's history by the commit HEAD points at, and each review's parse by its
 * commit's content. After one new commit, a rebuild walks the history again (commit and tree
 * objects only) and reads and parses one blob. Each source keeps only what its last read used, so
 * the cache never grows past one history's reviews per source. Thread-safe.
 */
public final class GitCache {
  private final Map<String, Walked> histories = new HashMap<>();
  private final Map<String, Map<String, InputReader.FileResult>> parses = new HashMap<>();
  private final AtomicInteger walks = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger blobs = new AtomicInteger();
  private final AtomicInteger parsed = new AtomicInteger();

  /**
   * How much work reading has done since this cache was made.
   *
   * @param walks histories walked (not found in the cache)
   * @param commits commits those walks found touching their files
   * @param blobs file contents read from the repository
   * @param parsed reviews parsed
   */
  public record Stats(int walks, int commits, int blobs, int parsed) {}

  /** The counts so far. */
  public Stats stats() {
    return new Stats(walks.get(), commits.get(), blobs.get(), parsed.get());
  }

  synchronized History history(String source, String key) {
    Walked w = histories.get(source);
    return w != null && w.key.equals(key) ? w.history : null;
  }

  synchronized void putHistory(String source, String key, History history) {
    histories.put(source, new Walked(key, history));
    walks.incrementAndGet();
    commits.addAndGet(history.commits());
  }

  synchronized InputReader.FileResult parse(String source, String key) {
    return parses.getOrDefault(source, Map.of()).get(key);
  }

  /** Replaces a source's parses with those its last read used. */
  synchronized void keepParses(String source, Map<String, InputReader.FileResult> used) {
    parses.put(source, Map.copyOf(used));
  }

  void blobRead() {
    blobs.incrementAndGet();
  }

  void parsed(int count) {
    parsed.addAndGet(count);
  }

  private record Walked(String key, History history) {}
}
