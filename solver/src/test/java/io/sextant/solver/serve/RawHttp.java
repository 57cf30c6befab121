package io.sextant.solver.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads one HTTP/1.1 response off a socket stream, for tests that need the raw connection. */
final class RawHttp {
  /** Status, lower-cased header block and body of one response. */
  record Response(int status, String headers, String body) {}

  private RawHttp() {}

  static Response read(final InputStream in) throws IOException {
    final ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      final int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside the response head: " + head);
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
    }
    final String text = head.toString(StandardCharsets.US_ASCII);
    final int status = Integer.parseInt(text.substring(9, 12));
    final String headers = text.toLowerCase(Locale.ROOT);
    final int at = headers.indexOf("content-length:");
    if (at < 0) {
      throw new IOException("no content-length in " + text);
    }
    final int length =
        Integer.parseInt(headers.substring(at + 15, headers.indexOf('\r', at)).trim());
    final byte[] body = in.readNBytes(length);
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }
}
