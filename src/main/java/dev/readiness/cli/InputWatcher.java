package dev.readiness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Watches files and folders by polling: every interval it lists them with their sizes and
 * modification times, and when that listing has changed and then held still for one more interval
 * (an editor saving in several steps), it runs the callback once. Polling works the same on every
 * file system and needs no registration of new subfolders; for the few hundred files of a checklist
 * folder a walk costs well under a millisecond. It only reads attributes, links not followed, and
 * never opens a file, so a pipe or a device under the input cannot block it.
 */
final class InputWatcher implements AutoCloseable {
  private final List<Path> paths;
  private final Supplier<String> probe;
  private final Runnable onChange;
  private final ScheduledExecutorService ticker;
  private Map<String, String> built;
  private Map<String, String> pending;

  private InputWatcher(List<Path> paths, Supplier<String> probe, Runnable onChange) {
    this.paths = List.copyOf(paths);
    this.probe = Objects.requireNonNull(probe, "probe");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "readiness-watch");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts watching {@code paths} (folders recursively; files, which need not exist yet); the
   * current state counts as built.
   */
  static InputWatcher start(List<Path> paths, Duration interval, Runnable onChange) {
    return start(paths, () -> "", interval, onChange);
  }

  /**
   * {@link #start(List, Duration, Runnable)}, also watching what {@code probe} says: a change of
   * its text is a change too (where git repositories' HEADs point, which files alone do not show).
   */
  static InputWatcher start(
      List<Path> paths, Supplier<String> probe, Duration interval, Runnable onChange) {
    InputWatcher watcher = new InputWatcher(paths, probe, onChange);
    watcher.built = watcher.snapshot();
    long millis = interval.toMillis();
    watcher.ticker.scheduleWithFixedDelay(watcher::tick, millis, millis, TimeUnit.MILLISECONDS);
    return watcher;
  }

  /** Stops watching and waits for a running callback to finish. */
  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void tick() {
    Map<String, String> now;
    try {
      now = snapshot();
    } catch (UncheckedIOException e) {
      return; // a file vanished mid-walk: look again next time
    }
    if (now.equals(built)) {
      pending = null;
      return;
    }
    if (!now.equals(pending)) {
      pending = now;
      return;
    }
    built = now;
    pending = null;
    try {
      onChange.run();
    } catch (RuntimeException e) {
      // the callback reports its own failures; the watcher keeps going
    }
  }

  private Map<String, String> snapshot() {
    Map<String, String> state = new TreeMap<>();
    state.put("", probe.get());
    for (Path root : paths) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.forEach(p -> state.put(p.toString(), describe(p)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        state.put(root.toString(), describe(root));
      }
    }
    return state;
  }

  private static String describe(Path p) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isDirectory()
          ? "dir"
          : a.size()
              + "@"
              + a.lastModifiedTime().toMillis()
              + "."
              + a.lastModifiedTime().toInstant().getNano();
    } catch (NoSuchFileException e) {
      return "absent";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
