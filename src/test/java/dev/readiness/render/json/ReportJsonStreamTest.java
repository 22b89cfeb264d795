package dev.readiness.render.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.ExampleData;
import dev.readiness.analyze.ReportData;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** {@code data.json} written as it is produced is the same text as the one built in memory. */
class ReportJsonStreamTest {
  @Test
  void streamedDataJsonEqualsTheStringInManyBlocks() throws IOException {
    ReportData data = ExampleData.analyze();
    String whole = ReportJson.data(data);
    int[] appends = {0};
    StringWriter streamed = new StringWriter();
    Writer counting =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) {
            streamed.write(buf, off, len);
          }

          @Override
          public Writer append(CharSequence text) {
            appends[0]++;
            streamed.append(text);
            return this;
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    ReportJson.data(data, counting);
    assertEquals(whole, streamed.toString());
    // The example's data.json is longer than one 64 KiB block: the text really went out in pieces.
    assertTrue(whole.length() > 65536, "example data.json is " + whole.length() + " chars");
    assertTrue(appends[0] >= 2, "appended " + appends[0] + " times");
  }

  @Test
  void aFailingSinkFailsTheWriteWithItsIOException() {
    ReportData data = ExampleData.analyze();
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public Writer append(CharSequence text) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    IOException e = assertThrows(IOException.class, () -> ReportJson.data(data, broken));
    assertEquals("disk full", e.getMessage());
  }
}
