package dev.readiness.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Serves the newest build of a site from a temporary folder over a small HTTP/1.1 server of its
 * own: {@code GET} and {@code HEAD}, one request per connection. Each build goes into a fresh
 * folder ({@code site-1}, {@code site-2}, ...) and is published only when complete, so a request
 * never sees half a site. HTML responses get a {@code <script>} of ours added before {@code
 * </body>} that reloads the page when the build stamp changes; the files on disk stay exactly as
 * {@code readiness build} writes them.
 *
 * <p>Built to survive a hostile page or neighbour (docs/safety.md): a bounded pool of workers; a
 * connection must send its request head within {@link #HEAD_TIMEOUT} and is closed after {@link
 * #CONNECTION_TIMEOUT} whatever it does, so slow or silent clients cannot hold the workers;
 * connections beyond the pool and its queue are closed at once; and only requests whose {@code
 * Host} names this machine (or the {@code --host} given) are answered, so a page on another domain
 * that rebinds its name to 127.0.0.1 cannot read the preview.
 */
final class PreviewServer implements AutoCloseable {
  /** Where the server's own files live; no generated file is under this path. */
  static final String PREFIX = "/__readiness/";

  /** How long a connection may take to send its request line and headers. */
  static final Duration HEAD_TIMEOUT = Duration.ofSeconds(5);

  /** How long a connection may stay open at all, answer included. */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(30);

  /** Workers answering requests; connections beyond them wait in a queue of {@link #QUEUE}. */
  static final int WORKERS = 8;

  static final int QUEUE = 64;

  /** The largest request head (request line and headers) read, in bytes. */
  static final int MAX_HEAD = 16 * 1024;

  private static final Map<String, String> TYPES =
      Map.ofEntries(
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
  private static final Map<Integer, String> REASONS =
      Map.of(
          200,
          "OK",
          301,
          "Moved Permanently",
          400,
          "Bad Request",
          403,
          "Forbidden",
          404,
          "Not Found",
          405,
          "Method Not Allowed",
          408,
          "Request Timeout",
          431,
          "Request Header Fields Too Large",
          500,
          "Internal Server Error");
  private static final Pattern BODY_END = Pattern.compile("(?i)</body\\s*>");
  private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]+) (\\S+) HTTP/1\\.[01]");
  private static final Pattern HOST =
      Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[^:\\[\\]]+)(?::(\\d{1,5}))?");
  private static final String TEXT = "text/plain; charset=utf-8";

  private final ServerSocket socket;
  private final Duration headTimeout;
  private final Duration connectionTimeout;
  private final Set<String> hostNames;
  private final boolean anyAddress;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService watchdog;
  private final Thread acceptor;
  private final Path temp;
  private final String session = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicInteger generation = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final byte[] reloadScript;
  private volatile Path root;

  private PreviewServer(
      ServerSocket socket,
      String host,
      Path temp,
      Duration headTimeout,
      Duration connectionTimeout) {
    this.socket = socket;
    this.temp = temp;
    this.headTimeout = headTimeout;
    this.connectionTimeout = connectionTimeout;
    InetAddress bound = socket.getInetAddress();
    this.anyAddress = bound.isAnyLocalAddress();
    this.hostNames =
        Set.copyOf(
            List.of(
                "localhost",
                "127.0.0.1",
                "[::1]",
                bracketed(host.toLowerCase(Locale.ROOT)),
                bracketed(bound.getHostAddress())));
    AtomicInteger threads = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> daemon(r, "readiness-serve-" + threads.incrementAndGet()));
    this.workers.allowCoreThreadTimeOut(true);
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "readiness-serve-watchdog"));
    this.acceptor = daemon(this::accept, "readiness-serve-accept");
    this.reloadScript = resource("reload.js");
  }

  /**
   * Binds the server to {@code host:port} (0 for any free port) and creates its temporary folder;
   * nothing is served until {@link #start()}. Requests are answered when their {@code Host} is
   * {@code localhost}, {@code 127.0.0.1}, {@code [::1]} or {@code host} (with this server's port or
   * none); when {@code host} is a wildcard address, also when it is any IP address.
   *
   * @throws java.net.BindException when the port is taken
   */
  static PreviewServer bind(String host, int port) throws IOException {
    return bind(host, port, HEAD_TIMEOUT, CONNECTION_TIMEOUT);
  }

  /** {@link #bind(String, int)} with other time limits (tests use short ones). */
  static PreviewServer bind(String host, int port, Duration headTimeout, Duration connectionTimeout)
      throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port), 50);
      return new PreviewServer(
          socket,
          host,
          Files.createTempDirectory("readiness-serve-"),
          headTimeout,
          connectionTimeout);
    } catch (IOException | RuntimeException e) {
      socket.close();
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

  /**
   * Serves {@code folder} from now on, changes the build stamp, and removes builds older than the
   * last.
   */
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
    return URI.create(
        "http://"
            + bracketed(socket.getInetAddress().getHostAddress())
            + ":"
            + socket.getLocalPort()
            + "/");
  }

  void start() {
    acceptor.start();
  }

  /** Stops serving, stops the server's threads and removes the temporary folder; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    workers.shutdownNow();
    watchdog.shutdownNow();
    open.forEach(PreviewServer::quietly);
    try {
      acceptor.join(5_000);
      workers.awaitTermination(5, TimeUnit.SECONDS);
      watchdog.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      deleteTree(temp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + temp, e);
    }
  }

  /** Accepts connections and hands each to a worker; one that finds no room is closed at once. */
  private void accept() {
    while (!closed.get()) {
      Socket connection;
      try {
        connection = socket.accept();
      } catch (IOException e) {
        if (closed.get()) {
          return;
        }
        pause();
        continue;
      }
      open.add(connection);
      if (closed.get()) {
        quietly(connection);
        return;
      }
      ScheduledFuture<?> limit;
      try {
        limit =
            watchdog.schedule(
                () -> quietly(connection), connectionTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        quietly(connection);
        open.remove(connection);
        return;
      }
      try {
        workers.execute(
            () -> {
              try {
                serve(connection);
                finish(connection);
              } finally {
                limit.cancel(false);
                quietly(connection);
                open.remove(connection);
              }
            });
      } catch (RejectedExecutionException e) {
        limit.cancel(false);
        quietly(connection);
        open.remove(connection);
      }
    }
  }

  /** Reads one request from {@code connection} and answers it. */
  private void serve(Socket connection) {
    try {
      OutputStream out = connection.getOutputStream();
      String head;
      try {
        head = readHead(connection);
      } catch (SocketTimeoutException e) {
        send(out, 408, TEXT, text("408 the request took too long\n"), false, Map.of());
        return;
      }
      if (head == null) {
        send(out, 431, TEXT, text("431 the request head is too large\n"), false, Map.of());
        return;
      }
      handle(head, out);
    } catch (IOException | RuntimeException e) {
      // the client went away, or the watchdog closed the connection
    }
  }

  /**
   * The request head up to its blank line, read within {@link #HEAD_TIMEOUT} in all, or null when
   * it is larger than {@link #MAX_HEAD}.
   *
   * @throws SocketTimeoutException when the head is not complete in time
   */
  private String readHead(Socket connection) throws IOException {
    long deadline = System.nanoTime() + headTimeout.toNanos();
    InputStream in = connection.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    byte[] buffer = new byte[2048];
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new SocketTimeoutException("request head not complete in time");
      }
      connection.setSoTimeout((int) left);
      int n = in.read(buffer);
      if (n < 0) {
        throw new SocketException("closed before the request was complete");
      }
      head.write(buffer, 0, n);
      String text = head.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        end = text.indexOf("\n\n");
      }
      if (end >= 0) {
        return end > MAX_HEAD ? null : text.substring(0, end);
      }
      if (head.size() > MAX_HEAD) {
        return null;
      }
    }
  }

  private void handle(String head, OutputStream out) throws IOException {
    List<String> lines = head.lines().toList();
    Matcher request = REQUEST_LINE.matcher(lines.isEmpty() ? "" : lines.get(0));
    if (!request.matches()) {
      send(out, 400, TEXT, text("400 not an HTTP request line\n"), false, Map.of());
      return;
    }
    String method = request.group(1);
    boolean headOnly = method.equals("HEAD");
    List<String> hosts = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Host")) {
        hosts.add(line.substring(colon + 1).strip());
      }
    }
    if (hosts.size() != 1 || !allowedHost(hosts.get(0))) {
      send(
          out,
          403,
          TEXT,
          text(
              "403 readiness serve answers requests for localhost, 127.0.0.1 or [::1]"
                  + " (or the --host it was given) only\n"),
          headOnly,
          Map.of());
      return;
    }
    if (!headOnly && !method.equals("GET")) {
      send(out, 405, TEXT, text("405 only GET and HEAD\n"), false, Map.of("Allow", "GET, HEAD"));
      return;
    }
    URI uri;
    try {
      uri = new URI(request.group(2));
    } catch (URISyntaxException e) {
      send(out, 400, TEXT, text("400 not a valid request target\n"), headOnly, Map.of());
      return;
    }
    if (uri.isAbsolute() || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
      send(out, 400, TEXT, text("400 the request target must be a path\n"), headOnly, Map.of());
      return;
    }
    String path = uri.getPath();
    if (path.startsWith(PREFIX)) {
      serveOwn(out, path.substring(PREFIX.length()), headOnly);
      return;
    }
    Path site = root;
    Path file = site == null ? null : resolve(site, path);
    if (file != null && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      if (!path.endsWith("/")) {
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        send(
            out,
            301,
            TEXT,
            new byte[0],
            headOnly,
            Map.of("Location", uri.getRawPath() + "/" + query));
        return;
      }
      file = file.resolve("index.html");
    }
    if (file == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      String page =
          "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
              + "<body><h1>Not found</h1><p>"
              + escape(path)
              + " is not part of the site.</p></body></html>";
      send(
          out,
          404,
          TYPES.get("html"),
          withReload(page.getBytes(StandardCharsets.UTF_8)),
          headOnly,
          Map.of());
      return;
    }
    String type = type(file);
    byte[] body = Files.readAllBytes(file);
    if (type.startsWith("text/html")) {
      body = withReload(body);
    }
    send(out, 200, type, body, headOnly, Map.of());
  }

  /**
   * Whether a {@code Host} header names this server: a loopback name, the {@code --host} given, or
   * (listening on every address) any IP address; with this server's port or none.
   */
  boolean allowedHost(String host) {
    Matcher m = HOST.matcher(host.strip());
    if (!m.matches()) {
      return false;
    }
    if (m.group(2) != null && !m.group(2).equals(Integer.toString(socket.getLocalPort()))) {
      return false;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    if (hostNames.contains(name)) {
      return true;
    }
    return anyAddress && (name.startsWith("[") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}"));
  }

  private void serveOwn(OutputStream out, String name, boolean head) throws IOException {
    switch (name) {
      case "reload.js" -> send(out, 200, TYPES.get("js"), reloadScript, head, Map.of());
      case "stamp" -> send(out, 200, TEXT, text(stamp() + "\n"), head, Map.of());
      case "stamp.js" ->
          send(
              out,
              200,
              TYPES.get("js"),
              text("window.__readinessStamp && window.__readinessStamp(\"" + stamp() + "\");\n"),
              head,
              Map.of());
      default -> send(out, 404, TEXT, text("404 not found\n"), head, Map.of());
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
    try {
      for (String part : parts) {
        file = file.resolve(part);
      }
    } catch (InvalidPathException e) {
      return null;
    }
    file = file.normalize();
    return file.startsWith(site) ? file : null;
  }

  private static void send(
      OutputStream out,
      int status,
      String type,
      byte[] body,
      boolean head,
      Map<String, String> extra)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", type);
    headers.put("Content-Length", Integer.toString(body.length));
    headers.put("Cache-Control", "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Connection", "close");
    headers.putAll(extra);
    StringBuilder text =
        new StringBuilder("HTTP/1.1 ")
            .append(status)
            .append(' ')
            .append(REASONS.getOrDefault(status, "Status"))
            .append("\r\n");
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    text.append("\r\n");
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!head) {
      out.write(body);
    }
    out.flush();
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String type(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static String bracketed(String address) {
    return address.contains(":") ? "[" + address + "]" : address;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Ends an answered connection gracefully: no more output, and what the client still sends (a body
   * we did not read) is read and dropped for a moment, so that closing does not reset the
   * connection before the client has read the answer.
   */
  private static void finish(Socket connection) {
    try {
      connection.shutdownOutput();
      connection.setSoTimeout(1_000);
      InputStream in = connection.getInputStream();
      byte[] buffer = new byte[4096];
      int total = 0;
      for (int n; total < 1 << 20 && (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
    } catch (IOException e) {
      // closed or silent: close it anyway
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void quietly(Socket connection) {
    try {
      connection.close();
    } catch (IOException e) {
      // already closed
    }
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
