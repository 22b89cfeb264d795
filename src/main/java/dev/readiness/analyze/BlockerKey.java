package dev.readiness.analyze;

import dev.readiness.model.Blocker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A blocker's identity across reviews: its normalized title. Within one review, the same blocker
 * listed twice (under "Critical Blockers 🔴" and again under "## Blockers", often in other words)
 * counts once: see {@link #distinct}.
 */
final class BlockerKey {
  /**
   * Word overlap (Sørensen–Dice over word sets) at which two listings of one review are one
   * blocker.
   */
  static final double SAME_LISTING = 0.8;

  /**
   * The most listings compared pairwise: a review listing more blockers than this (hostile or
   * generated input) drops only listings with equal titles, so that it costs linear time.
   */
  static final int FUZZY_LIMIT = 200;

  private BlockerKey() {}

  static String of(Blocker blocker) {
    return ItemText.normalize(blocker.title());
  }

  /**
   * The blockers of one review with repeated listings dropped, the first listing kept. Two listings
   * are one blocker when their titles normalize alike; when the shorter title, of at least two
   * words, starts the other listing's text word for word ("Tests Failing" and "Tests failing (49.6%
   * pass rate)"); or when the words of title and detail, at least four on each side, overlap by
   * {@value #SAME_LISTING} or more ("Dependencies Missing - opensearchpy, prefect, agno not
   * installed" and "Dependencies not installed (opensearchpy, prefect, agno)").
   */
  static List<Blocker> distinct(List<Blocker> blockers) {
    List<Blocker> kept = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    List<Listing> seen = new ArrayList<>();
    boolean fuzzy = blockers.size() <= FUZZY_LIMIT;
    for (Blocker b : blockers) {
      if (!keys.add(of(b))) {
        continue;
      }
      if (fuzzy) {
        Listing listing = new Listing(b);
        if (seen.stream().anyMatch(listing::sameAs)) {
          continue;
        }
        seen.add(listing);
      }
      kept.add(b);
    }
    return kept;
  }

  /** A blocker's title key, its whole text normalized, and the words of that text. */
  private record Listing(String key, String text, List<String> titleWords, Set<String> words) {
    Listing(Blocker b) {
      this(of(b), ItemText.normalize(b.title() + " " + b.detail()));
    }

    private Listing(String key, String text) {
      this(key, text, words(key), new HashSet<>(words(text)));
    }

    boolean sameAs(Listing other) {
      if (key.equals(other.key)) {
        return true;
      }
      Listing shorter = titleWords.size() <= other.titleWords.size() ? this : other;
      Listing longer = shorter == this ? other : this;
      if (shorter.titleWords.size() >= 2 && startsWith(words(longer.text), shorter.titleWords)) {
        return true;
      }
      if (words.size() < 4 || other.words.size() < 4) {
        return false;
      }
      int shared = 0;
      for (String w : words) {
        if (other.words.contains(w)) {
          shared++;
        }
      }
      return 2.0 * shared / (words.size() + other.words.size()) >= SAME_LISTING;
    }

    private static boolean startsWith(List<String> words, List<String> prefix) {
      return words.size() >= prefix.size() && words.subList(0, prefix.size()).equals(prefix);
    }

    private static List<String> words(String text) {
      List<String> words = new ArrayList<>();
      for (String w : text.split("[^\\p{L}\\p{N}']+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      return words;
    }
  }
}
