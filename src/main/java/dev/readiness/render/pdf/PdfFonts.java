package dev.readiness.render.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded fonts of one rendering thread: DejaVu Sans, Sans Bold and Sans Mono from the jar,
 * plus any system font found for a script they lack.
 *
 * <p>The font files are read from the jar once per JVM. OpenPDF's {@link BaseFont} keeps a file
 * cursor that subsetting moves, so each thread parses its own instances (once) instead of sharing
 * them; a renderer therefore runs safely on many threads.
 */
final class PdfFonts {
  /** The AWT family the charts ask for; {@link #MAPPER} maps it to the embedded fonts. */
  static final String FAMILY = "DejaVu Sans";

  private static final byte[] SANS = resource("DejaVuSans.ttf");
  private static final byte[] SANS_BOLD = resource("DejaVuSans-Bold.ttf");
  private static final byte[] MONO = resource("DejaVuSansMono.ttf");
  private static final ThreadLocal<PdfFonts> PER_THREAD = ThreadLocal.withInitial(PdfFonts::new);

  static {
    registerWithAwt();
  }

  final BaseFont regular;
  final BaseFont bold;
  final BaseFont mono;
  private final Map<String, BaseFont> system = new HashMap<>();

  /** Maps the fonts JFreeChart draws with to this thread's embedded fonts. */
  final FontMapper mapper =
      new FontMapper() {
        @Override
        public BaseFont awtToPdf(Font font) {
          if (font.getFamily().toLowerCase(Locale.ROOT).contains("mono")) {
            return mono;
          }
          return font.isBold() ? bold : regular;
        }

        @Override
        public Font pdfToAwt(BaseFont font, int size) {
          return new Font(FAMILY, font == bold ? Font.BOLD : Font.PLAIN, size);
        }
      };

  private PdfFonts() {
    regular = embedded("DejaVuSans.ttf", SANS);
    bold = embedded("DejaVuSans-Bold.ttf", SANS_BOLD);
    mono = embedded("DejaVuSansMono.ttf", MONO);
  }

  /** The embedded font of a face. */
  BaseFont font(Typesetter.Face face) {
    return switch (face) {
      case REGULAR -> regular;
      case BOLD -> bold;
      case MONO -> mono;
    };
  }

  /** The face of one of these embedded fonts, or null for another font. */
  Typesetter.Face face(BaseFont font) {
    return font == regular
        ? Typesetter.Face.REGULAR
        : font == bold ? Typesetter.Face.BOLD : font == mono ? Typesetter.Face.MONO : null;
  }

  /** The fonts of the calling thread. */
  static PdfFonts forThisThread() {
    return PER_THREAD.get();
  }

  /**
   * Seeds the subset prefixes ({@code ABCDEF+DejaVuSans}) of every font from {@code document}, so
   * that the same document always gets the same prefixes, whatever the thread rendered before.
   */
  void reseed(String document) {
    reseed(regular, document + "/regular");
    reseed(bold, document + "/bold");
    reseed(mono, document + "/mono");
    system.forEach((path, font) -> reseed(font, document + "/" + path));
  }

  /** A system font of this thread that has {@code codePoint}, or null when none is found. */
  BaseFont systemFontFor(int codePoint) {
    String path = SystemFonts.pathFor(codePoint);
    if (path == null) {
      return null;
    }
    return system.computeIfAbsent(
        path,
        p -> {
          BaseFont font = SystemFonts.load(p);
          return font != null && font.charExists(codePoint) ? font : null;
        });
  }

  private static void reseed(BaseFont font, String seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed.getBytes(StandardCharsets.UTF_8));
      font.setSecureRandom(random);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA1PRNG, which deterministic PDFs need", e);
    }
  }

  private static BaseFont embedded(String name, byte[] bytes) {
    try {
      // cached=false: the shared cache would hand one instance to every thread.
      return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("cannot read the bundled font " + name, e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled font /fonts/" + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes the bundled fonts known to AWT, so charts measure text with the very font the PDF embeds
   * even on a machine without DejaVu installed.
   */
  private static void registerWithAwt() {
    GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
    for (byte[] bytes : new byte[][] {SANS, SANS_BOLD, MONO}) {
      try {
        environment.registerFont(
            Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)));
      } catch (FontFormatException | IOException e) {
        throw new IllegalStateException("cannot register a bundled font with AWT", e);
      }
    }
  }
}
