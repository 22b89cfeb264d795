package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The preview server under attack, over real sockets: slow and silent clients cannot freeze it, and
 * it answers only requests that name this machine, so a DNS-rebinding page cannot read it.
 */
class PreviewServerTest {
  private static PreviewServer serving(String host) throws IOException {
    return serving(PreviewServer.bind(host, 0));
  }

  private static PreviewServer serving(PreviewServer server) throws IOException {
    Path site = server.nextFolder();
    Files.createDirectories(site);
    Files.writeString(site.resolve("index.html"), "<html><body>portfolio</body></html>");
    Files.write(site.resolve("big.pdf"), new byte[16 << 20]);
    server.publish(site);
    server.start();
    return server;
  }

  /** Sends {@code request} as is and returns the whole answer. */
  private static String exchange(PreviewServer server, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.url().getPort())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String get(PreviewServer server, String host) throws IOException {
    return exchange(server, "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
  }

  private static String status(String answer) {
    return answer.lines().findFirst().orElse("");
  }

  @Test
  void halfRequestLinesDoNotFreezeTheServer() throws Exception {
    try (PreviewServer server =
        serving(
            PreviewServer.bind("127.0.0.1", 0, Duration.ofSeconds(2), Duration.ofSeconds(30)))) {
      List<Socket> slow = new ArrayList<>();
      try {
        // More silent clients than workers, each with half a request line and nothing more.
        for (int i = 0; i < PreviewServer.WORKERS + 4; i++) {
          Socket s = new Socket("127.0.0.1", server.url().getPort());
          s.getOutputStream().write("GET /inde".getBytes(StandardCharsets.ISO_8859_1));
          s.getOutputStream().flush();
          slow.add(s);
        }
        long started = System.nanoTime();
        String answer = get(server, "127.0.0.1:" + server.url().getPort());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals("HTTP/1.1 200 OK", status(answer), answer);
        assertTrue(answer.contains("portfolio"), answer);
        assertTrue(seconds < 10, "answered after " + seconds + " s");
        // The silent clients were told they took too long.
        slow.get(0).setSoTimeout(20_000);
        String timedOut =
            new String(slow.get(0).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("HTTP/1.1 408 Request Timeout", status(timedOut), timedOut);
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  @Test
  void aClientDrippingItsHeadersIsCutOffAtTheHeadTimeout() throws Exception {
    try (PreviewServer server =
            serving(
                PreviewServer.bind("127.0.0.1", 0, Duration.ofSeconds(2), Duration.ofSeconds(30)));
        Socket s = new Socket("127.0.0.1", server.url().getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(
          "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
      long started = System.nanoTime();
      // One byte every 300 ms: each read is quick, the head never completes.
      Thread drip =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 40; i++) {
                    Thread.sleep(300);
                    out.write('a');
                    out.flush();
                  }
                } catch (IOException | InterruptedException e) {
                  // cut off, as expected
                }
              });
      drip.start();
      s.setSoTimeout(20_000);
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      double seconds = (System.nanoTime() - started) / 1e9;
      drip.interrupt();
      assertEquals("HTTP/1.1 408 Request Timeout", status(answer), answer);
      assertTrue(seconds < 8, "cut off after " + seconds + " s");
    }
  }

  @Test
  void aClientThatNeverReadsItsAnswerIsCutOff() throws Exception {
    try (PreviewServer server =
            serving(
                PreviewServer.bind("127.0.0.1", 0, Duration.ofSeconds(2), Duration.ofSeconds(3)));
        Socket s = new Socket("127.0.0.1", server.url().getPort())) {
      s.setReceiveBufferSize(4096);
      s.getOutputStream()
          .write(
              "GET /big.pdf HTTP/1.1\r\nHost: localhost\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      Thread.sleep(5_000);
      // By now the watchdog has closed the connection: the client gets far less than the 16 MiB.
      s.setSoTimeout(20_000);
      long received = 0;
      try (InputStream in = s.getInputStream()) {
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received += n;
        }
      } catch (IOException e) {
        // reset by the closing server: also cut off
      }
      assertTrue(received < 16 << 20, "received " + received + " bytes");
      // And the server still answers others.
      assertEquals("HTTP/1.1 200 OK", status(get(server, "localhost")));
    }
  }

  @Test
  void answersLoopbackHostNamesWithOrWithoutItsPort() throws Exception {
    try (PreviewServer server = serving("127.0.0.1")) {
      int port = server.url().getPort();
      for (String host :
          List.of(
              "localhost:" + port,
              "127.0.0.1:" + port,
              "[::1]:" + port,
              "localhost",
              "LOCALHOST:" + port)) {
        assertEquals("HTTP/1.1 200 OK", status(get(server, host)), host);
      }
    }
  }

  @Test
  void refusesAnotherHostNameAsARebindingPageWouldSendIt() throws Exception {
    try (PreviewServer server = serving("127.0.0.1")) {
      int port = server.url().getPort();
      String answer = get(server, "attacker.example:" + port);
      assertEquals("HTTP/1.1 403 Forbidden", status(answer), answer);
      assertFalse(answer.contains("portfolio"), answer);
      assertEquals(
          "HTTP/1.1 403 Forbidden", status(get(server, "localhost:" + (port == 1 ? 2 : 1))));
      assertEquals("HTTP/1.1 403 Forbidden", status(get(server, "localhost.attacker.example")));
      assertEquals("HTTP/1.1 403 Forbidden", status(get(server, "10.0.0.5:" + port)));
      assertEquals(
          "HTTP/1.1 403 Forbidden", status(exchange(server, "GET / HTTP/1.1\r\n\r\n")), "no Host");
      assertEquals(
          "HTTP/1.1 403 Forbidden",
          status(
              exchange(
                  server, "GET / HTTP/1.1\r\nHost: localhost\r\nHost: attacker.example\r\n\r\n")),
          "two Hosts");
    }
  }

  @Test
  void answersAddressesWhenListeningOnEveryAddressButNotNames() throws Exception {
    try (PreviewServer server = serving("0.0.0.0")) {
      int port = server.url().getPort();
      assertEquals("HTTP/1.1 200 OK", status(get(server, "192.168.1.20:" + port)));
      assertEquals("HTTP/1.1 200 OK", status(get(server, "localhost:" + port)));
      assertEquals("HTTP/1.1 403 Forbidden", status(get(server, "attacker.example:" + port)));
    }
  }

  @Test
  void refusesAnOversizedRequestHead() throws Exception {
    try (PreviewServer server = serving("127.0.0.1")) {
      String answer =
          exchange(
              server,
              "GET / HTTP/1.1\r\nHost: localhost\r\nX: "
                  + "a".repeat(PreviewServer.MAX_HEAD + 10)
                  + "\r\n\r\n");
      assertEquals("HTTP/1.1 431 Request Header Fields Too Large", status(answer), answer);
    }
  }

  @Test
  void refusesWhatIsNotAnHttpRequest() throws Exception {
    try (PreviewServer server = serving("127.0.0.1")) {
      assertEquals("HTTP/1.1 400 Bad Request", status(exchange(server, "HELLO\r\n\r\n")));
      assertEquals(
          "HTTP/1.1 400 Bad Request",
          status(
              exchange(
                  server, "GET http://attacker.example/ HTTP/1.1\r\nHost: localhost\r\n\r\n")));
    }
  }
}
