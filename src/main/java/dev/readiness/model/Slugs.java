package dev.readiness.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns names into slugs ({@code [a-z0-9-]+}) that are safe as folder and file names everywhere.
 */
public final class Slugs {
  private static final Set<String> RESERVED =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
  private static final int MAX_LENGTH = 64;

  private Slugs() {}

  /** The slug of a name: accents dropped, lower case, runs of other characters become one dash. */
  public static String slugify(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > MAX_LENGTH) {
      s = s.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    if (s.isEmpty()) {
      return "project";
    }
    return RESERVED.contains(s) ? s + "-project" : s;
  }

  /** Whether a text is already a valid slug. */
  public static boolean isSlug(String text) {
    return text.matches("[a-z0-9]+(-[a-z0-9]+)*")
        && text.length() <= MAX_LENGTH
        && !RESERVED.contains(text);
  }
}
