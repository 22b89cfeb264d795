package dev.readiness;

import dev.readiness.read.ParsedDocument;
import dev.readiness.read.SnapshotParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Shared test inputs: the seed, the corpus copies, the bundled example history. */
public final class Fixtures {
  private Fixtures() {}

  /** The seed checklist's text. */
  public static String seed() {
    return resource("seed/production-readiness-checklist.md");
  }

  /** A test resource as UTF-8 text. */
  public static String resource(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A test resource's path. */
  public static Path resourcePath(String name) {
    try {
      return Paths.get(Fixtures.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The repository's bundled example history. */
  public static Path checklists() {
    return Path.of("checklists").toAbsolutePath();
  }

  /** Parses Markdown text as file {@code test.md}. */
  public static ParsedDocument parse(String markdown) {
    return new SnapshotParser().parse("test.md", markdown);
  }
}
