package io.sextant.feeds.chain;

import io.sextant.routing.math.u256.UInt256;

/**
 * Allocation-free parsing of {@code 0x}-prefixed hex strings as JSON-RPC returns them: 32-byte ABI
 * words into {@link UInt256} limbs, and 20-byte addresses into three {@code long}s.
 */
public final class Hex {
  private Hex() {}

  /** The value of a hex digit, or -1. */
  static int digit(final char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Offset of the first digit: 2 with a {@code 0x} prefix, else 0. */
  public static int start(final CharSequence s) {
    return s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
        ? 2
        : 0;
  }

  /**
   * Parses {@code n <= 16} digits at {@code from}; sets {@code ok[0] = false} on a bad digit (the
   * caller checks once per word).
   */
  private static long digits(
      final CharSequence s, final int from, final int n, final boolean[] ok) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      final int d = digit(s.charAt(from + i));
      if (d < 0) {
        ok[0] = false;
        return 0;
      }
      v = (v << 4) | d;
    }
    return v;
  }

  /**
   * Number of whole 32-byte words in hex {@code data}, or -1 if its digit count is not a multiple
   * of 64.
   */
  public static int words(final CharSequence data) {
    final int n = data.length() - start(data);
    return n % 64 == 0 ? n / 64 : -1;
  }

  /**
   * Parses 32-byte word {@code index} of ABI data (hex) into {@code dst}; false (dst unchanged) if
   * the data is too short or not hex.
   */
  public static boolean word(
      final CharSequence data, final int index, final UInt256 dst, final boolean[] scratch) {
    final int at = start(data) + index * 64;
    if (index < 0 || at + 64 > data.length()) {
      return false;
    }
    scratch[0] = true;
    final long l3 = digits(data, at, 16, scratch);
    final long l2 = digits(data, at + 16, 16, scratch);
    final long l1 = digits(data, at + 32, 16, scratch);
    final long l0 = digits(data, at + 48, 16, scratch);
    if (!scratch[0]) {
      return false;
    }
    dst.setLimbs(l0, l1, l2, l3);
    return true;
  }

  /** Parses a whole 32-byte hex value (a topic) into {@code dst}; false if it is not one. */
  public static boolean topic(
      final CharSequence topic, final UInt256 dst, final boolean[] scratch) {
    return topic != null && topic.length() - start(topic) == 64 && word(topic, 0, dst, scratch);
  }

  /**
   * Parses a 20-byte address into {@code out[0]} (top 4 bytes), {@code out[1]}, {@code out[2]};
   * false if it is not 40 hex digits (with or without 0x).
   */
  public static boolean address(final CharSequence s, final long[] out, final boolean[] scratch) {
    if (s == null) {
      return false;
    }
    final int at = start(s);
    if (s.length() - at != 40) {
      return false;
    }
    scratch[0] = true;
    out[0] = digits(s, at, 8, scratch);
    out[1] = digits(s, at + 8, 16, scratch);
    out[2] = digits(s, at + 24, 16, scratch);
    return scratch[0];
  }

  /** A JSON-RPC quantity ({@code 0x1a}) as a long; -1 if it is not one or does not fit. */
  public static long quantity(final CharSequence s) {
    if (s == null) {
      return -1;
    }
    final int at = start(s);
    final int n = s.length() - at;
    if (n < 1 || n > 16) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      final int d = digit(s.charAt(at + i));
      if (d < 0) {
        return -1;
      }
      v = (v << 4) | d;
    }
    return v < 0 ? -1 : v;
  }
}
