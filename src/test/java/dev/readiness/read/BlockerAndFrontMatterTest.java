package dev.readiness.read;

import static dev.readiness.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.model.Blocker;
import dev.readiness.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which blockers are open, and where a front-matter problem is reported, through the parser. */
class BlockerAndFrontMatterTest {
  private static List<String> open(String markdown) {
    return parse(markdown).snapshot().blockers().stream().map(Blocker::title).toList();
  }

  @Test
  void appliesAResolvedLabelOnlyToTheEntriesBelowIt() {
    assertEquals(
        List.of("DB"),
        open(
            """
        ## Blockers
        - **DB** - down
        **Resolved:**
        - **Cache** - fixed
        """));
  }

  @Test
  void keepsAnEntryOpenBelowAnOpenLabel() {
    assertEquals(
        List.of("DB", "Cache"),
        open(
            """
        ## Blockers
        **Open:**
        - **DB** - down
        - **Cache** - slow
        """));
  }

  @Test
  void treatsACheckedBlockerAsResolved() {
    assertEquals(
        List.of("Cache"),
        open(
            """
        ## Blockers
        - [x] **DB** - fixed
        - [ ] **Cache** - down
        """));
  }

  @Test
  void reportsInvalidFrontMatterAtItsLineInTheFile() {
    // Line 1 "---", line 2 "owner: a", line 3 the unclosed flow sequence.
    List<Problem> problems = parse("---\nowner: a\nticket: [a, b\n---\n- [ ] a\n").problems();
    assertEquals(
        List.of("FRONT_MATTER:3"), problems.stream().map(p -> p.code() + ":" + p.line()).toList());
  }
}
