package dev.readiness.analyze;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalized text that identifies an item across reviews and within one: Unicode NFKC, case
 * folded, whitespace folded, trailing status marks and words (✅ ❌ DONE COMPLETE …) dropped.
 */
public final class ItemText {
  private static final Pattern TRAILING_STATUS =
      Pattern.compile(
          "(?:[\\s(\\[-]*(?:✅|✔️?|☑️?|⚠️?|⬜|🟡|🟠|🟢|🔴|⏳|❌|✖️?|\\bdone\\b|\\bcomplete[d]?\\b|\\bok\\b)[)\\]\\s.!:-]*)+$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ItemText() {}

  /** The normalized form of an item's plain text. */
  public static String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("\uFE0F", "");
    s = SPACES.matcher(s).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    String stripped = TRAILING_STATUS.matcher(s).replaceFirst("").strip();
    return stripped.isEmpty() ? s : stripped;
  }
}
