package dev.readiness.render.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.analyze.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteTemplatesTest {
  @TempDir Path dir;

  public record Figure(String label, Double percent) {}

  @Test
  void bundledTemplatesLoadFromTheJarAndEscapeByDefault() throws IOException {
    Files.writeString(
        dir.resolve("t.ftlh"), "<p>${f.label} ${fmt.percent(f.percent)} ${fmt.percent(none)}</p>");
    SiteTemplates templates = new SiteTemplates(dir);
    String out =
        templates.render(
            "t.ftlh", Map.of("f", new Figure("<b>x</b>", 21.2), "fmt", TemplateFormat.INSTANCE));
    assertEquals("<p>&lt;b&gt;x&lt;/b&gt; 21.2% n/a</p>", out);
  }

  @Test
  void aFileInTheOverrideFolderWinsOverTheBundledOne() throws IOException {
    Files.writeString(dir.resolve("blockers.ftlh"), "custom ${who}");
    assertEquals("custom me", new SiteTemplates(dir).render("blockers.ftlh", Map.of("who", "me")));
    // Without the folder, the bundled blockers.ftlh is used (it needs the full model, so it fails
    // on ours).
    IOException e =
        assertThrows(
            IOException.class,
            () -> new SiteTemplates(null).render("blockers.ftlh", Map.of("who", "me")));
    assertTrue(e.getMessage().startsWith("template blockers.ftlh: "), e.getMessage());
  }

  @Test
  void overrideAssetsReplaceAndAddFiles() throws IOException {
    Files.createDirectories(dir.resolve("assets/fonts"));
    Files.writeString(dir.resolve("assets/site.css"), "body{}");
    Files.write(dir.resolve("assets/fonts/a.woff2"), new byte[] {1, 2, 3});
    Map<String, byte[]> assets = new SiteTemplates(dir).assets();
    assertEquals(
        List.of("check.svg", "favicon.svg", "fonts/a.woff2", "site.css", "site.js"),
        List.copyOf(assets.keySet()));
    assertEquals("body{}", new String(assets.get("site.css"), StandardCharsets.UTF_8));
    assertArrayEquals(new byte[] {1, 2, 3}, assets.get("fonts/a.woff2"));
    assertTrue(
        new String(new SiteTemplates(null).assets().get("site.css"), StandardCharsets.UTF_8)
            .contains("prefers-color-scheme: dark"));
  }

  @Test
  void templatesCannotCreateJavaObjects() throws IOException {
    Files.writeString(
        dir.resolve("evil.ftlh"),
        "<#assign h = \"freemarker.template.SimpleHash\"?new()>${h?size}");
    IOException e =
        assertThrows(IOException.class, () -> new SiteTemplates(dir).render("evil.ftlh", Map.of()));
    assertTrue(e.getMessage().contains("evil.ftlh"), e.getMessage());
  }

  @Test
  void formatsCountsWithTheirNoun() {
    assertEquals("1 warning", TemplateFormat.INSTANCE.count(1, "warning"));
    assertEquals("0 warnings", TemplateFormat.INSTANCE.count(0, "warning"));
    assertEquals("heat-5", TemplateFormat.INSTANCE.heat(52.2));
    assertEquals("heat-10", TemplateFormat.INSTANCE.heat(100.0));
    assertEquals("heat-na", TemplateFormat.INSTANCE.heat(null));
    assertEquals("−30.8", TemplateFormat.INSTANCE.signed(-30.8));
  }

  @Test
  void remembersFiguresAsFormatWritesThem() {
    // Twice each, so the second reads what the first remembered; an integer and a double of one
    // value
    // share an entry, and so must read alike.
    for (int round = 0; round < 2; round++) {
      for (double v : new double[] {0, 21.25, 21.35, -2, 99.96, 100, 1e16, -0.0}) {
        assertEquals(Format.percent(v), TemplateFormat.INSTANCE.percent(v), "percent " + v);
        assertEquals(Format.number(v), TemplateFormat.INSTANCE.num(v), "num " + v);
        assertEquals(Format.signed(v), TemplateFormat.INSTANCE.signed(v), "signed " + v);
      }
      assertEquals("5%", TemplateFormat.INSTANCE.percent(5));
      assertEquals("n/a", TemplateFormat.INSTANCE.percent(null));
      assertEquals("n/a", TemplateFormat.INSTANCE.signed("x"));
    }
    assertEquals("21.3%", TemplateFormat.INSTANCE.percent(21.25));
    assertEquals("−2", TemplateFormat.INSTANCE.signed(-2.0));
  }
}
