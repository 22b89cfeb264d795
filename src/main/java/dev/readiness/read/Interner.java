package dev.readiness.read;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each distinct text. A project's weekly reviews repeat most of their items, sections
 * and prose word for word; reading them through one interner keeps a single copy of each text
 * instead of one per review, which is most of the memory a long history takes. Thread-safe.
 */
final class Interner {
  private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();

  /** The first copy of {@code text} seen by this interner; null stays null. */
  String of(String text) {
    if (text == null) {
      return null;
    }
    String first = texts.putIfAbsent(text, text);
    return first == null ? text : first;
  }
}
