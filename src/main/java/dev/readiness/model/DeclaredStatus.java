package dev.readiness.model;

/** The status a heading declares with its marks (✅, ⚠️, ⬜ 🟡 ⏳, ❌ or the word COMPLETE). */
public enum DeclaredStatus {
  COMPLETE("complete"),
  AT_RISK("at-risk"),
  IN_PROGRESS("in-progress"),
  NOT_DONE("not-done");

  private final String key;

  DeclaredStatus(String key) {
    this.key = key;
  }

  /** The key used in JSON and CSS classes, e.g. {@code at-risk}. */
  public String key() {
    return key;
  }
}
