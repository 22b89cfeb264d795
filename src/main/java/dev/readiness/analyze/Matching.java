package dev.readiness.analyze;

import dev.readiness.model.Item;
import dev.readiness.model.Section;
import dev.readiness.model.Slugs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Pairs the sections and items of two consecutive reviews (SPEC "Across reviews"). Results are
 * keyed by identity.
 *
 * <p>Sections pair by number and title, then by title, then (renamed or renumbered) by most of
 * their items: at least half of the larger section's items must have the same text; last, a section
 * whose title only gains or loses words at the end ("Phase Status" and "Phase Status (HONEST
 * Assessment)") continues when that pairing is unambiguous. Items pair within paired sections by
 * normalized text ({@link ItemText}), duplicates in document order; the rest pair greedily, most
 * similar first, when their {@link Similarity} is at least {@value Similarity#REWORDED} or their
 * {@link ItemText#stem stems} are equal (a status or note appended: "Code Graph Analyzer (Week
 * 1-2)" → "Code Graph Analyzer ❌ EMPTY DIRECTORY"), unless that would take more than {@link
 * #REWORD_BUDGET} comparisons.
 */
final class Matching {
  /**
   * The most comparisons of unpaired items one section may cost: beyond it (a section rewritten
   * wholesale, or hostile input) the leftovers stay added and removed rather than take minutes.
   */
  static final long REWORD_BUDGET = 250_000;

  private Matching() {}

  /** Old section to new section, for the sections that continue. */
  static Map<Section, Section> sections(List<Section> before, List<Section> after) {
    Map<Section, Section> pairs = new IdentityHashMap<>();
    Set<Section> taken = identitySet();
    pairBy(
        before,
        after,
        pairs,
        taken,
        s -> s.number() == null ? null : s.number() + "|" + titleKey(s));
    pairBy(before, after, pairs, taken, Matching::titleKey);
    List<Candidate> candidates = new ArrayList<>();
    for (Section a : before) {
      if (pairs.containsKey(a)) {
        continue;
      }
      for (Section b : after) {
        if (taken.contains(b)) {
          continue;
        }
        int shared = sharedItems(a, b);
        if (shared > 0 && shared * 2 >= Math.max(a.total(), b.total())) {
          candidates.add(
              new Candidate(a, b, shared, Objects.equals(a.number(), b.number()) ? 1 : 0));
        }
      }
    }
    candidates.sort(
        (x, y) ->
            x.shared != y.shared
                ? y.shared - x.shared
                : x.sameNumber != y.sameNumber
                    ? y.sameNumber - x.sameNumber
                    : x.a.position() != y.a.position()
                        ? x.a.position() - y.a.position()
                        : x.b.position() - y.b.position());
    for (Candidate c : candidates) {
      if (!pairs.containsKey(c.a) && !taken.contains(c.b)) {
        pairs.put(c.a, c.b);
        taken.add(c.b);
      }
    }
    for (Section a : before) {
      if (pairs.containsKey(a)) {
        continue;
      }
      List<Section> extended =
          after.stream()
              .filter(b -> !taken.contains(b) && extends_(titleKey(a), titleKey(b)))
              .toList();
      if (extended.size() == 1) {
        pairs.put(a, extended.get(0));
        taken.add(extended.get(0));
      }
    }
    return pairs;
  }

  /**
   * Whether one title key is the other with words added at the end, such as
   * "phase-status(-honest)".
   */
  private static boolean extends_(String a, String b) {
    String shorter = a.length() <= b.length() ? a : b;
    String longer = a.length() <= b.length() ? b : a;
    return shorter.length() >= 3 && !shorter.equals(longer) && longer.startsWith(shorter + "-");
  }

  /**
   * Old item to new item within one pair of sections; {@code reworded} collects the old items
   * paired by similarity.
   */
  static Map<Item, Item> items(List<Item> before, List<Item> after, Set<Item> reworded) {
    Map<Item, Item> pairs = new IdentityHashMap<>();
    Map<String, List<Item>> waiting = new HashMap<>();
    for (Item b : after) {
      waiting.computeIfAbsent(ItemText.normalize(b.text()), k -> new ArrayList<>()).add(b);
    }
    Set<Item> taken = identitySet();
    for (Item a : before) {
      List<Item> same = waiting.get(ItemText.normalize(a.text()));
      if (same != null && !same.isEmpty()) {
        Item b = same.remove(0);
        pairs.put(a, b);
        taken.add(b);
      }
    }
    List<Scored> scored = new ArrayList<>();
    long unmatchedBefore = before.stream().filter(a -> !pairs.containsKey(a)).count();
    long unmatchedAfter = after.size() - taken.size();
    if (unmatchedBefore * unmatchedAfter > REWORD_BUDGET) {
      return pairs;
    }
    for (Item a : before) {
      if (pairs.containsKey(a)) {
        continue;
      }
      String left = ItemText.normalize(a.text());
      String leftStem = ItemText.stem(left);
      for (Item b : after) {
        if (!taken.contains(b)) {
          String right = ItemText.normalize(b.text());
          double score =
              leftStem != null && leftStem.equals(ItemText.stem(right))
                  ? 1.0
                  : Similarity.dice(left, right);
          if (score >= Similarity.REWORDED) {
            scored.add(new Scored(a, b, score));
          }
        }
      }
    }
    scored.sort(
        (x, y) ->
            x.score != y.score
                ? Double.compare(y.score, x.score)
                : x.a.index() != y.a.index()
                    ? x.a.index() - y.a.index()
                    : x.b.index() - y.b.index());
    for (Scored s : scored) {
      if (!pairs.containsKey(s.a) && !taken.contains(s.b)) {
        pairs.put(s.a, s.b);
        taken.add(s.b);
        reworded.add(s.a);
      }
    }
    return pairs;
  }

  /**
   * The key a section's title is compared by: its slug, so case, marks and punctuation do not
   * matter.
   */
  static String titleKey(Section section) {
    return Slugs.slugify(section.title());
  }

  private static int sharedItems(Section a, Section b) {
    Map<String, Integer> counts = new HashMap<>();
    for (Item item : a.items()) {
      counts.merge(ItemText.normalize(item.text()), 1, Integer::sum);
    }
    int shared = 0;
    for (Item item : b.items()) {
      String key = ItemText.normalize(item.text());
      Integer left = counts.get(key);
      if (left != null && left > 0) {
        counts.put(key, left - 1);
        shared++;
      }
    }
    return shared;
  }

  private static void pairBy(
      List<Section> before,
      List<Section> after,
      Map<Section, Section> pairs,
      Set<Section> taken,
      Function<Section, String> key) {
    Map<String, List<Section>> waiting = new HashMap<>();
    for (Section b : after) {
      String k = key.apply(b);
      if (k != null && !taken.contains(b)) {
        waiting.computeIfAbsent(k, x -> new ArrayList<>()).add(b);
      }
    }
    for (Section a : before) {
      String k = key.apply(a);
      if (pairs.containsKey(a) || k == null) {
        continue;
      }
      List<Section> same = waiting.get(k);
      if (same != null && !same.isEmpty()) {
        Section b = same.remove(0);
        pairs.put(a, b);
        taken.add(b);
      }
    }
  }

  /** A set by identity: records compare by value, and two reviews may hold equal-looking items. */
  static <T> Set<T> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  private record Candidate(Section a, Section b, int shared, int sameNumber) {}

  private record Scored(Item a, Item b, double score) {}
}
