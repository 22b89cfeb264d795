package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
  @Test
  void bashCompletesCommandsOptionsAndValues(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run("completion", "bash");
    assertEquals(0, r.code(), r.toString());
    Path script = Files.writeString(dir.resolve("readiness.bash"), r.out());
    assertEquals("build", complete(script, "readiness", "bu"));
    assertEquals("inspect init", complete(script, "readiness", "in"));
    assertEquals("--no-pdf", complete(script, "readiness", "build", "--no"));
    assertEquals("--min-percent", complete(script, "readiness", "check", "--min"));
    assertEquals("--open", complete(script, "readiness", "serve", "--op"));
    assertEquals("bash zsh", complete(script, "readiness", "completion", ""));
  }

  @Test
  void zshGetsTheSameScriptThroughBashcompinit() {
    Cli.Result bash = Cli.run("completion", "bash");
    Cli.Result zsh = Cli.run("completion", "zsh");
    assertEquals(0, zsh.code(), zsh.toString());
    assertTrue(zsh.out().endsWith(bash.out()), "zsh runs the bash script");
    assertTrue(zsh.out().contains("autoload -U +X bashcompinit && bashcompinit"), zsh.out());
    assertTrue(zsh.out().startsWith("# readiness completion for zsh"), zsh.out());

    Cli.Result fish = Cli.run("completion", "fish");
    assertEquals(2, fish.code(), fish.toString());
    assertEquals(1, fish.err().lines().count(), fish.toString());
    assertTrue(fish.err().contains("expected one of [bash, zsh]"), fish.err());
  }

  /** What bash's completion offers for the words typed so far (the last one being completed). */
  private static String complete(Path script, String... words)
      throws IOException, InterruptedException {
    StringBuilder array = new StringBuilder();
    for (String word : words) {
      array.append(" '").append(word).append("'");
    }
    String line = String.join(" ", words);
    String program =
        "source '"
            + script
            + "'\n"
            + "COMP_WORDS=("
            + array
            + ")\n"
            + "COMP_CWORD="
            + (words.length - 1)
            + "\n"
            + "COMP_LINE='"
            + line
            + "'\n"
            + "COMP_POINT="
            + line.length()
            + "\n"
            + "_complete_readiness 2>/dev/null\n"
            + "echo \"${COMPREPLY[*]}\"\n";
    Process bash =
        new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program)
            .redirectErrorStream(true)
            .start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, bash.exitValue(), out);
    List<String> lines = out.lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
  }
}
