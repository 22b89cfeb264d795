package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemTextTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Backup restoration tested|backup restoration tested",
        "  Backup   RESTORATION\ttested |backup restoration tested",
        "Session-Buddy encryption implemented (Phase 3) ✅|session-buddy encryption implemented (phase 3)",
        "0.2 Messaging Types ✅ DONE|0.2 messaging types",
        "RBAC Implementation ✅ COMPLETE|rbac implementation",
        "Migration (done)|migration",
        "Runbook documentation complete|runbook documentation",
        "Code Graph Analyzer ❌ EMPTY DIRECTORY|code graph analyzer ❌ empty directory",
        "Undone work|undone work",
        "done|done",
        "✅|✅",
        "Ｆｕｌｌｗｉｄｔｈ ＴＬＳ ✔️|fullwidth tls",
        "ＴＬＳ|tls",
        "Éclair prêt ⚠️|éclair prêt"
      })
  void normalizes(String text, String expected) {
    assertEquals(expected, ItemText.normalize(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "0.1 Code Graph Analyzer (Week 1-2)|0.1 code graph analyzer",
        "0.1 Code Graph Analyzer ❌ EMPTY DIRECTORY|0.1 code graph analyzer",
        "Real Adapter Code Written ✅ (830 lines)|real adapter code written",
        "Load testing - ⚠️ partial|load testing",
        "Documents (v2) (draft)|documents",
        "API ❌ missing|null",
        "❌ broken|null",
        "Plain text stays|plain text stays"
      })
  void stemsAStatusOrNoteAppendedToAnItem(String text, String expected) {
    assertEquals(expected, ItemText.stem(ItemText.normalize(text)));
  }
}
