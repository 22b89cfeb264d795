package dev.readiness.read;

import static dev.readiness.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.model.DeclaredStatus;
import dev.readiness.model.Section;
import org.junit.jupiter.api.Test;

/** Status marks, the word COMPLETE and shortcodes in headings, through the parser. */
class StatusMarksTest {
  private static Section section(String markdown) {
    return parse(markdown).snapshot().sections().get(0);
  }

  @Test
  void dropsTheWordCompleteFromAPlainHeading() {
    Section s = section("## 1. Alpha COMPLETE\n- [x] a\n");
    assertEquals("Alpha", s.title());
    assertEquals(DeclaredStatus.COMPLETE, s.declared());
  }

  @Test
  void dropsALeadingShortcodeFromAPlainHeading() {
    assertEquals("Launch", section("## :rocket: Launch\n- [ ] a\n").title());
  }

  @Test
  void readsAShortcodeOfEveryAllowedCharacter() {
    assertEquals("Launch", section("## :a-z_0+9: Launch\n- [ ] a\n").title());
  }

  @Test
  void keepsAColonThatOpensNoShortcode() {
    assertEquals(":A: Launch", section("## :A: Launch\n- [ ] a\n").title());
  }

  @Test
  void takesTheFirstMarkOfAHeading() {
    assertEquals(DeclaredStatus.AT_RISK, section("## Alpha ⚠️ ✅\n- [ ] a\n").declared());
    assertEquals(DeclaredStatus.COMPLETE, section("## Alpha ✅ ⚠️\n- [ ] a\n").declared());
  }

  @Test
  void takesTheWordCompleteBeforeALaterMark() {
    assertEquals(DeclaredStatus.COMPLETE, section("## Alpha COMPLETE ❌\n- [ ] a\n").declared());
    assertEquals(DeclaredStatus.NOT_DONE, section("## Alpha ❌ COMPLETE\n- [ ] a\n").declared());
  }
}
