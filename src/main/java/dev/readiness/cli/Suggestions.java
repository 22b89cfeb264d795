package dev.readiness.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The known names closest to a misspelt command or option, for "did you mean". */
final class Suggestions {
  private Suggestions() {}

  /**
   * The names of {@code known} that {@code typed} is a likely misspelling of: at most two edits
   * away (a swap of neighbours counts as one), or of which it is the start; closest first, at most
   * three.
   */
  static List<String> closest(String typed, Collection<String> known) {
    String word = typed.toLowerCase(Locale.ROOT);
    int stem = word.replaceFirst("^-+", "").length();
    if (stem < 2) {
      return List.of();
    }
    int allowed = stem <= 4 ? 1 : 2;
    return known.stream()
        .filter(name -> !name.equals(typed))
        .filter(
            name ->
                distance(word, name.toLowerCase(Locale.ROOT)) <= allowed
                    || (stem >= 3 && name.toLowerCase(Locale.ROOT).startsWith(word)))
        .sorted(
            Comparator.comparingInt((String name) -> distance(word, name.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()))
        .distinct()
        .limit(3)
        .toList();
  }

  /** Edits (insert, delete, replace, swap of neighbours) that turn {@code a} into {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
