package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.Fixtures;
import dev.readiness.model.Snapshot;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How sections and items are paired across two reviews, seen through {@link DiffCalculator#diff}.
 */
class MatchingTest {
  private static ReviewDiff diff(String before, String after) {
    return DiffCalculator.diff(parse(before), parse(after));
  }

  private static Snapshot parse(String markdown) {
    return Fixtures.parse(markdown).snapshot();
  }

  private static List<String> renames(ReviewDiff d) {
    return d.sectionsRenamed().stream().map(r -> r.from() + " -> " + r.to()).toList();
  }

  private static List<String> texts(List<ReviewDiff.ItemChange> changes) {
    return changes.stream().map(ReviewDiff.ItemChange::text).toList();
  }

  @Test
  void pairsAThreeLetterTitleThatGainedWords() {
    ReviewDiff d = diff("## Ops\n- [ ] a\n", "## Ops tooling\n- [ ] b\n");
    assertEquals(List.of("Ops -> Ops tooling"), renames(d));
  }

  @Test
  void doesNotPairATwoLetterTitleThatGainedWords() {
    ReviewDiff d = diff("## QA\n- [ ] a\n", "## QA tooling\n- [ ] b\n");
    assertEquals(List.of(), renames(d));
    assertEquals(List.of("QA"), d.sectionsRemoved());
    assertEquals(List.of("QA tooling"), d.sectionsAdded());
  }

  @Test
  void pairsRenamedSectionsThatShareHalfTheirItems() {
    ReviewDiff d = diff("## Alpha\n- [ ] a\n- [ ] b\n", "## Beta\n- [ ] a\n- [ ] c\n");
    assertEquals(List.of("Alpha -> Beta"), renames(d));
  }

  @Test
  void doesNotPairRenamedSectionsThatShareLessThanHalf() {
    ReviewDiff d =
        diff("## Alpha\n- [ ] a\n- [ ] b\n- [ ] c\n", "## Beta\n- [ ] a\n- [ ] d\n- [ ] e\n");
    assertEquals(List.of(), renames(d));
  }

  @Test
  void doesNotPairTwoRenamedEmptySections() {
    // Sections without task items are not listed as added or removed either; they simply do not
    // pair.
    assertEquals(List.of(), renames(diff("## Alpha\n\nText.\n", "## Beta\n\nText.\n")));
  }

  @Test
  void countsARepeatedItemOnlyAsOftenAsBothSectionsHaveIt() {
    // One shared item of four: not a rename, though "a" appears three times after.
    ReviewDiff d =
        diff(
            "## Alpha\n- [ ] a\n- [ ] b\n- [ ] c\n- [ ] d\n",
            "## Beta\n- [ ] a\n- [ ] a\n- [ ] a\n- [ ] x\n");
    assertEquals(List.of(), renames(d));
  }

  @Test
  void pairsARenamedSectionWithTheOneSharingMostItems() {
    ReviewDiff d =
        diff(
            "## Alpha\n- [ ] a\n- [ ] b\n- [ ] c\n",
            "## Beta\n- [ ] a\n- [ ] b\n## Gamma\n- [ ] a\n- [ ] b\n- [ ] c\n");
    assertEquals(List.of("Alpha -> Gamma"), renames(d));
    assertEquals(List.of("Beta"), d.sectionsAdded());
  }

  @Test
  void prefersTheSectionThatKeptItsNumberAmongEqualCandidates() {
    ReviewDiff d =
        diff(
            "## 1. Alpha\n- [ ] a\n- [ ] b\n",
            "## 2. Beta\n- [ ] a\n- [ ] b\n## 1. Gamma\n- [ ] a\n- [ ] b\n");
    assertEquals(List.of("1. Alpha -> 1. Gamma"), renames(d));
  }

  @Test
  void pairsSectionsOfTheSameTitleByTheirNumber() {
    ReviewDiff d =
        diff(
            "## 1. Notes\n- [ ] a\n## 2. Notes\n- [ ] b\n",
            "## 2. Notes\n- [ ] b\n## 1. Notes\n- [ ] a\n");
    assertEquals(List.of(), texts(d.added()));
    assertEquals(List.of(), texts(d.removed()));
  }

  @Test
  void callsATextExactlyThreeQuartersSimilarReworded() {
    // " a" "ab" "bc" "cd" "de" "ef" "fg" "g " against the same with "fx" "x ": 6 shared of 16.
    ReviewDiff d = diff("## S\n- [ ] abcdefg\n", "## S\n- [ ] abcdefx\n");
    assertEquals(
        List.of("abcdefg -> abcdefx"),
        d.reworded().stream().map(r -> r.from() + " -> " + r.to()).toList());
  }

  @Test
  void pairsTheMostSimilarRewordingFirst() {
    // Against "rollback plan tested daily": 0.875 for the first item, 0.923 for the second.
    ReviewDiff d =
        diff(
            "## S\n- [ ] rollback plan tested\n- [ ] rollback plan tested dai\n",
            "## S\n- [ ] rollback plan tested daily\n");
    assertEquals(
        List.of("rollback plan tested dai -> rollback plan tested daily"),
        d.reworded().stream().map(r -> r.from() + " -> " + r.to()).toList());
    assertEquals(List.of("rollback plan tested"), texts(d.removed()));
  }

  // The budget's edge itself (500 x 500, 250,000 comparisons) is not tested: it takes 20 s on a
  // busy machine. Below the budget is what every other test here exercises.

  /**
   * One item kept, and {@code before} and {@code after} unrelated ones on each side, and one close
   * rewording among them.
   */
  private static ReviewDiff wideRewrite(int before, int after) {
    Random random = new Random(7);
    StringBuilder a = new StringBuilder("## S\n- [ ] kept as it was\n- [ ] rollback plan tested\n");
    StringBuilder b =
        new StringBuilder("## S\n- [ ] kept as it was\n- [ ] rollback plan tested daily\n");
    for (int i = 1; i < Math.max(before, after); i++) {
      if (i < before) {
        a.append("- [ ] ").append(word(random)).append('\n');
      }
      if (i < after) {
        b.append("- [ ] ").append(word(random)).append('\n');
      }
    }
    return diff(a.toString(), b.toString());
  }

  private static String word(Random random) {
    char[] letters = new char[16];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(letters);
  }

  @Test
  void keepsExactPairsButLooksForNoRewordingBeyondTheBudget() {
    // 501 x 500 unpaired items: over the budget, so the close pair stays removed and added.
    ReviewDiff d = wideRewrite(501, 500);
    assertEquals(List.of(), d.reworded());
    assertEquals(501, d.removed().size());
    assertEquals(500, d.added().size());
  }
}
