package io.sextant.solver.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body into an exact-size array, refusing one over the limit before it is read: a
 * declared {@code Content-Length} over the limit is refused at once, and a chunked body is read
 * only until it passes the limit, so memory per request never exceeds the limit plus one buffer.
 */
final class RequestBody {
  private static final int CHUNK = 64 * 1024;

  private RequestBody() {}

  static byte[] read(final Request request, final long maxBytes)
      throws BodyTooLargeException, IOException {
    final long declared = request.getLength();
    if (declared > maxBytes) {
      throw new BodyTooLargeException(
          "body of " + declared + " bytes is larger than the limit of " + maxBytes + " bytes");
    }
    // Not closed: closing fails the request's content, which would abort the 413 being sent; the
    // stream is a view of the request, which Jetty completes or discards itself.
    final InputStream in = Content.Source.asInputStream(request);
    if (declared >= 0) {
      final byte[] body = new byte[(int) declared];
      int n = 0;
      while (n < body.length) {
        final int r = in.read(body, n, body.length - n);
        if (r < 0) {
          throw new IOException("body ended after " + n + " of " + declared + " bytes");
        }
        n += r;
      }
      return body;
    }
    byte[] body = new byte[CHUNK];
    int n = 0;
    while (true) {
      if (n == body.length) {
        body = Arrays.copyOf(body, (int) Math.min((long) body.length * 2, maxBytes + 1));
      }
      final int r = in.read(body, n, body.length - n);
      if (r < 0) {
        return Arrays.copyOf(body, n);
      }
      n += r;
      if (n > maxBytes) {
        throw new BodyTooLargeException("body is larger than the limit of " + maxBytes + " bytes");
      }
    }
  }
}
