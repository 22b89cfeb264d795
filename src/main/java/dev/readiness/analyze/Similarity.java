package dev.readiness.analyze;

import java.util.HashMap;
import java.util.Map;

/**
 * Sørensen–Dice similarity of two texts over their character bigrams (multiset, the text padded
 * with a space at each end): 1.0 for equal texts, 0.0 for texts without a common bigram.
 */
final class Similarity {
  /** Texts at least this similar are the same item reworded. */
  static final double REWORDED = 0.75;

  private Similarity() {}

  static double dice(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    Map<Integer, Integer> left = bigrams(a);
    Map<Integer, Integer> right = bigrams(b);
    int total = 0;
    for (int n : left.values()) {
      total += n;
    }
    for (int n : right.values()) {
      total += n;
    }
    if (total == 0) {
      return 0.0;
    }
    int common = 0;
    for (Map.Entry<Integer, Integer> e : left.entrySet()) {
      common += Math.min(e.getValue(), right.getOrDefault(e.getKey(), 0));
    }
    return 2.0 * common / total;
  }

  private static Map<Integer, Integer> bigrams(String text) {
    String padded = " " + text + " ";
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i + 1 < padded.length(); i++) {
      counts.merge(padded.charAt(i) << 16 | padded.charAt(i + 1), 1, Integer::sum);
    }
    return counts;
  }
}
