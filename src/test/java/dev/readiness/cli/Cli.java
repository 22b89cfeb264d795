package dev.readiness.cli;

import dev.readiness.ExampleData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line in-process with captured output, as the tests of each command do. */
final class Cli {
  /** The bundled example history, at the repository root. */
  static final Path CHECKLISTS = Path.of("checklists");

  /** A fixed build time (2026-03-16T00:00:00Z), so that dates and PDFs are reproducible. */
  static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1773619200");

  private Cli() {}

  /** What a run printed and returned. */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Result run(String... args) {
    return run(EPOCH, Terminal.NONE, args);
  }

  static Result run(Map<String, String> env, Terminal terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true)) {
      code = Main.execute(new Main(env, terminal), args, o, e);
    }
    return new Result(code, out.toString(), err.toString());
  }

  /** Copies the example checklists into {@code dir}/checklists and returns that folder. */
  static Path copyChecklists(Path dir) throws IOException {
    return ExampleData.copy(dir);
  }
}
