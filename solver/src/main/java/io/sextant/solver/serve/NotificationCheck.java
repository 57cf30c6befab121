package io.sextant.solver.serve;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sextant.solver.api.BadRequestException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@code POST /notify} body against the solver-engine API's notification DTO: a JSON
 * object with a known {@code kind}, {@code auctionId} an i64 as a string or null, {@code
 * solutionId} a u64 or a list of them (merged solutions) or null, and the fields its kind carries
 * where the DTO requires them. Extra fields are allowed (the driver adds kinds' details over time).
 */
final class NotificationCheck {
  /** Every kind of the DTO and the spec ({@code banned} is in the spec only). */
  static final Set<String> KINDS =
      Set.of(
          "timeout",
          "emptySolution",
          "duplicatedSolutionId",
          "simulationFailed",
          "invalidClearingPrices",
          "missingPrice",
          "invalidExecutedAmount",
          "nonBufferableTokensUsed",
          "solverAccountInsufficientBalance",
          "settlementStarted",
          "success",
          "revert",
          "driverError",
          "cancelled",
          "expired",
          "fail",
          "postprocessingTimedOut",
          "deserializationError",
          "banned");

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,78}");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{1,64}");
  private static final BigInteger U256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private NotificationCheck() {}

  /** The checked notification, stamped {@code receivedEpochMillis}. */
  static Notification check(final byte[] body, final long receivedEpochMillis)
      throws BadRequestException {
    final JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonParseException e) {
      throw new BadRequestException(
          AuctionBodyCheck.path(
              e.getProcessor() == null ? null : e.getProcessor().getParsingContext()),
          "malformed JSON: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new BadRequestException("", "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequestException("", "malformed JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException("", "expected a notification JSON object");
    }
    final JsonNode kindNode = root.get("kind");
    if (kindNode == null) {
      throw new BadRequestException("kind", "missing");
    }
    if (!kindNode.isTextual()) {
      throw new BadRequestException("kind", "expected a string");
    }
    final String kind = kindNode.textValue();
    if (!KINDS.contains(kind)) {
      throw new BadRequestException("kind", "unknown notification kind \"" + kind + "\"");
    }
    final OptionalLong auctionId = auctionId(root.get("auctionId"));
    solutionId(root.get("solutionId"));
    switch (kind) {
      case "simulationFailed" -> {
        unsigned(root, "block");
        if (!required(root, "tx").isObject()) {
          throw new BadRequestException("tx", "expected an object");
        }
        if (!required(root, "succeededOnce").isBoolean()) {
          throw new BadRequestException("succeededOnce", "expected true or false");
        }
      }
      case "missingPrice" -> matching(root, "tokenAddress", ADDRESS, "an address");
      case "nonBufferableTokensUsed" -> {
        final JsonNode tokens = required(root, "tokens");
        if (!tokens.isArray()) {
          throw new BadRequestException("tokens", "expected a list of addresses");
        }
        for (int i = 0; i < tokens.size(); i++) {
          final JsonNode t = tokens.get(i);
          if (!t.isTextual() || !ADDRESS.matcher(t.textValue()).matches()) {
            throw new BadRequestException("tokens[" + i + "]", "expected an address");
          }
        }
      }
      case "solverAccountInsufficientBalance" -> u256(root, "required");
      case "success", "revert" -> matching(root, "transaction", HASH, "a 32-byte hex hash");
      case "driverError", "deserializationError" -> {
        if (!required(root, "reason").isTextual()) {
          throw new BadRequestException("reason", "expected a string");
        }
      }
      default -> {
        // The other kinds carry nothing beyond auctionId and solutionId.
      }
    }
    return new Notification(receivedEpochMillis, kind, auctionId, body);
  }

  private static OptionalLong auctionId(final JsonNode v) throws BadRequestException {
    if (v == null || v.isNull()) {
      return OptionalLong.empty();
    }
    if (!v.isTextual()) {
      throw new BadRequestException("auctionId", "expected an i64 as a string, or null");
    }
    try {
      return OptionalLong.of(Long.parseLong(v.textValue()));
    } catch (NumberFormatException e) {
      throw new BadRequestException("auctionId", "\"" + v.textValue() + "\" is not an i64");
    }
  }

  private static void solutionId(final JsonNode v) throws BadRequestException {
    if (v == null || v.isNull()) {
      return;
    }
    if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        u64(v.get(i), "solutionId[" + i + "]");
      }
      return;
    }
    u64(v, "solutionId");
  }

  private static void u64(final JsonNode v, final String field) throws BadRequestException {
    if (!v.isIntegralNumber()
        || v.bigIntegerValue().signum() < 0
        || v.bigIntegerValue().bitLength() > 64) {
      throw new BadRequestException(field, "expected a u64 number");
    }
  }

  private static JsonNode required(final JsonNode root, final String field)
      throws BadRequestException {
    final JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      throw new BadRequestException(field, "missing");
    }
    return v;
  }

  private static void unsigned(final JsonNode root, final String field) throws BadRequestException {
    u64(required(root, field), field);
  }

  private static void matching(
      final JsonNode root, final String field, final Pattern pattern, final String what)
      throws BadRequestException {
    final JsonNode v = required(root, field);
    if (!v.isTextual() || !pattern.matcher(v.textValue()).matches()) {
      throw new BadRequestException(field, "expected " + what);
    }
  }

  /** A U256 as the DTO's {@code HexOrDecimalU256}: decimal or 0x-hex string, at most 2^256 - 1. */
  private static void u256(final JsonNode root, final String field) throws BadRequestException {
    final JsonNode v = required(root, field);
    final String s = v.isTextual() ? v.textValue() : "";
    final BigInteger value;
    if (DECIMAL.matcher(s).matches()) {
      value = new BigInteger(s);
    } else if (HEX.matcher(s).matches()) {
      value = new BigInteger(s.substring(2), 16);
    } else {
      throw new BadRequestException(field, "expected a U256 as a decimal or 0x-hex string");
    }
    if (value.compareTo(U256_MAX) > 0) {
      throw new BadRequestException(field, s + " is above 2^256 - 1");
    }
  }
}
