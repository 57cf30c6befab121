package io.sextant.routing.math.u256;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Fast jqwik generators of 256-bit values for property tests of the math.
 *
 * <p>jqwik's own {@code bigIntegers().between(..)} is slow over 2^256-wide ranges (milliseconds per
 * value), so values come from random bit widths, with powers of two, their neighbours and the
 * extremes mixed in, where carries and rounding break.
 */
public final class U256Arbitraries {
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private U256Arbitraries() {}

  /** Any uint256, of every width. */
  public static Arbitrary<BigInteger> u256() {
    return bits(256);
  }

  /** Any value below 2^maxBits, of every width up to that. */
  public static Arbitrary<BigInteger> bits(final int maxBits) {
    return Arbitraries.randomValue(r -> sample(r, maxBits));
  }

  /** One value below 2^maxBits: uniform width, then uniform bits, or an edge value. */
  public static BigInteger sample(final Random r, final int maxBits) {
    final int width = r.nextInt(maxBits + 1);
    final BigInteger limit = BigInteger.ONE.shiftLeft(maxBits).subtract(BigInteger.ONE);
    return switch (r.nextInt(12)) {
      case 0 -> BigInteger.ONE.shiftLeft(width).min(limit);
      case 1 -> BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
      case 2 -> BigInteger.valueOf(r.nextInt(3));
      case 3 -> limit.subtract(BigInteger.valueOf(r.nextInt(2))).min(MAX).max(BigInteger.ZERO);
      default -> new BigInteger(width, r);
    };
  }
}
