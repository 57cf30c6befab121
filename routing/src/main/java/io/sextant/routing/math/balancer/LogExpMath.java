package io.sextant.routing.math.balancer;

import io.sextant.routing.math.u256.UInt256;

/**
 * Balancer V2 {@code LogExpMath.sol}: {@code x^y}, {@code e^x} and {@code ln x} on 18-decimal fixed
 * point, computed with the contract's own decomposition, Taylor series, 20-decimal intermediates
 * and 36-decimal {@code ln} near one, so every digit (and every truncation) is the contract's.
 *
 * <p>The library is compiled with Solidity 0.7: its {@code int256} arithmetic is unchecked, so
 * products wrap and divisions truncate toward zero; this port keeps both (two's complement on
 * {@link UInt256}, signed division by magnitudes). Only the explicit {@code _require}s fail.
 *
 * <p>An instance holds its temporaries: allocation-free after the first call, not thread-safe.
 */
public final class LogExpMath {
  private static final UInt256 ONE_18 = UInt256.ofUnsignedLong(1_000_000_000_000_000_000L);
  private static final UInt256 ONE_20 = UInt256.parse("100000000000000000000");
  private static final UInt256 ONE_36 = UInt256.parse("1000000000000000000000000000000000000");
  private static final UInt256 ONE_18_SQUARED = ONE_36;
  private static final UInt256 HUNDRED = UInt256.ofUnsignedLong(100);

  private static final UInt256 MAX_NATURAL_EXPONENT = UInt256.parse("130000000000000000000");
  private static final UInt256 MIN_NATURAL_EXPONENT =
      new UInt256().negate(UInt256.parse("41000000000000000000"));
  private static final UInt256 LN_36_LOWER_BOUND = UInt256.ofUnsignedLong(900_000_000_000_000_000L);
  private static final UInt256 LN_36_UPPER_BOUND =
      UInt256.ofUnsignedLong(1_100_000_000_000_000_000L);
  private static final UInt256 MILD_EXPONENT_BOUND = new UInt256();

  // 18-decimal x0, x1 and their exponentials with no decimals.
  private static final UInt256 X0 = UInt256.parse("128000000000000000000");
  private static final UInt256 A0 =
      UInt256.parse("38877084059945950922200000000000000000000000000000000000");
  private static final UInt256 X1 = UInt256.parse("64000000000000000000");
  private static final UInt256 A1 = UInt256.parse("6235149080811616882910000000");
  private static final UInt256 A0_18 = new UInt256();
  private static final UInt256 A1_18 = new UInt256();

  static {
    MILD_EXPONENT_BOUND.setPowerOfTwo(254);
    MILD_EXPONENT_BOUND.div(MILD_EXPONENT_BOUND, ONE_20);
    A0_18.mul(A0, ONE_18);
    A1_18.mul(A1, ONE_18);
  }

  // 20-decimal x2..x11 and their exponentials.
  private static final UInt256[] XN = {
    UInt256.parse("3200000000000000000000"),
    UInt256.parse("1600000000000000000000"),
    UInt256.parse("800000000000000000000"),
    UInt256.parse("400000000000000000000"),
    UInt256.parse("200000000000000000000"),
    UInt256.parse("100000000000000000000"),
    UInt256.parse("50000000000000000000"),
    UInt256.parse("25000000000000000000"),
    UInt256.parse("12500000000000000000"),
    UInt256.parse("6250000000000000000"),
  };
  private static final UInt256[] AN = {
    UInt256.parse("7896296018268069516100000000000000"),
    UInt256.parse("888611052050787263676000000"),
    UInt256.parse("298095798704172827474000"),
    UInt256.parse("5459815003314423907810"),
    UInt256.parse("738905609893065022723"),
    UInt256.parse("271828182845904523536"),
    UInt256.parse("164872127070012814685"),
    UInt256.parse("128402541668774148407"),
    UInt256.parse("113314845306682631683"),
    UInt256.parse("106449445891785942956"),
  };

  private final UInt256 ta = new UInt256();
  private final UInt256 tb = new UInt256();
  private final UInt256 t1 = new UInt256();
  private final UInt256 t2 = new UInt256();
  private final UInt256 t3 = new UInt256();
  private final UInt256 t4 = new UInt256();
  private final UInt256 t5 = new UInt256();
  private final UInt256 t6 = new UInt256();
  private final UInt256 small = new UInt256();
  private String failure;

  /** Why the last call returned {@code false}. */
  public String failure() {
    return failure;
  }

  /** Records a failure reason; returns {@code false}. Used by {@link FixedPoint}'s powers too. */
  boolean fail(final String reason) {
    failure = reason;
    return false;
  }

  /**
   * {@code r = x^y} for unsigned 18-decimal {@code x} and {@code y}: {@code exp(y·ln x)}, with
   * {@code 0^0 = 1} and {@code 0^y = 0}. Fails with {@code X_OUT_OF_BOUNDS} ({@code x ≥ 2^255}),
   * {@code Y_OUT_OF_BOUNDS} ({@code y ≥ 2^254/1e20}) or {@code PRODUCT_OUT_OF_BOUNDS}. {@code r}
   * may alias {@code x} or {@code y}.
   */
  public boolean pow(final UInt256 r, final UInt256 x, final UInt256 y) {
    if (y.isZero()) {
      r.set(ONE_18);
      return true;
    }
    if (x.isZero()) {
      r.setZero();
      return true;
    }
    if (x.isNegative()) {
      return fail(BalancerErrors.X_OUT_OF_BOUNDS);
    }
    if (y.compareTo(MILD_EXPONENT_BOUND) >= 0) {
      return fail(BalancerErrors.Y_OUT_OF_BOUNDS);
    }
    final UInt256 logxTimesY = t6;
    if (LN_36_LOWER_BOUND.compareTo(x) < 0 && x.compareTo(LN_36_UPPER_BOUND) < 0) {
      ln36(t5, x);
      // Two 18-decimal products: the high and the (downscaled) low 18 decimals of ln_36(x).
      sdiv(t1, t5, ONE_18);
      t1.mul(t1, y);
      smod(t2, t5, ONE_18);
      t2.mul(t2, y);
      sdiv(t2, t2, ONE_18);
      logxTimesY.add(t1, t2);
    } else {
      lnInternal(t5, x);
      logxTimesY.mul(t5, y);
    }
    sdiv(logxTimesY, logxTimesY, ONE_18);
    if (logxTimesY.compareSigned(MIN_NATURAL_EXPONENT) < 0
        || logxTimesY.compareSigned(MAX_NATURAL_EXPONENT) > 0) {
      return fail(BalancerErrors.PRODUCT_OUT_OF_BOUNDS);
    }
    return exp(r, logxTimesY);
  }

  /**
   * {@code r = e^x} for a signed ({@code int256}) 18-decimal {@code x} in [-41, 130]; otherwise
   * {@code INVALID_EXPONENT}. Negative arguments give {@code 1e36 / e^(-x)}, truncated.
   */
  public boolean exp(final UInt256 r, final UInt256 x) {
    if (x.compareSigned(MIN_NATURAL_EXPONENT) < 0 || x.compareSigned(MAX_NATURAL_EXPONENT) > 0) {
      return fail(BalancerErrors.INVALID_EXPONENT);
    }
    if (x.isNegative()) {
      t4.negate(x);
      expNonNegative(t4, t4);
      r.div(ONE_18_SQUARED, t4);
      return true;
    }
    expNonNegative(r, x);
    return true;
  }

  /**
   * {@code r = ln a} for a signed 18-decimal {@code a > 0} ({@code OUT_OF_BOUNDS} otherwise), using
   * the 36-decimal series for {@code a} in (0.9, 1.1).
   */
  public boolean ln(final UInt256 r, final UInt256 a) {
    if (a.isNegative() || a.isZero()) {
      return fail(BalancerErrors.OUT_OF_BOUNDS);
    }
    if (LN_36_LOWER_BOUND.compareTo(a) < 0 && a.compareTo(LN_36_UPPER_BOUND) < 0) {
      ln36(t5, a);
      sdiv(r, t5, ONE_18);
    } else {
      lnInternal(r, a);
    }
    return true;
  }

  /** e^x for 0 ≤ x ≤ 130e18; every intermediate is non-negative. */
  private void expNonNegative(final UInt256 r, final UInt256 xIn) {
    final UInt256 x = t1;
    final UInt256 firstAN = t2;
    x.set(xIn);
    if (x.compareTo(X0) >= 0) {
      x.sub(x, X0);
      firstAN.set(A0);
    } else if (x.compareTo(X1) >= 0) {
      x.sub(x, X1);
      firstAN.set(A1);
    } else {
      firstAN.setUnsignedLong(1);
    }
    x.mul(x, HUNDRED);
    final UInt256 product = t3;
    product.set(ONE_20);
    for (int n = 0; n < 8; n++) {
      if (x.compareTo(XN[n]) >= 0) {
        x.sub(x, XN[n]);
        product.mul(product, AN[n]);
        product.div(product, ONE_20);
      }
    }
    // Taylor series of e^x for the remainder, 12 terms, 20 decimals.
    final UInt256 seriesSum = ta;
    final UInt256 term = tb;
    seriesSum.set(ONE_20);
    term.set(x);
    seriesSum.add(seriesSum, term);
    for (int n = 2; n <= 12; n++) {
      term.mul(term, x);
      term.div(term, ONE_20);
      term.div(term, small.setUnsignedLong(n));
      seriesSum.add(seriesSum, term);
    }
    product.mul(product, seriesSum);
    product.div(product, ONE_20);
    product.mul(product, firstAN);
    r.div(product, HUNDRED);
  }

  /** The contract's {@code _ln}: signed result for a positive 18-decimal argument. */
  private void lnInternal(final UInt256 r, final UInt256 a) {
    if (a.compareTo(ONE_18) < 0) {
      // ln(a) = -ln(1/a); 1/a ≥ 1 so the recursion is one level deep.
      t4.div(ONE_18_SQUARED, a);
      lnAtLeastOne(r, t4);
      r.negate(r);
      return;
    }
    lnAtLeastOne(r, a);
  }

  /** ln(a) for a ≥ 1e18; every intermediate is non-negative. */
  private void lnAtLeastOne(final UInt256 r, final UInt256 aIn) {
    final UInt256 a = t1;
    final UInt256 sum = t2;
    a.set(aIn);
    sum.setZero();
    if (a.compareTo(A0_18) >= 0) {
      a.div(a, A0);
      sum.add(sum, X0);
    }
    if (a.compareTo(A1_18) >= 0) {
      a.div(a, A1);
      sum.add(sum, X1);
    }
    sum.mul(sum, HUNDRED);
    a.mul(a, HUNDRED);
    for (int n = 0; n < 10; n++) {
      if (a.compareTo(AN[n]) >= 0) {
        a.mul(a, ONE_20);
        a.div(a, AN[n]);
        sum.add(sum, XN[n]);
      }
    }
    // z = (a - 1) / (a + 1), ln(a) = 2 (z + z^3/3 + ... + z^11/11), 20 decimals; a ≥ 1 here.
    final UInt256 z = t3;
    final UInt256 zSquared = ta;
    final UInt256 num = tb;
    z.sub(a, ONE_20);
    z.mul(z, ONE_20);
    a.add(a, ONE_20);
    z.div(z, a);
    zSquared.mul(z, z);
    zSquared.div(zSquared, ONE_20);
    num.set(z);
    final UInt256 seriesSum = z;
    for (int k = 3; k <= 11; k += 2) {
      num.mul(num, zSquared);
      num.div(num, ONE_20);
      a.div(num, small.setUnsignedLong(k));
      seriesSum.add(seriesSum, a);
    }
    seriesSum.add(seriesSum, seriesSum);
    sum.add(sum, seriesSum);
    r.div(sum, HUNDRED);
  }

  /** The contract's {@code _ln_36}: 36-decimal ln(x) for 18-decimal x in (0.9, 1.1); signed. */
  private void ln36(final UInt256 r, final UInt256 xIn) {
    final UInt256 x = t1;
    final UInt256 z = t2;
    final UInt256 zSquared = t3;
    final UInt256 num = t4;
    x.mul(xIn, ONE_18);
    z.sub(x, ONE_36);
    z.mul(z, ONE_36);
    x.add(x, ONE_36);
    sdiv(z, z, x);
    zSquared.mul(z, z);
    sdiv(zSquared, zSquared, ONE_36);
    num.set(z);
    final UInt256 seriesSum = r;
    seriesSum.set(z);
    for (int k = 3; k <= 15; k += 2) {
      num.mul(num, zSquared);
      sdiv(num, num, ONE_36);
      sdiv(x, num, small.setUnsignedLong(k));
      seriesSum.add(seriesSum, x);
    }
    seriesSum.add(seriesSum, seriesSum);
  }

  /** {@code r = a / b} as int256, truncating toward zero (the EVM's SDIV); b ≠ 0. */
  private void sdiv(final UInt256 r, final UInt256 a, final UInt256 b) {
    final boolean negative = a.isNegative() != b.isNegative();
    if (a.isNegative()) {
      ta.negate(a);
    } else {
      ta.set(a);
    }
    if (b.isNegative()) {
      tb.negate(b);
    } else {
      tb.set(b);
    }
    r.div(ta, tb);
    if (negative) {
      r.negate(r);
    }
  }

  /** {@code r = a % b} as int256: the sign of {@code a} (the EVM's SMOD); b ≠ 0. */
  private void smod(final UInt256 r, final UInt256 a, final UInt256 b) {
    final boolean negative = a.isNegative();
    if (negative) {
      ta.negate(a);
    } else {
      ta.set(a);
    }
    if (b.isNegative()) {
      tb.negate(b);
    } else {
      tb.set(b);
    }
    r.mod(ta, tb);
    if (negative) {
      r.negate(r);
    }
  }
}
