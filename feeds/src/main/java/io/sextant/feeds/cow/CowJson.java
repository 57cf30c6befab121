package io.sextant.feeds.cow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Typed reads of CoW JSON values with errors that name the path: the serde conventions of the
 * solver-engine DTOs (U256 as decimal or {@code 0x} hex strings, addresses as {@code 0x} + 40 hex,
 * decimals as strings). Shared by every reader of CoW-convention JSON (auctions, swap and query
 * files).
 */
public final class CowJson {
  public static final BigInteger UINT256_MAX =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CowJson() {}

  /** Reads a JSON document; malformed JSON is a {@link CowFormatException} at {@code $}. */
  public static JsonNode readTree(final String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CowFormatException("$", "malformed JSON: " + e.getOriginalMessage());
    }
  }

  /** As {@link #readTree(String)} from a stream (not closed). */
  public static JsonNode readTree(final InputStream in) throws IOException {
    try {
      return MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new CowFormatException("$", "malformed JSON: " + e.getOriginalMessage());
    }
  }

  public static JsonNode field(final JsonNode parent, final String name, final String path) {
    final JsonNode n = parent.get(name);
    if (n == null || n.isNull()) {
      throw new CowFormatException(join(path, name), "missing");
    }
    return n;
  }

  public static JsonNode optionalField(final JsonNode parent, final String name) {
    final JsonNode n = parent.get(name);
    return n == null || n.isNull() ? null : n;
  }

  public static String join(final String path, final String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public static JsonNode object(final JsonNode n, final String path) {
    if (!n.isObject()) {
      throw new CowFormatException(path, "expected an object, got " + describe(n));
    }
    return n;
  }

  public static JsonNode array(final JsonNode n, final String path) {
    if (!n.isArray()) {
      throw new CowFormatException(path, "expected an array, got " + describe(n));
    }
    return n;
  }

  public static String text(final JsonNode n, final String path) {
    if (!n.isTextual()) {
      throw new CowFormatException(path, "expected a string, got " + describe(n));
    }
    return n.asText();
  }

  public static boolean bool(final JsonNode n, final String path) {
    if (!n.isBoolean()) {
      throw new CowFormatException(path, "expected true or false, got " + describe(n));
    }
    return n.booleanValue();
  }

  /** A uint256 given as a decimal or {@code 0x}-hex string (the DTOs' HexOrDecimalU256). */
  public static BigInteger u256(final JsonNode n, final String path) {
    final String s = text(n, path);
    return u256(s, path);
  }

  public static BigInteger u256(final String s, final String path) {
    final BigInteger v;
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        if (s.length() == 2 || s.length() > 66) {
          throw new NumberFormatException();
        }
        v = new BigInteger(s.substring(2), 16);
      } else {
        if (s.isEmpty() || s.length() > 78 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
          throw new NumberFormatException();
        }
        v = new BigInteger(s);
      }
    } catch (NumberFormatException e) {
      throw new CowFormatException(path, "not a uint256: " + quote(s));
    }
    if (v.compareTo(UINT256_MAX) > 0) {
      throw new CowFormatException(path, "above 2^256-1: " + quote(s));
    }
    return v;
  }

  /** A signed integer string (e.g. an int128 liquidityNet) within {@code bits} bits. */
  public static BigInteger signed(final JsonNode n, final String path, final int bits) {
    final String s = text(n, path);
    final BigInteger v;
    try {
      v = new BigInteger(s);
    } catch (NumberFormatException e) {
      throw new CowFormatException(path, "not an integer: " + quote(s));
    }
    if (v.bitLength() > bits - 1) {
      throw new CowFormatException(path, "outside int" + bits + ": " + quote(s));
    }
    return v;
  }

  public static int int32(final JsonNode n, final String path) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new CowFormatException(path, "expected a 32-bit integer, got " + describe(n));
    }
    return n.intValue();
  }

  public static long uint32(final JsonNode n, final String path) {
    if (!n.isIntegralNumber()
        || !n.canConvertToLong()
        || n.longValue() < 0
        || n.longValue() > 0xFFFF_FFFFL) {
      throw new CowFormatException(path, "expected a uint32, got " + describe(n));
    }
    return n.longValue();
  }

  /** A decimal string such as {@code "0.003"} (numbers are accepted too). */
  public static BigDecimal decimal(final JsonNode n, final String path) {
    final String s;
    if (n.isNumber()) {
      s = n.asText();
    } else {
      s = text(n, path);
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new CowFormatException(path, "not a decimal: " + quote(s));
    }
  }

  /** A {@code 0x} + 40 hex address, returned lowercase. */
  public static String address(final JsonNode n, final String path) {
    return address(text(n, path), path);
  }

  public static String address(final String s, final String path) {
    if (s.length() != 42 || !s.startsWith("0x") || !isHex(s, 2)) {
      throw new CowFormatException(path, "not an address (0x + 40 hex digits): " + quote(s));
    }
    return s.toLowerCase(Locale.ROOT);
  }

  /** {@code 0x} + exactly {@code bytes}·2 hex digits, lowercase. */
  public static String hexBytes(final JsonNode n, final String path, final int bytes) {
    final String s = text(n, path);
    if (s.length() != 2 + 2 * bytes || !s.startsWith("0x") || !isHex(s, 2)) {
      throw new CowFormatException(
          path, "expected 0x + " + (2 * bytes) + " hex digits: " + quote(s));
    }
    return s.toLowerCase(Locale.ROOT);
  }

  private static boolean isHex(final String s, final int from) {
    for (int i = from; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  public static String describe(final JsonNode n) {
    if (n.isTextual()) {
      return "string " + quote(n.asText());
    }
    return n.getNodeType().name().toLowerCase(Locale.ROOT) + " " + abbreviate(n.toString());
  }

  private static String quote(final String s) {
    return "\"" + abbreviate(s) + "\"";
  }

  private static String abbreviate(final String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
