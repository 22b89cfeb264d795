package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.render.text.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal escape sequences in checklist text (and file names) reach no terminal: every command
 * that prints checklist text shows control characters visibly, so a checklist cannot erase, rewrite
 * or recolour lines of a terminal or a CI log.
 */
class TerminalEscapeTest {
  /** Control characters other than the newline that ends each line. */
  private static final Pattern RAW_CONTROL =
      Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e]");

  /**
   * ESC [2K erases the line; ESC ]0; sets the window title; BEL; backspaces; CSI as one C1
   * character.
   */
  private static final String HOSTILE =
      """
      # Title \u001b]0;owned\u0007 here \u001b[2K
      **Project**: P\u001b[31m red

      ## 1. Section \u001b[1A\u001b[2K up ✅

      - [x] done \u0008\u0008\u0008 back
      - [ ] open \u001b[2Kitem DONE
      - [ ] open \u202eevil override

      ## Blockers

      - **Block\u001b[8m hidden** - detail \u009b31m csi
      """;

  private static void assertVisible(Cli.Result r) {
    String all = r.out() + r.err();
    assertTrue(!RAW_CONTROL.matcher(all).find(), "raw control character in:\n" + r);
    assertTrue(all.contains("\\e[2K"), "ESC shown as \\e:\n" + r);
  }

  @Test
  void showsControlCharactersVisibly() {
    assertEquals(
        "a\\e[2Kb\\u0007c\\rd\\u009b\\u202e",
        TerminalText.visible("a\u001b[2Kb\u0007c\rd\u009b\u202e"));
    assertEquals("plain – ✅ عربي", TerminalText.visible("plain – ✅ عربي"));
  }

  @Test
  void inspectShowsEscapesVisibly(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("2026-01-05.md"), HOSTILE);
    Cli.Result r = Cli.run("inspect", file.toString());
    assertEquals(0, r.code(), r.toString());
    assertVisible(r);
    assertTrue(r.out().startsWith("Title \\e]0;owned\\u0007 here \\e[2K — P\\e[31m red"), r.out());
  }

  @Test
  void buildWarningsAndErrorsShowEscapesVisibly(@TempDir Path dir) throws Exception {
    Path project = Files.createDirectories(dir.resolve("in/p"));
    Files.writeString(project.resolve("2026-01-05.md"), HOSTILE);
    Files.writeString(project.resolve("2026-01-12-\u001b[2K.md"), "");
    Cli.Result r =
        Cli.run(
            "build",
            "--no-pdf",
            "--input",
            project.getParent().toString(),
            "--output",
            dir.resolve("site").toString());
    assertEquals(1, r.code(), r.toString());
    assertVisible(r);
    assertTrue(r.err().contains("2026-01-12-\\e[2K.md: error: "), r.err());
    assertTrue(
        r.err().contains("CHECKMARK_UNCHECKED  \"open \\e[2Kitem DONE\" says it is done"), r.err());
  }

  @Test
  void checkShowsEscapesVisibly(@TempDir Path dir) throws Exception {
    Path project = Files.createDirectories(dir.resolve("in/p"));
    Files.writeString(project.resolve("2026-01-05.md"), HOSTILE);
    Files.writeString(project.resolve("2026-01-12-\u001b[2K.md"), "");
    Cli.Result r = Cli.run("check", "--input", project.getParent().toString());
    assertEquals(1, r.code(), r.toString());
    assertVisible(r);
  }

  @Test
  void diffShowsEscapesVisibly(@TempDir Path dir) throws Exception {
    Path old = Files.writeString(dir.resolve("old.md"), "# T\n\n## 1. Section\n\n- [ ] first\n");
    Path now = Files.writeString(dir.resolve("new.md"), HOSTILE);
    Cli.Result r = Cli.run("diff", old.toString(), now.toString());
    assertEquals(0, r.code(), r.toString());
    assertVisible(r);
  }
}
