package dev.readiness.cli;

import dev.readiness.BuildPipeline;
import dev.readiness.analyze.ReportData;
import dev.readiness.render.OutputTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A one-line progress bar on standard error, redrawn in place with a carriage return, for builds
 * run on a terminal. While the input is read it shows a moving block; while files are written it
 * fills towards the number of files expected: the previous build's count (from its manifest), or an
 * estimate from the number of reviews. It never claims 100% before the build is done.
 */
final class ProgressBar implements BuildPipeline.Progress, AutoCloseable {
  private static final int WIDTH = 24;
  private static final long REDRAW_MILLIS = 100;

  private final PrintWriter err;
  private final Path output;
  private final boolean pdf;
  private final long started = System.nanoTime();
  private final ScheduledExecutorService ticker;
  private volatile IntSupplier written;
  private volatile int expected;
  private int drawnWidth;
  private boolean closed;
  private int frame;

  private ProgressBar(PrintWriter err, Path output, boolean pdf) {
    this.err = err;
    this.output = output;
    this.pdf = pdf;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "readiness-progress");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts drawing on {@code err} for a build into {@code output}. */
  static ProgressBar start(PrintWriter err, Path output, boolean pdf) {
    ProgressBar bar = new ProgressBar(err, output, pdf);
    bar.draw();
    bar.ticker.scheduleAtFixedRate(bar::draw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    return bar;
  }

  @Override
  public void rendering(ReportData data, IntSupplier filesWritten) {
    int previous = previousFileCount(output);
    int reviews = data.projects().stream().mapToInt(p -> p.reviews().size()).sum();
    int projects = data.projects().size();
    int estimate = reviews * (pdf ? 2 : 1) + projects * (pdf ? 3 : 2) + 12;
    expected = previous > 0 ? previous : estimate;
    written = filesWritten;
  }

  /** Stops drawing and clears the line, so that what follows starts at the left margin. */
  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      closed = true;
      if (drawnWidth > 0) {
        err.print("\r" + " ".repeat(drawnWidth) + "\r");
        err.flush();
        drawnWidth = 0;
      }
    }
  }

  private synchronized void draw() {
    if (closed) {
      return;
    }
    String line = line((System.nanoTime() - started) / 1e9);
    int pad = Math.max(0, drawnWidth - line.length());
    err.print("\r" + line + " ".repeat(pad));
    err.flush();
    drawnWidth = line.length();
  }

  /** The bar as it reads {@code seconds} into the build. */
  synchronized String line(double seconds) {
    IntSupplier files = written;
    String line;
    if (files == null) {
      int position = frame++ % (2 * (WIDTH - 3));
      int at = position < WIDTH - 3 ? position : 2 * (WIDTH - 3) - position;
      line = "[" + " ".repeat(at) + "###" + " ".repeat(WIDTH - 3 - at) + "]       reading input";
    } else {
      int done = files.getAsInt();
      int percent = done >= expected ? 99 : (int) Math.min(99, done * 100L / Math.max(1, expected));
      int filled = percent * WIDTH / 100;
      line =
          String.format(
              Locale.ROOT,
              "[%s%s] %3d%%  writing %d file%s",
              "#".repeat(filled),
              ".".repeat(WIDTH - filled),
              percent,
              done,
              done == 1 ? "" : "s");
    }
    return line + String.format(Locale.ROOT, "  %.1f s", seconds);
  }

  private static int previousFileCount(Path output) {
    try {
      return OutputTree.manifest(output).size();
    } catch (IOException e) {
      // no previous count; the estimate serves
    }
    return 0;
  }
}
