package dev.readiness.cli;

import dev.readiness.BuildPipeline;
import dev.readiness.BuildSummary;
import dev.readiness.config.Settings;
import dev.readiness.read.git.GitCache;
import dev.readiness.read.git.GitSources;
import dev.readiness.render.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code readiness serve}: a preview of the site that rebuilds and reloads as the checklists
 * change.
 */
@Command(
    name = "serve",
    description = {
      "Preview the site on http://127.0.0.1:8000/, rebuilding and reloading on change.",
      "",
      "Builds the site into a temporary folder and serves it with the JDK's HTTP server. The"
          + " input folder, the templates, the configuration and the HEAD of each --git"
          + " repository are watched: on a change the site"
          + " is rebuilt and open pages reload themselves. Ctrl-C stops the server and removes the"
          + " temporary folder. For previewing only; publish with 'readiness build'."
    },
    footer = {
      "",
      "Examples:",
      "  readiness serve                             http://127.0.0.1:8000/",
      "  readiness serve --port 0                    any free port (printed)",
      "  readiness serve --open                      and open it in the browser",
      "  readiness serve --input reviews --templates my-theme --no-pdf",
      "",
      "Exit codes: 130 after Ctrl-C (the JVM's status for SIGINT); 1 the first build failed; 2"
          + " usage error (port taken, missing folder, invalid configuration)."
    })
final class ServeCommand implements Callable<Integer> {
  /** How often the watched files are looked at. */
  static final Duration POLL = Duration.ofMillis(250);

  @Mixin InputOptions inputs;
  @Mixin GitOptions git;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port = 8000;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE})."
              + " Requests are answered only when their Host is localhost, 127.0.0.1, [::1] or this HOST.")
  String host = "127.0.0.1";

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description = "Folder of templates that override the bundled ones (watched).")
  Path templates;

  @Option(names = "--no-pdf", description = "Do not write PDF reports (faster rebuilds).")
  boolean noPdf;

  @Option(
      names = "--open",
      description = "Open the site in the browser ($BROWSER, else the desktop's) once it is up.")
  boolean open;

  /** --help, --version, --verbose; streams and environment. */
  @Mixin Invocation invocation;

  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Reuses the git sources' histories and parsed reviews from one rebuild to the next. */
  private final GitCache gitCache = new GitCache();

  /** The git sources of the last build, whose repositories' HEADs are watched. */
  private volatile GitSources gitSources = GitSources.NONE;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = invocation.out();
    PrintWriter err = invocation.err();
    Path config = inputs.configFile();
    gitSources = git.sources(inputs.settings(), config, gitCache);
    Path folder = inputs.folder(gitSources);
    if (templates != null && !Files.isDirectory(templates)) {
      throw new UsageException(templates + ": no such templates folder");
    }
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535, not " + port);
    }
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new UsageException("--host " + host + ": no such host or address");
    }

    PreviewServer server;
    try {
      server = PreviewServer.bind(host, port);
    } catch (BindException e) {
      throw new UsageException(
          host
              + ":"
              + port
              + " is already in use (or not allowed); pick another with"
              + " --port N, or --port 0 for any free port");
    }
    Thread hook = new Thread(() -> stop(server, err), "readiness-serve-shutdown");
    InputWatcher watcher = null;
    try {
      if (!rebuild(server, err, true)) {
        return ExitCode.PROBLEMS;
      }
      server.start();
      Runtime.getRuntime().addShutdownHook(hook);
      List<Path> watched = new ArrayList<>();
      if (folder != null) {
        watched.add(inputs.input);
      }
      watched.add(config);
      if (templates != null) {
        watched.add(templates);
      }
      if (git.worktree) {
        gitSources.sources().forEach(s -> watched.add(s.file()));
      }
      out.println(
          "serving " + inputs.shownAs(gitSources) + " at " + server.url() + " (Ctrl-C to stop)");
      out.println(
          "watching "
              + watched.stream()
                  .map(p -> p.toString().replace('\\', '/'))
                  .collect(Collectors.joining(", "))
              + (gitSources.isEmpty() ? "" : " and the HEAD of each git repository")
              + "; building into "
              + server.temp());
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        out.println(
            "note: "
                + host
                + " is reachable from other machines; anyone who can reach it can read the site");
      }
      out.flush();
      if (open) {
        try {
          Browser.open(server.url(), invocation.environment());
        } catch (IOException e) {
          err.println(
              "readiness: could not start a browser ("
                  + e.getMessage()
                  + "); open "
                  + server.url()
                  + " yourself, or set BROWSER");
        }
      }
      watcher =
          InputWatcher.start(
              watched, () -> gitSources.heads(), POLL, () -> rebuild(server, err, false));
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (watcher != null) {
        watcher.close();
      }
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // shutting down already, or the hook was never added
      }
    }
    return ExitCode.OK;
  }

  /**
   * Stops the server from the shutdown hook (Ctrl-C): removes the temporary folder and wakes {@link
   * #call()}.
   */
  private void stop(PreviewServer server, PrintWriter err) {
    server.close();
    err.println("readiness: stopped; removed " + server.temp());
    err.flush();
    stopped.countDown();
  }

  /**
   * Builds into a fresh folder and publishes it; on failure keeps serving the previous build.
   *
   * @return whether the build was published
   */
  private boolean rebuild(PreviewServer server, PrintWriter err, boolean first) {
    long started = System.nanoTime();
    try {
      Settings settings = inputs.settings();
      boolean pdf = settings.pdf().enabled() && !noPdf;
      gitSources = git.sources(settings, inputs.configFile(), gitCache);
      BuildPipeline.Options options =
          inputs.pipeline(
              invocation.environment(),
              settings,
              templates,
              pdf,
              Runtime.getRuntime().availableProcessors(),
              gitSources);
      Path folder = server.nextFolder();
      BuildPipeline.Result result = BuildPipeline.build(options, folder);
      BuildSummary summary = result.summary();
      if (!result.written()) {
        ProblemPrinter.printErrors(summary.problems(), err);
        throw new IOException("no review to show (see the error above)");
      }
      server.publish(folder);
      ProblemPrinter.print(
          summary,
          err,
          invocation.verbose ? ProblemPrinter.Detail.VERBOSE : ProblemPrinter.Detail.QUIET);
      err.println(
          String.format(
              Locale.ROOT,
              "readiness: %s in %.1f s: %d projects, %d reviews, %d pages, %d PDFs;"
                  + " %d warnings, %d errors",
              first ? "built" : "rebuilt",
              (System.nanoTime() - started) / 1e9,
              summary.projects(),
              summary.reviews(),
              summary.stats().pages(),
              summary.stats().pdfs(),
              ProblemPrinter.warnings(summary.problems()),
              ProblemPrinter.errors(summary.problems())));
      err.flush();
      return true;
    } catch (IOException | RuntimeException e) {
      err.println(
          "readiness: "
              + (first ? "build failed: " : "rebuild failed, still serving the previous build: ")
              + TerminalText.visible(e.getMessage()));
      if (invocation.verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return false;
    }
  }
}
