package dev.readiness.analyze;

import dev.readiness.model.Blocker;

/** A blocker's identity across reviews: its normalized title. */
final class BlockerKey {
  private BlockerKey() {}

  static String of(Blocker blocker) {
    return ItemText.normalize(blocker.title());
  }
}
