package io.sextant.solver.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.sextant.solver.api.BadRequestException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the server itself checks of a {@code /solve} body while the engine works on it: that it is
 * one well-formed JSON object, and when its {@code deadline} is. Tokenises the whole body with
 * Jackson's streaming parser without building a tree, so it costs a few milliseconds on a 1.8 MB
 * auction, and it runs on the request thread in parallel with the solve. Field types, amounts and
 * liquidity kinds are the engine's to check ({@link BadRequestException} from the engine).
 */
final class AuctionBodyCheck {
  /** {@link #deadlineEpochMillis} when the body has no usable {@code deadline}. */
  static final long NO_DEADLINE = Long.MIN_VALUE;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
          .build();

  private AuctionBodyCheck() {}

  /**
   * The auction's {@code deadline} in epoch milliseconds, or {@link #NO_DEADLINE} when it is absent
   * or not an ISO-8601 instant (the engine reports that field).
   *
   * @throws BadRequestException the body is not one well-formed JSON object; names where it broke
   */
  static long deadlineEpochMillis(final byte[] body) throws BadRequestException {
    if (body.length == 0) {
      throw new BadRequestException("", "empty body, expected an auction JSON object");
    }
    long deadline = NO_DEADLINE;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadRequestException("", "expected an auction JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        final String name = p.currentName();
        final JsonToken value = p.nextToken();
        if ("deadline".equals(name) && value == JsonToken.VALUE_STRING) {
          deadline = parseInstant(p.getText());
        } else {
          skipValue(p, value);
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new BadRequestException("", "malformed JSON: the auction object is not closed");
      }
      if (p.nextToken() != null) {
        throw new BadRequestException("", "malformed JSON: content after the auction object");
      }
    } catch (JsonParseException e) {
      throw new BadRequestException(
          path(e.getProcessor() == null ? null : e.getProcessor().getParsingContext()),
          "malformed JSON: "
              + withoutSource(e.getOriginalMessage())
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      throw new BadRequestException("", "malformed JSON: " + e.getMessage());
    }
    return deadline;
  }

  /**
   * Walks over one value token by token; {@code skipChildren} would not look inside strings but
   * also would not validate them, and malformed content must be found here.
   */
  private static void skipValue(final JsonParser p, final JsonToken first) throws IOException {
    if (first == null) {
      throw new JsonParseException(p, "unexpected end of input");
    }
    if (!first.isStructStart()) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      final JsonToken t = p.nextToken();
      if (t == null) {
        throw new JsonParseException(p, "unexpected end of input");
      }
      if (t.isStructStart()) {
        depth++;
      } else if (t.isStructEnd()) {
        depth--;
      }
    }
  }

  /** Jackson's messages may quote a location with a "Source: REDACTED" remark; drop it. */
  static String withoutSource(final String message) {
    final int at = message.indexOf(" (start marker at");
    return at < 0 ? message : message.substring(0, at);
  }

  private static long parseInstant(final String text) {
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      return NO_DEADLINE;
    }
  }

  /** The JSON path of a parser position, e.g. {@code orders[3].sellAmount}. */
  static String path(final JsonStreamContext context) {
    if (context == null) {
      return "";
    }
    final StringBuilder b = new StringBuilder();
    append(b, context);
    return b.toString();
  }

  private static void append(final StringBuilder b, final JsonStreamContext c) {
    if (c.getParent() != null) {
      append(b, c.getParent());
    }
    if (c.inArray()) {
      b.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
    } else if (c.inObject() && c.getCurrentName() != null) {
      if (!b.isEmpty()) {
        b.append('.');
      }
      b.append(c.getCurrentName());
    }
  }
}
