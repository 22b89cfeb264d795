package dev.readiness.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --templates DIR} re-skins the site file by file. */
class TemplateOverrideTest {
  @TempDir Path dir;

  @Test
  void overridingOneTemplateAndTheStylesheetKeepsEverythingElseBundled() throws IOException {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("assets"));
    Files.writeString(
        theme.resolve("blockers.ftlh"),
        """
        <#import "layout.ftlh" as layout>
        <@layout.page title="Stoppers" h1="Stoppers" active="blockers">
        <ul id="stoppers"><#list blockers as b><li>${b.status.blocker.title} (${b.status.ageDays} d)</li></#list></ul>
        </@layout.page>
        """);
    Files.writeString(theme.resolve("assets/site.css"), "body { background: hotpink; }\n");
    Files.writeString(
        theme.resolve("assets/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    BuiltSite site = BuiltSite.build(Path.of("checklists"), dir, null, theme, false);

    assertEquals("Stoppers · Production readiness", site.page("blockers/index.html").title());
    assertEquals(
        java.util.List.of(
            "Documentation (35 d)", "Rollback Procedures (7 d)", "Alert routing (0 d)"),
        site.page("blockers/index.html").select("#stoppers li").eachText());
    assertEquals("body { background: hotpink; }\n", site.text("assets/site.css"));
    assertTrue(site.files().contains("assets/logo.svg"));
    assertTrue(
        site.page("index.html").select("#projects tbody tr").size() == 2,
        "the portfolio stays bundled");
  }

  @Test
  void aLinkInTheThemesAssetsIsRefusedByName() throws IOException {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("assets/img"));
    Path secret = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0\n");
    Files.createSymbolicLink(theme.resolve("assets/img/passwd"), secret);
    java.io.UncheckedIOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.UncheckedIOException.class,
            () -> BuiltSite.build(Path.of("checklists"), dir, null, theme, false));
    assertTrue(
        e.getCause()
            .getMessage()
            .startsWith(theme.resolve("assets/img/passwd") + " is a symbolic link;"),
        e.getCause().getMessage());
    assertTrue(!Files.exists(dir.resolve("site")), "nothing is published");
  }

  @Test
  void aLinkedAssetsFolderIsRefusedToo() throws IOException {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme);
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("site.css"), "body {}\n");
    Files.createSymbolicLink(theme.resolve("assets"), elsewhere);
    java.io.UncheckedIOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.UncheckedIOException.class,
            () -> BuiltSite.build(Path.of("checklists"), dir, null, theme, false));
    assertTrue(
        e.getCause().getMessage().contains("assets is a symbolic link"), e.getCause().getMessage());
  }
}
