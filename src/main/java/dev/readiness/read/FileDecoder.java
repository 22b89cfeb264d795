package dev.readiness.read;

import dev.readiness.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Reads a checklist file as strict UTF-8 text, or says in one line why it cannot be used. */
final class FileDecoder {
  private FileDecoder() {}

  /** The file's text, or an error naming {@code shown}. */
  static Decoded decode(Path file, String shown, long maxBytes) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        String over =
            mib(size).equals(mib(maxBytes))
                ? size + " bytes, over the limit of " + maxBytes + " bytes"
                : mib(size) + ", over the " + mib(maxBytes) + " limit";
        return fail(shown, "is " + over + " (input.maxFileBytes); split it or raise the limit");
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      }
    } catch (NoSuchFileException e) {
      return fail(shown, "disappeared while it was being read");
    } catch (IOException | SecurityException e) {
      return fail(shown, "cannot be read (" + reason(e) + ")");
    } catch (OutOfMemoryError e) {
      return fail(shown, "is too large to read");
    }
    if (bytes.length > maxBytes) {
      return fail(shown, "grew past the " + mib(maxBytes) + " limit while it was being read");
    }
    return decode(bytes, shown);
  }

  /**
   * Content that is not a file (a file's state at a git commit) as text, or an error naming {@code
   * shown}; {@code bytes} may hold one byte more than {@code maxBytes}, to tell that it is larger.
   */
  static Decoded decode(byte[] bytes, String shown, long maxBytes) {
    if (bytes.length > maxBytes) {
      return fail(
          shown,
          "is over the "
              + mib(maxBytes)
              + " limit (input.maxFileBytes); split it or raise the limit");
    }
    return decode(bytes, shown);
  }

  private static Decoded decode(byte[] bytes, String shown) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      return fail(shown, "is UTF-16 text; save it as UTF-8");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return fail(
            shown, "is not text (it contains NUL bytes); checklists must be UTF-8 Markdown");
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return fail(shown, lineOfFirstBadByte(bytes), "is not valid UTF-8; save it as UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return fail(shown, "is empty; write a checklist or remove the file");
    }
    return new Decoded(text, null, sha256(bytes));
  }

  /** The SHA-256 of {@code bytes}, in lower-case hex, as {@code sha256sum} prints it. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /**
   * Why a file or folder could not be read, in a few words, without the path the message repeats.
   */
  static String reason(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "it no longer exists";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
  }

  private static int lineOfFirstBadByte(byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        try {
          decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
        } catch (CharacterCodingException e) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 1;
  }

  /** A size for people: {@code 900 bytes}, {@code 2.0 KiB}, {@code 5.0 MiB}. */
  static String mib(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  private static Decoded fail(String shown, String reason) {
    return fail(shown, 0, reason);
  }

  private static Decoded fail(String shown, int line, String reason) {
    return new Decoded(null, Problem.error("UNREADABLE", shown, line, reason), null);
  }

  /**
   * Text, or the error that replaced it.
   *
   * @param sha256 the SHA-256 of the file's bytes, with the text
   */
  record Decoded(String text, Problem error, String sha256) {}
}
