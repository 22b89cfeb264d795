package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sørensen–Dice over character bigrams, worked by hand. */
class SimilarityTest {
  @Test
  void equalTextsAreFullySimilar() {
    assertEquals(1.0, Similarity.dice("rollback tested", "rollback tested"));
  }

  @Test
  void countsTheBigramsTwoTextsShare() {
    // " n" "ni" "ig" "gh" "ht" "t " and " n" "na" "ac" "ch" "ht" "t ": 3 shared of 12.
    assertEquals(0.5, Similarity.dice("night", "nacht"));
  }

  @Test
  void countsARepeatedBigramAsOftenAsBothTextsHaveIt() {
    // " a" "aa" "aa" "a " and " a" "aa" "a ": 3 shared of 7.
    assertEquals(6.0 / 7, Similarity.dice("aaa", "aa"));
  }

  @Test
  void textsWithoutACommonBigramAreNotSimilar() {
    assertEquals(0.0, Similarity.dice("ab", "cd"));
  }
}
