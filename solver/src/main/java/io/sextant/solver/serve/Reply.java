package io.sextant.solver.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer: status, content type, body, and the {@code Allow} header of a 405.
 *
 * @param status HTTP status code
 * @param contentType value of the {@code Content-Type} header
 * @param body the response body
 * @param allow value of the {@code Allow} header, or {@code null} for none
 * @param errorKind the {@code kind} label this answer counts under in {@code sextant_errors_total},
 *     or {@code null} when it is not an error
 */
record Reply(int status, String contentType, byte[] body, String allow, String errorKind) {
  static final String JSON = "application/json";

  /** The answer to a solve that found nothing or ran out of time. */
  static final byte[] NO_SOLUTIONS = "{\"solutions\":[]}".getBytes(StandardCharsets.US_ASCII);

  private static final JsonFactory JSON_FACTORY = new JsonFactory();

  static Reply json(final int status, final byte[] body) {
    return new Reply(status, JSON, body, null, null);
  }

  /** {@code {"message": "..."}} with {@code status}, counted as error {@code kind}. */
  static Reply error(final int status, final String kind, final String message) {
    return new Reply(status, JSON, message(message), null, kind);
  }

  Reply withAllow(final String methods) {
    return new Reply(status, contentType, body, methods, errorKind);
  }

  /** {@code {"message": text}} as UTF-8 JSON, the error body of the CoW solver-engine API. */
  static byte[] message(final String text) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
    try (JsonGenerator g = JSON_FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("message", text);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
