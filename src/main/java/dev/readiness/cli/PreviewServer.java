package dev.readiness.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Serves the newest build of a site from a temporary folder with the JDK's HTTP server. Each
 * build goes into a fresh folder ({@code site-1}, {@code site-2}, ...) and is published only when
 * complete, so a request never sees half a site. HTML responses get a {@code <script>} of ours
 * added before {@code </body>} that reloads the page when the build stamp changes; the files on
 * disk stay exactly as {@code readiness build} writes them.
 */
final class PreviewServer implements AutoCloseable {
  /** Where the server's own files live; no generated file is under this path. */
  static final String PREFIX = "/__readiness/";

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("htm", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("xml", "application/xml"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("webp", "image/webp"),
      Map.entry("woff", "font/woff"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("ttf", "font/ttf"),
      Map.entry("otf", "font/otf"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("md", "text/plain; charset=utf-8"));
  private static final Pattern BODY_END = Pattern.compile("(?i)</body\\s*>");

  private final HttpServer http;
  private final ExecutorService pool;
  private final Path temp;
  private final String session = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicInteger generation = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final byte[] reloadScript;
  private volatile Path root;

  private PreviewServer(HttpServer http, Path temp) {
    this.http = http;
    this.temp = temp;
    AtomicInteger threads = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "readiness-serve-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.reloadScript = resource("reload.js");
    http.setExecutor(pool);
    http.createContext("/", this::handle);
  }

  /**
   * Binds the server to {@code host:port} (0 for any free port) and creates its temporary folder;
   * nothing is served until {@link #start()}.
   *
   * @throws java.net.BindException when the port is taken
   */
  static PreviewServer bind(String host, int port) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
    try {
      return new PreviewServer(http, Files.createTempDirectory("readiness-serve-"));
    } catch (IOException | RuntimeException e) {
      http.stop(0);
      throw e;
    }
  }

  /** The temporary folder that holds the builds; removed by {@link #close()}. */
  Path temp() {
    return temp;
  }

  /** A fresh folder for the next build, inside the temporary folder; it does not exist yet. */
  Path nextFolder() {
    return temp.resolve("site-" + (generation.get() + 1));
  }

  /** Serves {@code folder} from now on, changes the build stamp, and removes builds older than the last. */
  synchronized void publish(Path folder) {
    Path previous = root;
    root = folder;
    generation.incrementAndGet();
    try (Stream<Path> old = Files.list(temp)) {
      for (Path p : old.toList()) {
        if (!p.equals(folder) && !p.equals(previous)) {
          deleteTree(p);
        }
      }
    } catch (IOException e) {
      // an old build left behind is removed with the temporary folder
    }
  }

  /** The build stamp pages compare against: it changes with every published build. */
  String stamp() {
    return session + "-" + generation.get();
  }

  /** The address the server listens on, e.g. {@code http://127.0.0.1:8000/}. */
  URI url() {
    InetSocketAddress address = http.getAddress();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort() + "/");
  }

  void start() {
    http.start();
  }

  /** Stops serving, stops the server's threads and removes the temporary folder; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      deleteTree(temp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + temp, e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!head && !method.equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "405 only GET and HEAD\n".getBytes(StandardCharsets.UTF_8), head);
        return;
      }
      URI uri = exchange.getRequestURI();
      String path = uri.getPath() == null ? "/" : uri.getPath();
      if (path.startsWith(PREFIX)) {
        serveOwn(exchange, path.substring(PREFIX.length()), head);
        return;
      }
      Path site = root;
      Path file = site == null ? null : resolve(site, path);
      if (file != null && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
        if (!path.endsWith("/")) {
          String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
          exchange.getResponseHeaders().set("Location", uri.getRawPath() + "/" + query);
          send(exchange, 301, "text/plain; charset=utf-8", new byte[0], head);
          return;
        }
        file = file.resolve("index.html");
      }
      if (file == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
            + "<body><h1>Not found</h1><p>" + escape(path) + " is not part of the site.</p></body></html>";
        send(exchange, 404, TYPES.get("html"), withReload(page.getBytes(StandardCharsets.UTF_8)), head);
        return;
      }
      String type = type(file);
      byte[] body = Files.readAllBytes(file);
      if (type.startsWith("text/html")) {
        body = withReload(body);
      }
      send(exchange, 200, type, body, head);
    }
  }

  private void serveOwn(HttpExchange exchange, String name, boolean head) throws IOException {
    switch (name) {
      case "reload.js" -> send(exchange, 200, TYPES.get("js"), reloadScript, head);
      case "stamp" -> send(exchange, 200, "text/plain; charset=utf-8",
          (stamp() + "\n").getBytes(StandardCharsets.UTF_8), head);
      case "stamp.js" -> send(exchange, 200, TYPES.get("js"),
          ("window.__readinessStamp && window.__readinessStamp(\"" + stamp() + "\");\n")
              .getBytes(StandardCharsets.UTF_8), head);
      default -> send(exchange, 404, "text/plain; charset=utf-8",
          "404 not found\n".getBytes(StandardCharsets.UTF_8), head);
    }
  }

  /** The page with our reload script added before its last {@code </body>}, or at its end. */
  byte[] withReload(byte[] html) {
    String page = new String(html, StandardCharsets.UTF_8);
    String tag = "<script src=\"" + PREFIX + "reload.js?stamp=" + stamp() + "\" defer></script>";
    Matcher m = BODY_END.matcher(page);
    int at = -1;
    while (m.find()) {
      at = m.start();
    }
    String out = at < 0 ? page + tag : page.substring(0, at) + tag + page.substring(at);
    return out.getBytes(StandardCharsets.UTF_8);
  }

  /** The file for a URL path inside {@code site}, or null when the path leaves it. */
  private static Path resolve(Path site, String path) {
    if (path.indexOf('\0') >= 0 || path.contains("\\")) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        return null;
      }
      parts.add(part);
    }
    Path file = site;
    for (String part : parts) {
      file = file.resolve(part);
    }
    file = file.normalize();
    return file.startsWith(site) ? file : null;
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (head || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String type(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static byte[] resource(String name) {
    try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
