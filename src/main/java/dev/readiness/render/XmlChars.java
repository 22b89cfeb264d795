package dev.readiness.render;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Keeps written text to the characters XML 1.0 allows: tab, line feed, carriage return, U+0020 to
 * U+D7FF, U+E000 to U+FFFD and the supplementary planes. Anything else (C0 controls such as U+0001,
 * U+FFFE, U+FFFF, a lone surrogate) becomes U+FFFD, the replacement character, so a feed reader or
 * an image parser gets well-formed XML and the reader still sees that something was there. HTML
 * pages go through it too: browsers accept those characters, but other tools reading the pages do
 * not.
 */
public final class XmlChars {
  /** What a character XML does not allow is written as. */
  public static final char REPLACEMENT = '\uFFFD';

  private XmlChars() {}

  /** Whether XML 1.0 allows the code point in a document. */
  public static boolean allowed(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /**
   * The text with every character XML does not allow replaced; the same string when there is none.
   */
  public static String clean(String text) {
    int bad = firstBad(text);
    if (bad < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, bad);
    for (int i = bad; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (allowed(cp)) {
        out.append(text, i, i + n);
      } else {
        out.append(REPLACEMENT);
      }
      i += n;
    }
    return out.toString();
  }

  /** Where the first character XML does not allow is, or -1. */
  private static int firstBad(CharSequence text) {
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      if (!allowed(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /**
   * A writer that passes text on with every character XML does not allow replaced, also when a
   * surrogate pair is split between two writes.
   */
  public static Writer cleaning(Writer out) {
    return new CleaningWriter(out);
  }

  private static final class CleaningWriter extends FilterWriter {
    /** A high surrogate written last, waiting for its low half. */
    private char pendingHigh;

    CleaningWriter(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      char ch = (char) c;
      if (pendingHigh != 0) {
        char high = pendingHigh;
        pendingHigh = 0;
        if (Character.isLowSurrogate(ch)) {
          out.write(high);
          out.write(ch);
          return;
        }
        out.write(REPLACEMENT);
      }
      if (Character.isHighSurrogate(ch)) {
        pendingHigh = ch;
      } else if (Character.isLowSurrogate(ch) || !allowed(ch)) {
        out.write(REPLACEMENT);
      } else {
        out.write(ch);
      }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      int end = offset + length;
      int clean = offset;
      // Hand runs of allowed characters on in one piece; only the rare bad one goes one by one.
      for (int i = offset; i < end; i++) {
        char c = buffer[i];
        boolean plain =
            pendingHigh == 0
                && (c >= 0x20 && c < 0xD800
                    || c == '\n'
                    || c == '\r'
                    || c == '\t'
                    || c >= 0xE000 && c <= 0xFFFD);
        if (!plain) {
          out.write(buffer, clean, i - clean);
          write(c);
          clean = i + 1;
        }
      }
      out.write(buffer, clean, end - clean);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      char[] chars = new char[length];
      text.getChars(offset, offset + length, chars, 0);
      write(chars, 0, length);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (pendingHigh != 0) {
        pendingHigh = 0;
        out.write(REPLACEMENT);
      }
      out.close();
    }
  }
}
