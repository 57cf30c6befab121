package io.sextant.routing.math.balancer;

import io.sextant.routing.math.u256.UInt256;

/**
 * Balancer V2 18-decimal fixed point ({@code FixedPoint.sol}): a value {@code v} stands for {@code
 * v / 1e18}. Every function writes into {@code r} (which may alias an operand) and returns {@code
 * false} exactly where the contract reverts; the name says the rounding direction.
 *
 * <p>Stateless and allocation-free; the constants are shared read-only holders and must never be
 * written.
 */
public final class FixedPoint {
  /** 1.0 as a long: 1e18. */
  public static final long ONE_LONG = 1_000_000_000_000_000_000L;

  /** 1.0: 1e18. Read-only. */
  public static final UInt256 ONE = UInt256.ofUnsignedLong(ONE_LONG);

  /** 2.0. Read-only. */
  public static final UInt256 TWO = UInt256.ofUnsignedLong(2 * ONE_LONG);

  /** 4.0. Read-only. */
  public static final UInt256 FOUR = UInt256.ofUnsignedLong(4 * ONE_LONG);

  /** Relative error bound of {@link LogExpMath#pow}: 10000 wei, i.e. 1e-14. */
  public static final long MAX_POW_RELATIVE_ERROR = 10_000L;

  private static final UInt256 MAX_POW_RELATIVE_ERROR_U =
      UInt256.ofUnsignedLong(MAX_POW_RELATIVE_ERROR);

  /** Largest {@code a} whose {@code a · 1e18} fits 256 bits. */
  private static final UInt256 MAX_INFLATABLE = new UInt256();

  static {
    MAX_INFLATABLE.setMax();
    MAX_INFLATABLE.div(MAX_INFLATABLE, ONE);
  }

  private FixedPoint() {}

  /** {@code r = a + b}; {@code false} on overflow ({@code ADD_OVERFLOW}). */
  public static boolean add(final UInt256 r, final UInt256 a, final UInt256 b) {
    return r.add(a, b);
  }

  /** {@code r = a − b}; {@code false} if {@code b > a} ({@code SUB_OVERFLOW}). */
  public static boolean sub(final UInt256 r, final UInt256 a, final UInt256 b) {
    return r.sub(a, b);
  }

  /** {@code r = ⌊a·b / 1e18⌋}; {@code false} if {@code a·b} overflows ({@code MUL_OVERFLOW}). */
  public static boolean mulDown(final UInt256 r, final UInt256 a, final UInt256 b) {
    if (!r.mul(a, b)) {
      return false;
    }
    return r.div(r, ONE);
  }

  /**
   * {@code r = ⌈a·b / 1e18⌉} (zero when the product is zero); {@code false} if {@code a·b}
   * overflows ({@code MUL_OVERFLOW}).
   */
  public static boolean mulUp(final UInt256 r, final UInt256 a, final UInt256 b) {
    if (!r.mul(a, b)) {
      return false;
    }
    return r.divRoundingUp(r, ONE);
  }

  /**
   * {@code r = ⌊a·1e18 / b⌋}; {@code false} if {@code b} is zero ({@code ZERO_DIVISION}) or {@code
   * a·1e18} overflows ({@code DIV_INTERNAL}); see {@link #divFailure}.
   */
  public static boolean divDown(final UInt256 r, final UInt256 a, final UInt256 b) {
    if (b.isZero() || a.compareTo(MAX_INFLATABLE) > 0) {
      return false;
    }
    return r.mulDiv(a, ONE, b);
  }

  /** {@code r = ⌈a·1e18 / b⌉} (zero for {@code a = 0}); fails like {@link #divDown}. */
  public static boolean divUp(final UInt256 r, final UInt256 a, final UInt256 b) {
    if (b.isZero() || a.compareTo(MAX_INFLATABLE) > 0) {
      return false;
    }
    return r.mulDivRoundingUp(a, ONE, b);
  }

  /** The reason a {@link #divDown} or {@link #divUp} of {@code a} by {@code b} failed. */
  public static String divFailure(final UInt256 b) {
    return b.isZero() ? BalancerErrors.ZERO_DIVISION : BalancerErrors.DIV_INTERNAL;
  }

  /** {@code r = 1 − x}, or zero when {@code x ≥ 1}. */
  public static UInt256 complement(final UInt256 r, final UInt256 x) {
    if (x.compareTo(ONE) >= 0) {
      return r.setZero();
    }
    r.sub(ONE, x);
    return r;
  }

  /**
   * {@code r = x^y} rounded up: {@link LogExpMath#pow} plus its maximum error {@code mulUp(raw,
   * 1e-14) + 1}. With {@code shortcuts} (pools from the V3 weighted factory on), the exponents 1, 2
   * and 4 are computed as {@code x}, {@code mulUp(x, x)} and two squarings, as the newer {@code
   * FixedPoint.powUp} does; V0 pools always take the generic path. On {@code false}, {@code
   * math.failure()} says why. {@code r} must not alias {@code scratch}.
   */
  public static boolean powUp(
      final UInt256 r,
      final UInt256 x,
      final UInt256 y,
      final boolean shortcuts,
      final LogExpMath math,
      final UInt256 scratch) {
    if (shortcuts) {
      if (y.eq(ONE)) {
        r.set(x);
        return true;
      }
      if (y.eq(TWO)) {
        return mulUp(r, x, x) || math.fail(BalancerErrors.MUL_OVERFLOW);
      }
      if (y.eq(FOUR)) {
        return (mulUp(r, x, x) && mulUp(r, r, r)) || math.fail(BalancerErrors.MUL_OVERFLOW);
      }
    }
    if (!math.pow(r, x, y)) {
      return false;
    }
    if (!mulUp(scratch, r, MAX_POW_RELATIVE_ERROR_U)) {
      return math.fail(BalancerErrors.MUL_OVERFLOW);
    }
    if (!scratch.addUnsignedLong(scratch, 1) || !r.add(r, scratch)) {
      return math.fail(BalancerErrors.ADD_OVERFLOW);
    }
    return true;
  }

  /**
   * {@code r = x^y} rounded down: the raw power minus its maximum error, floored at zero; the
   * shortcuts are as in {@link #powUp} with {@code mulDown}. On {@code false}, {@code
   * math.failure()} says why. {@code r} must not alias {@code scratch}.
   */
  public static boolean powDown(
      final UInt256 r,
      final UInt256 x,
      final UInt256 y,
      final boolean shortcuts,
      final LogExpMath math,
      final UInt256 scratch) {
    if (shortcuts) {
      if (y.eq(ONE)) {
        r.set(x);
        return true;
      }
      if (y.eq(TWO)) {
        return mulDown(r, x, x) || math.fail(BalancerErrors.MUL_OVERFLOW);
      }
      if (y.eq(FOUR)) {
        return (mulDown(r, x, x) && mulDown(r, r, r)) || math.fail(BalancerErrors.MUL_OVERFLOW);
      }
    }
    if (!math.pow(r, x, y)) {
      return false;
    }
    if (!mulUp(scratch, r, MAX_POW_RELATIVE_ERROR_U)) {
      return math.fail(BalancerErrors.MUL_OVERFLOW);
    }
    if (!scratch.addUnsignedLong(scratch, 1)) {
      return math.fail(BalancerErrors.ADD_OVERFLOW);
    }
    if (r.compareTo(scratch) < 0) {
      r.setZero();
    } else {
      r.sub(r, scratch);
    }
    return true;
  }

  /**
   * Cold path: parses a non-negative decimal such as {@code "0.003"} or {@code "1000000000000"}
   * into 18-decimal fixed point. Throws {@link IllegalArgumentException} naming {@code field} if
   * the text is not a plain decimal, has more than 18 fractional digits or does not fit uint256.
   */
  public static UInt256 parse(final String field, final String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    final int dot = text.indexOf('.');
    final String units = dot < 0 ? text : text.substring(0, dot);
    final String fraction = dot < 0 ? "" : text.substring(dot + 1);
    if (units.isEmpty() || (dot >= 0 && fraction.isEmpty())) {
      throw new IllegalArgumentException(field + " is not a decimal number: \"" + text + "\"");
    }
    if (fraction.length() > 18) {
      throw new IllegalArgumentException(
          field + " has more than 18 decimal places: \"" + text + "\"");
    }
    final UInt256 u = new UInt256();
    final UInt256 f = new UInt256();
    if (!u.parseDecimal(units) || !(fraction.isEmpty() || f.parseDecimal(fraction))) {
      throw new IllegalArgumentException(field + " is not a decimal number: \"" + text + "\"");
    }
    final UInt256 scale = UInt256.ofUnsignedLong(pow10(18 - fraction.length()));
    if (!u.mul(u, ONE) || !f.mul(f, scale) || !u.add(u, f)) {
      throw new IllegalArgumentException(field + " does not fit uint256: \"" + text + "\"");
    }
    return u;
  }

  /** Cold path: the fixed-point value as a plain decimal, e.g. {@code 1.000015259021896698}. */
  public static String toDecimalString(final UInt256 v) {
    final java.math.BigInteger[] qr =
        v.toBigInteger().divideAndRemainder(java.math.BigInteger.valueOf(ONE_LONG));
    if (qr[1].signum() == 0) {
      return qr[0].toString();
    }
    String frac = String.format("%018d", qr[1]);
    int end = frac.length();
    while (frac.charAt(end - 1) == '0') {
      end--;
    }
    return qr[0] + "." + frac.substring(0, end);
  }

  private static long pow10(final int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
