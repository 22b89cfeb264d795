package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> COMMANDS =
      List.of("build", "check", "diff", "inspect", "serve", "new", "init", "pdf");

  @Test
  void countsInsertionsDeletionsReplacementsAndSwaps() {
    assertEquals(0, Suggestions.distance("build", "build"));
    assertEquals(1, Suggestions.distance("biuld", "build"), "a swap of neighbours is one edit");
    assertEquals(1, Suggestions.distance("buld", "build"));
    assertEquals(1, Suggestions.distance("buildd", "build"));
    assertEquals(1, Suggestions.distance("bxild", "build"));
    assertEquals(1, Suggestions.distance("--prot", "--port"));
    assertEquals(5, Suggestions.distance("", "build"));
  }

  @Test
  void suggestsCloseNamesAndNamesThatStartWithWhatWasTyped() {
    assertEquals(List.of("build"), Suggestions.closest("biuld", COMMANDS));
    assertEquals(List.of("serve"), Suggestions.closest("serv", COMMANDS));
    assertEquals(
        List.of("inspect"),
        Suggestions.closest("insp", COMMANDS),
        "a prefix of three letters or more");
    assertEquals(List.of(), Suggestions.closest("publish", COMMANDS));
    assertEquals(
        List.of(), Suggestions.closest("x", COMMANDS), "one letter is too little to guess from");
    assertEquals(
        List.of("--output", "--input"),
        Suggestions.closest("--ouput", List.of("--input", "--output", "--jobs")),
        "closest first");
  }
}
