package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowserTest {
  private static final URI URL = URI.create("http://127.0.0.1:8000/");

  @Test
  void usesTheDesktopsOpenerWithoutBrowser() {
    assertEquals(List.of("xdg-open", URL.toString()), Browser.command(URL, Map.of(), "Linux"));
    assertEquals(List.of("open", URL.toString()), Browser.command(URL, Map.of(), "Mac OS X"));
    assertEquals(
        List.of("rundll32", "url.dll,FileProtocolHandler", URL.toString()),
        Browser.command(URL, Map.of(), "Windows 11"));
  }

  @Test
  void browserWinsAndMayPlaceTheAddress() {
    assertEquals(
        List.of("firefox", "--new-tab", URL.toString()),
        Browser.command(URL, Map.of("BROWSER", "firefox --new-tab"), "Linux"));
    assertEquals(
        List.of("w3m", URL + "#top"),
        Browser.command(URL, Map.of("BROWSER", "w3m %s#top:lynx"), "Linux"),
        "the first of a ':' list; %s is the address");
    assertEquals(
        List.of("xdg-open", URL.toString()),
        Browser.command(URL, Map.of("BROWSER", "  "), "Linux"));
  }
}
