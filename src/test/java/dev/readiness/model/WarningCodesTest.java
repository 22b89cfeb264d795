package dev.readiness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WarningCodesTest {
  private static final Pattern WARNING = Pattern.compile("Problem\\.warning\\(\\s*\"([A-Z_]+)\"");

  @Test
  void everyWarningTheSourcesGiveIsKnown() throws IOException {
    Set<String> given = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = WARNING.matcher(Files.readString(file));
        while (m.find()) {
          given.add(m.group(1));
        }
      }
    }
    assertTrue(given.size() >= 14, "found " + given);
    Set<String> unknown = new TreeSet<>(given);
    unknown.removeAll(WarningCodes.all());
    assertEquals(
        Set.of(), unknown, "add these to WarningCodes so that readiness.yaml can set their level");
  }

  @Test
  void aContentWarningIsFolded() {
    assertEquals(WarningCodes.Kind.CONTENT, WarningCodes.kind("STATED_DRIFT"));
  }

  @Test
  void aProblemWithTheFileIsNamed() {
    assertEquals(WarningCodes.Kind.FILE, WarningCodes.kind("FRONT_MATTER"));
  }

  @Test
  void anUnlistedCodeIsNamedRatherThanFolded() {
    assertEquals(WarningCodes.Kind.FILE, WarningCodes.kind("SOMETHING_NEW"));
  }
}
