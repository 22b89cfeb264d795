package dev.readiness.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class XmlCharsTest {
  @Test
  void replacesWhatXmlForbidsAndKeepsTheRest() {
    assertEquals(
        "a\uFFFDb\tc\nd\re\uFFFD\uFFFD\uD83D\uDE00\uFFFD",
        XmlChars.clean("a\u0001b\tc\nd\re\uFFFE\u001B\uD83D\uDE00\uDC00"));
    String plain = "Orion – 52% ✅ حالة";
    assertSame(plain, XmlChars.clean(plain), "nothing to replace, nothing copied");
  }

  @Test
  void writerReplacesAcrossWritesAndKeepsSplitPairs() throws IOException {
    StringWriter target = new StringWriter();
    try (Writer out = XmlChars.cleaning(target)) {
      out.write("x\u0002y");
      out.write('\uD83D');
      out.write("\uDE00z".toCharArray(), 0, 2);
      out.write("\uD83D");
      out.write("q");
      out.write("ok\u0000", 0, 2);
      out.write('\uD800');
    }
    assertEquals("x\uFFFDy\uD83D\uDE00z\uFFFDqok\uFFFD", target.toString());
  }
}
