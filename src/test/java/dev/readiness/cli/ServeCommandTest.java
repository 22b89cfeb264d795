package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern URL =
      Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C to stop\\)");
  private static final Pattern TEMP = Pattern.compile("building into (\\S+)");
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void servesRebuildsOnChangeAndStopsCleanly(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve =
        new Thread(
            () ->
                code.set(
                    Main.execute(
                        new Main(Cli.EPOCH, Terminal.NONE),
                        new String[] {"serve", "--input", input.toString(), "--port", "0"},
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))),
            "serve-under-test");
    serve.start();
    Path temp = null;
    try {
      String base = await(() -> match(URL, out.toString()), "the serving line; stderr: " + err);
      temp = Path.of(match(TEMP, out.toString()));
      assertTrue(Files.isDirectory(temp), out.toString());

      HttpResponse<String> data = get(base + "data.json");
      assertEquals(200, data.statusCode());
      assertEquals("application/json", data.headers().firstValue("Content-Type").orElse(""));
      assertEquals("no-store", data.headers().firstValue("Cache-Control").orElse(""));
      JsonNode orion = latest(JSON.readTree(data.body()), "orion");
      assertEquals(6, orion.get("done").asInt());
      assertEquals(60.0, orion.get("percent").asDouble());

      String stamp = get(base + "__readiness/stamp").body().strip();
      Path file = input.resolve("orion/2026-03-09.md");
      String text = Files.readString(file);
      assertTrue(text.contains("- [ ] Penetration test report signed off"));
      Files.writeString(
          file,
          text.replace(
              "- [ ] Penetration test report signed off",
              "- [x] Penetration test report signed off"));

      String rebuilt =
          await(
              () -> {
                String now = get(base + "__readiness/stamp").body().strip();
                return now.equals(stamp) ? null : now;
              },
              "a new build stamp; stderr: " + err);
      assertNotEquals(stamp, rebuilt);
      JsonNode after = latest(JSON.readTree(get(base + "data.json").body()), "orion");
      assertEquals(7, after.get("done").asInt());
      assertEquals(70.0, after.get("percent").asDouble());
      assertTrue(err.toString().contains("readiness: rebuilt in "), err.toString());

      // A broken configuration: the failure is reported and the last good build stays up.
      Files.writeString(dir.resolve("readiness.yaml"), "gate: {minPercent: lots}\n");
      String failure =
          await(
              () ->
                  match(
                      Pattern.compile(
                          "(readiness: rebuild failed, still serving the previous build: .*)"),
                      err.toString()),
              "a failed rebuild; stderr: " + err);
      assertTrue(
          failure.endsWith("readiness.yaml:1: gate.minPercent: must be a number between 0 and 100"),
          failure);
      assertEquals(rebuilt, get(base + "__readiness/stamp").body().strip());
      assertEquals(
          7, latest(JSON.readTree(get(base + "data.json").body()), "orion").get("done").asInt());

      HttpResponse<String> folder = get(base + "projects");
      assertEquals(301, folder.statusCode());
      assertEquals("/projects/", folder.headers().firstValue("Location").orElse(""));
      assertEquals(
          404, get(base + "..%2f..%2f" + temp.getFileName() + "/site-1/data.json").statusCode());
      assertEquals(404, get(base + "nothing-here.html").statusCode());
      assertTrue(
          get(base + "nothing-here.html")
              .body()
              .contains("<script src=\"/__readiness/reload.js?stamp="));
      HttpResponse<String> script = get(base + "__readiness/reload.js");
      assertEquals(200, script.statusCode());
      assertTrue(script.body().contains("location.reload()"), script.body());
      assertEquals(
          "window.__readinessStamp && window.__readinessStamp(\"" + rebuilt + "\");",
          get(base + "__readiness/stamp.js").body().strip());
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "data.json"))
                  .POST(HttpRequest.BodyPublishers.ofString("x"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
    } finally {
      serve.interrupt();
      serve.join(30_000);
    }
    assertFalse(serve.isAlive(), "serve stops when interrupted");
    assertEquals(0, code.get(), err.toString());
    assertFalse(Files.exists(temp), "temporary folder removed: " + temp);
    awaitNoThreads();
  }

  @Test
  void openStartsTheBrowserOnTheServedAddress(@TempDir Path dir) throws Exception {
    Path input = Cli.copyChecklists(dir);
    Path opened = dir.resolve("opened.txt");
    Path browser = dir.resolve("browser.sh");
    Files.writeString(
        browser,
        "#!/bin/sh\nprintf '%s\\n' \"$1\" > \""
            + opened
            + ".tmp\" && mv \""
            + opened
            + ".tmp\" \""
            + opened
            + "\"\n");
    browser.toFile().setExecutable(true);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    java.util.Map<String, String> env = new java.util.HashMap<>(Cli.EPOCH);
    env.put("BROWSER", browser.toString());
    Thread serve =
        new Thread(
            () ->
                code.set(
                    Main.execute(
                        new Main(env, Terminal.NONE),
                        new String[] {
                          "serve", "--input", input.toString(), "--port", "0", "--no-pdf", "--open"
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))),
            "serve-under-test");
    serve.start();
    try {
      String base = await(() -> match(URL, out.toString()), "the serving line; stderr: " + err);
      String url =
          await(
              () -> Files.exists(opened) ? Files.readString(opened).strip() : null,
              "the browser to be started");
      assertEquals(base, url);
      assertEquals(
          200, get(url + "data.json").statusCode(), "the site is up when the browser opens it");
    } finally {
      serve.interrupt();
      serve.join(30_000);
    }
    assertEquals(0, code.get(), err.toString());
    awaitNoThreads();
  }

  @Test
  void aTakenPortIsAOneLineUsageError() throws Exception {
    Set<Path> before = serveFolders();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Cli.Result r = Cli.run("serve", "--port", Integer.toString(port));
      assertEquals(2, r.code(), r.toString());
      assertEquals(
          List.of(
              "readiness: 127.0.0.1:"
                  + port
                  + " is already in use (or not allowed); pick another with"
                  + " --port N, or --port 0 for any free port"),
          r.err().lines().toList());
      assertEquals("", r.out());
    }
    assertEquals(before, serveFolders(), "no temporary folder left behind");
  }

  @Test
  void rejectsBadPortsAndHosts() {
    Cli.Result port = Cli.run("serve", "--port", "70000");
    assertEquals(2, port.code(), port.toString());
    assertEquals(
        List.of("readiness: --port must be between 0 and 65535, not 70000"),
        port.err().lines().toList());
    Cli.Result host = Cli.run("serve", "--host", "no-such-host.invalid", "--port", "0");
    assertEquals(2, host.code(), host.toString());
    assertEquals(
        List.of("readiness: --host no-such-host.invalid: no such host or address"),
        host.err().lines().toList());
  }

  @Test
  void addsTheReloadScriptToHtmlOnly(@TempDir Path dir) throws Exception {
    Path temp;
    try (PreviewServer server = PreviewServer.bind("127.0.0.1", 0)) {
      temp = server.temp();
      Path site = server.nextFolder();
      Files.createDirectories(site.resolve("projects/orion"));
      String page =
          "<!DOCTYPE html><html><head><title>x</title></head><body><p>Orion</p></BODY></html>";
      Files.writeString(site.resolve("projects/orion/index.html"), page);
      Files.writeString(site.resolve("notes.txt"), "</body>");
      server.publish(site);
      server.start();
      String base = server.url().toString();

      HttpResponse<String> html = get(base + "projects/orion/");
      assertEquals(200, html.statusCode());
      assertEquals(
          "text/html; charset=utf-8", html.headers().firstValue("Content-Type").orElse(""));
      assertEquals(
          "<!DOCTYPE html><html><head><title>x</title></head><body><p>Orion</p><script"
              + " src=\"/__readiness/reload.js?stamp="
              + server.stamp()
              + "\" defer></script></BODY></html>",
          html.body());
      assertEquals(
          page,
          Files.readString(site.resolve("projects/orion/index.html")),
          "the file itself is untouched");
      assertEquals("</body>", get(base + "notes.txt").body());
      HttpResponse<String> redirect = get(base + "projects/orion?x=1");
      assertEquals(301, redirect.statusCode());
      assertEquals("/projects/orion/?x=1", redirect.headers().firstValue("Location").orElse(""));

      Path next = server.nextFolder();
      Files.createDirectories(next);
      Files.writeString(next.resolve("index.html"), "<p>no body tag</p>");
      String stamp = server.stamp();
      server.publish(next);
      assertNotEquals(stamp, server.stamp());
      assertTrue(
          get(base).body().startsWith("<p>no body tag</p><script src=\"/__readiness/reload.js"));
      assertEquals(
          404, get(base + "projects/orion/").statusCode(), "the new build replaces the old");
    }
    assertFalse(Files.exists(temp));
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode latest(JsonNode data, String slug) {
    for (JsonNode p : data.get("projects")) {
      if (p.get("slug").asText().equals(slug)) {
        return p.get("reviews").get(p.get("reviews").size() - 1);
      }
    }
    throw new AssertionError("no project " + slug);
  }

  private static String match(Pattern pattern, String text) {
    return Polling.match(pattern, text);
  }

  private static String await(Polling.Probe probe, String what) throws Exception {
    return Polling.await(probe, what, Duration.ofSeconds(60));
  }

  private static void awaitNoThreads() throws InterruptedException {
    List<String> ours = List.of();
    for (int i = 0; i < 50; i++) {
      ours =
          Thread.getAllStackTraces().keySet().stream()
              .filter(Thread::isAlive)
              .map(Thread::getName)
              .filter(
                  n ->
                      n.startsWith("readiness-serve")
                          || n.equals("readiness-watch")
                          || n.equals("HTTP-Dispatcher"))
              .toList();
      if (ours.isEmpty()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("threads left running: " + ours);
  }

  private static Set<Path> serveFolders() throws Exception {
    try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return Set.copyOf(
          list.filter(p -> p.getFileName().toString().startsWith("readiness-serve-")).toList());
    }
  }
}
