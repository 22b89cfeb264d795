package dev.readiness.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every warning code readiness gives, each with its kind: what a checklist says ({@link
 * Kind#CONTENT}, settled history in an older review) or a mistake in the file itself ({@link
 * Kind#FILE}, always worth naming). {@code readiness.yaml}'s {@code warnings:} accepts these codes
 * only. A code added anywhere in the tool belongs here too (a test looks for strays).
 */
public final class WarningCodes {
  /** What a warning is about. */
  public enum Kind {
    /** The checklist's figures and wording: drift, open items under a complete mark, ... */
    CONTENT,
    /** The file itself: its date, front matter, structure, or what could not be drawn from it. */
    FILE
  }

  private static final Map<String, Kind> CODES =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("STATED_DRIFT", Kind.CONTENT),
              Map.entry("COMPLETE_WITH_OPEN", Kind.CONTENT),
              Map.entry("CHECKMARK_UNCHECKED", Kind.CONTENT),
              Map.entry("CONTRADICTION", Kind.CONTENT),
              Map.entry("REVIEW_OVERDUE", Kind.CONTENT),
              Map.entry("UNSIGNED", Kind.CONTENT),
              Map.entry("NO_ITEMS", Kind.CONTENT),
              Map.entry("MALFORMED_BOX", Kind.CONTENT),
              Map.entry("DATE_MISMATCH", Kind.FILE),
              Map.entry("FUTURE_DATE", Kind.FILE),
              Map.entry("NO_DATE", Kind.FILE),
              Map.entry("BAD_DATE", Kind.FILE),
              Map.entry("IMPLAUSIBLE_DATE", Kind.FILE),
              Map.entry("FRONT_MATTER", Kind.FILE),
              Map.entry("DEEP_NESTING", Kind.FILE),
              Map.entry("SLUG_CLASH", Kind.FILE),
              Map.entry("TOO_MANY_REVIEWS", Kind.FILE),
              Map.entry("PDF_MISSING_GLYPHS", Kind.FILE),
              // Git sources (docs/git.md); UNREADABLE is a warning for an older commit's state
              // only.
              Map.entry("GIT_NO_COMMITS", Kind.FILE),
              Map.entry("GIT_SHALLOW", Kind.FILE),
              Map.entry("GIT_DELETED", Kind.FILE),
              Map.entry("UNREADABLE", Kind.FILE)));

  private WarningCodes() {}

  /** Whether {@code code} is a warning code of this version. */
  public static boolean isKnown(String code) {
    return CODES.containsKey(code);
  }

  /**
   * The kind of a warning code; a code not listed here counts as {@link Kind#FILE}, so it is named.
   */
  public static Kind kind(String code) {
    return CODES.getOrDefault(code, Kind.FILE);
  }

  /** Every warning code, sorted. */
  public static SortedSet<String> all() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(CODES.keySet()));
  }
}
