package dev.readiness.render.json;

import dev.readiness.analyze.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A small streaming JSON writer: keys in the order written, two-space indentation, no reflection.
 * It builds a string, or passes its text on to a {@link Writer} a block at a time, so that a large
 * {@code data.json} is never held in memory whole.
 */
public final class JsonWriter {
  /** How much text is gathered before it is passed on to the sink. */
  private static final int BLOCK = 1 << 16;

  private final StringBuilder out = new StringBuilder();
  private final Deque<boolean[]> first = new ArrayDeque<>();
  private final boolean pretty;
  private final Writer sink;
  private boolean afterKey;

  /** A writer that indents when {@code pretty}; {@link #toString()} gives its text. */
  public JsonWriter(boolean pretty) {
    this(pretty, null);
  }

  /**
   * A writer that passes its text on to {@code sink} as it goes; {@link #finish()} writes the rest.
   * {@link java.io.IOException}s of the sink are thrown as {@link UncheckedIOException}.
   */
  public JsonWriter(boolean pretty, Writer sink) {
    this.pretty = pretty;
    this.sink = sink;
  }

  /** Writes what is left, with the final newline, to the sink; flushes it. */
  public void finish() throws IOException {
    if (sink == null) {
      throw new IllegalStateException("this writer has no sink; use toString()");
    }
    out.append('\n');
    sink.append(out);
    out.setLength(0);
    sink.flush();
  }

  public JsonWriter beginObject() {
    open("{");
    first.push(new boolean[] {true});
    return this;
  }

  public JsonWriter endObject() {
    return close('}');
  }

  public JsonWriter beginArray() {
    open("[");
    first.push(new boolean[] {true});
    return this;
  }

  public JsonWriter endArray() {
    return close(']');
  }

  /** Writes a key; the next call writes its value. */
  public JsonWriter name(String key) {
    separate();
    string(key);
    out.append(pretty ? ": " : ":");
    afterKey = true;
    return this;
  }

  public JsonWriter value(String text) {
    if (text == null) {
      return nullValue();
    }
    separate();
    string(text);
    return this;
  }

  public JsonWriter value(boolean flag) {
    return raw(Boolean.toString(flag));
  }

  public JsonWriter value(long number) {
    return raw(Long.toString(number));
  }

  /**
   * A number as a plain figure, as {@link Format#number} writes it: {@code 52}, {@code 21.2}; or
   * null.
   */
  public JsonWriter figure(Double number) {
    return number == null || !Double.isFinite(number) ? nullValue() : raw(Format.number(number));
  }

  /**
   * A percent with one decimal always, such as {@code 60.0} ({@link Format#oneDecimal}), or null.
   */
  public JsonWriter percent(Double number) {
    return number == null || !Double.isFinite(number)
        ? nullValue()
        : raw(Format.oneDecimal(number));
  }

  /** A rate as {@link Format#rate} writes it, such as {@code 2.3} or {@code 0.045}, or null. */
  public JsonWriter rate(Double number) {
    return number == null || !Double.isFinite(number) ? nullValue() : raw(Format.rate(number));
  }

  public JsonWriter nullValue() {
    return raw("null");
  }

  /** Shorthand for {@code name(key).value(text)}. */
  public JsonWriter field(String key, String text) {
    return name(key).value(text);
  }

  public JsonWriter field(String key, long number) {
    return name(key).value(number);
  }

  public JsonWriter field(String key, boolean flag) {
    return name(key).value(flag);
  }

  /** The JSON text, ending in a newline. */
  @Override
  public String toString() {
    if (sink != null) {
      throw new IllegalStateException("this writer streams to a sink; use finish()");
    }
    return out + "\n";
  }

  private JsonWriter raw(String literal) {
    separate();
    out.append(literal);
    return this;
  }

  private void open(String opener) {
    separate();
    out.append(opener);
  }

  private JsonWriter close(char closer) {
    boolean empty = first.pop()[0];
    if (!empty) {
      newline();
    }
    out.append(closer);
    return this;
  }

  private void separate() {
    if (sink != null && out.length() >= BLOCK) {
      try {
        sink.append(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.setLength(0);
    }
    if (afterKey) {
      afterKey = false;
      return;
    }
    if (first.isEmpty()) {
      return;
    }
    boolean[] isFirst = first.peek();
    if (!isFirst[0]) {
      out.append(',');
    }
    isFirst[0] = false;
    newline();
  }

  private void newline() {
    if (pretty) {
      out.append('\n');
      out.append("  ".repeat(first.size()));
    }
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
