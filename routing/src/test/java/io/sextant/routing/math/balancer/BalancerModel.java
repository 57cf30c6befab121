package io.sextant.routing.math.balancer;

import java.math.BigInteger;

/**
 * An independent, deliberately plain BigInteger transcription of the Balancer V2 Solidity
 * (FixedPoint, LogExpMath with Solidity 0.7 wrapping int256, WeightedMath, StableMath and the
 * pools' scaling and fee steps). Reverts are thrown as {@link Revert}. Test oracle only.
 */
final class BalancerModel {
  static final BigInteger ONE = BigInteger.TEN.pow(18);
  static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  static final BigInteger MAX = TWO_256.subtract(BigInteger.ONE);
  static final BigInteger TWO_255 = BigInteger.ONE.shiftLeft(255);

  /** A contract revert with the error name. */
  static final class Revert extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Revert(final String reason) {
      super(reason, null, false, false);
    }
  }

  private BalancerModel() {}

  static BigInteger bi(final long v) {
    return BigInteger.valueOf(v);
  }

  static BigInteger bi(final String v) {
    return new BigInteger(v);
  }

  // ------------------------------------------------------------ FixedPoint (checked uint256)

  static BigInteger checked(final BigInteger v, final String reason) {
    if (v.signum() < 0 || v.compareTo(MAX) > 0) {
      throw new Revert(reason);
    }
    return v;
  }

  static BigInteger add(final BigInteger a, final BigInteger b) {
    return checked(a.add(b), BalancerErrors.ADD_OVERFLOW);
  }

  static BigInteger sub(final BigInteger a, final BigInteger b) {
    return checked(a.subtract(b), BalancerErrors.SUB_OVERFLOW);
  }

  static BigInteger mul(final BigInteger a, final BigInteger b) {
    return checked(a.multiply(b), BalancerErrors.MUL_OVERFLOW);
  }

  static BigInteger mulDown(final BigInteger a, final BigInteger b) {
    return mul(a, b).divide(ONE);
  }

  static BigInteger mulUp(final BigInteger a, final BigInteger b) {
    final BigInteger p = mul(a, b);
    return p.signum() == 0 ? p : p.subtract(BigInteger.ONE).divide(ONE).add(BigInteger.ONE);
  }

  static BigInteger divDown(final BigInteger a, final BigInteger b) {
    if (b.signum() == 0) {
      throw new Revert(BalancerErrors.ZERO_DIVISION);
    }
    return checked(a.multiply(ONE), BalancerErrors.DIV_INTERNAL).divide(b);
  }

  static BigInteger divUp(final BigInteger a, final BigInteger b) {
    if (b.signum() == 0) {
      throw new Revert(BalancerErrors.ZERO_DIVISION);
    }
    final BigInteger inflated = checked(a.multiply(ONE), BalancerErrors.DIV_INTERNAL);
    if (inflated.signum() == 0) {
      return BigInteger.ZERO;
    }
    return inflated.subtract(BigInteger.ONE).divide(b).add(BigInteger.ONE);
  }

  static BigInteger complement(final BigInteger x) {
    return x.compareTo(ONE) < 0 ? ONE.subtract(x) : BigInteger.ZERO;
  }

  static BigInteger powUp(final BigInteger x, final BigInteger y, final boolean shortcuts) {
    if (shortcuts) {
      if (y.equals(ONE)) {
        return x;
      }
      if (y.equals(ONE.shiftLeft(1))) {
        return mulUp(x, x);
      }
      if (y.equals(ONE.shiftLeft(2))) {
        final BigInteger sq = mulUp(x, x);
        return mulUp(sq, sq);
      }
    }
    final BigInteger raw = pow(x, y);
    final BigInteger maxError = add(mulUp(raw, bi(10000)), BigInteger.ONE);
    return add(raw, maxError);
  }

  static BigInteger powDown(final BigInteger x, final BigInteger y, final boolean shortcuts) {
    if (shortcuts) {
      if (y.equals(ONE)) {
        return x;
      }
      if (y.equals(ONE.shiftLeft(1))) {
        return mulDown(x, x);
      }
      if (y.equals(ONE.shiftLeft(2))) {
        final BigInteger sq = mulDown(x, x);
        return mulDown(sq, sq);
      }
    }
    final BigInteger raw = pow(x, y);
    final BigInteger maxError = add(mulUp(raw, bi(10000)), BigInteger.ONE);
    return raw.compareTo(maxError) < 0 ? BigInteger.ZERO : sub(raw, maxError);
  }

  // ------------------------------------------------------------ LogExpMath (unchecked int256)

  /** Wraps to int256 as Solidity 0.7 unchecked arithmetic does. */
  static BigInteger w(final BigInteger v) {
    BigInteger m = v.mod(TWO_256);
    return m.compareTo(TWO_255) >= 0 ? m.subtract(TWO_256) : m;
  }

  static final BigInteger ONE_18 = ONE;
  static final BigInteger ONE_20 = BigInteger.TEN.pow(20);
  static final BigInteger ONE_36 = BigInteger.TEN.pow(36);
  static final BigInteger MAX_NATURAL_EXPONENT = bi("130000000000000000000");
  static final BigInteger MIN_NATURAL_EXPONENT = bi("-41000000000000000000");
  static final BigInteger LN_36_LOWER_BOUND = ONE_18.subtract(BigInteger.TEN.pow(17));
  static final BigInteger LN_36_UPPER_BOUND = ONE_18.add(BigInteger.TEN.pow(17));
  static final BigInteger MILD_EXPONENT_BOUND = BigInteger.ONE.shiftLeft(254).divide(ONE_20);
  static final BigInteger X0 = bi("128000000000000000000");
  static final BigInteger A0 = bi("38877084059945950922200000000000000000000000000000000000");
  static final BigInteger X1 = bi("64000000000000000000");
  static final BigInteger A1 = bi("6235149080811616882910000000");
  static final BigInteger[] X = {
    bi("3200000000000000000000"),
    bi("1600000000000000000000"),
    bi("800000000000000000000"),
    bi("400000000000000000000"),
    bi("200000000000000000000"),
    bi("100000000000000000000"),
    bi("50000000000000000000"),
    bi("25000000000000000000"),
    bi("12500000000000000000"),
    bi("6250000000000000000")
  };
  static final BigInteger[] A = {
    bi("7896296018268069516100000000000000"),
    bi("888611052050787263676000000"),
    bi("298095798704172827474000"),
    bi("5459815003314423907810"),
    bi("738905609893065022723"),
    bi("271828182845904523536"),
    bi("164872127070012814685"),
    bi("128402541668774148407"),
    bi("113314845306682631683"),
    bi("106449445891785942956")
  };

  static BigInteger pow(final BigInteger x, final BigInteger y) {
    if (y.signum() == 0) {
      return ONE_18;
    }
    if (x.signum() == 0) {
      return BigInteger.ZERO;
    }
    if (x.shiftRight(255).signum() != 0) {
      throw new Revert(BalancerErrors.X_OUT_OF_BOUNDS);
    }
    if (y.compareTo(MILD_EXPONENT_BOUND) >= 0) {
      throw new Revert(BalancerErrors.Y_OUT_OF_BOUNDS);
    }
    BigInteger logxTimesY;
    if (LN_36_LOWER_BOUND.compareTo(x) < 0 && x.compareTo(LN_36_UPPER_BOUND) < 0) {
      final BigInteger ln36 = ln36(x);
      logxTimesY =
          w(
              w(ln36.divide(ONE_18).multiply(y))
                  .add(w(ln36.remainder(ONE_18).multiply(y)).divide(ONE_18)));
    } else {
      logxTimesY = w(lnPrivate(x).multiply(y));
    }
    logxTimesY = logxTimesY.divide(ONE_18);
    if (logxTimesY.compareTo(MIN_NATURAL_EXPONENT) < 0
        || logxTimesY.compareTo(MAX_NATURAL_EXPONENT) > 0) {
      throw new Revert(BalancerErrors.PRODUCT_OUT_OF_BOUNDS);
    }
    return exp(logxTimesY).mod(TWO_256);
  }

  static BigInteger exp(BigInteger x) {
    if (x.compareTo(MIN_NATURAL_EXPONENT) < 0 || x.compareTo(MAX_NATURAL_EXPONENT) > 0) {
      throw new Revert(BalancerErrors.INVALID_EXPONENT);
    }
    if (x.signum() < 0) {
      return w(ONE_18.multiply(ONE_18)).divide(exp(x.negate()));
    }
    BigInteger firstAN;
    if (x.compareTo(X0) >= 0) {
      x = x.subtract(X0);
      firstAN = A0;
    } else if (x.compareTo(X1) >= 0) {
      x = x.subtract(X1);
      firstAN = A1;
    } else {
      firstAN = BigInteger.ONE;
    }
    x = w(x.multiply(bi(100)));
    BigInteger product = ONE_20;
    for (int i = 0; i < 8; i++) {
      if (x.compareTo(X[i]) >= 0) {
        x = x.subtract(X[i]);
        product = w(product.multiply(A[i])).divide(ONE_20);
      }
    }
    BigInteger seriesSum = ONE_20;
    BigInteger term = x;
    seriesSum = w(seriesSum.add(term));
    for (int n = 2; n <= 12; n++) {
      term = w(term.multiply(x)).divide(ONE_20).divide(bi(n));
      seriesSum = w(seriesSum.add(term));
    }
    return w(w(product.multiply(seriesSum)).divide(ONE_20).multiply(firstAN)).divide(bi(100));
  }

  static BigInteger ln(final BigInteger a) {
    if (a.signum() <= 0) {
      throw new Revert(BalancerErrors.OUT_OF_BOUNDS);
    }
    if (LN_36_LOWER_BOUND.compareTo(a) < 0 && a.compareTo(LN_36_UPPER_BOUND) < 0) {
      return ln36(a).divide(ONE_18);
    }
    return lnPrivate(a);
  }

  static BigInteger lnPrivate(BigInteger a) {
    if (a.compareTo(ONE_18) < 0) {
      return w(lnPrivate(w(ONE_18.multiply(ONE_18)).divide(a)).negate());
    }
    BigInteger sum = BigInteger.ZERO;
    if (a.compareTo(w(A0.multiply(ONE_18))) >= 0) {
      a = a.divide(A0);
      sum = sum.add(X0);
    }
    if (a.compareTo(w(A1.multiply(ONE_18))) >= 0) {
      a = a.divide(A1);
      sum = sum.add(X1);
    }
    sum = w(sum.multiply(bi(100)));
    a = w(a.multiply(bi(100)));
    for (int i = 0; i < 10; i++) {
      if (a.compareTo(A[i]) >= 0) {
        a = w(a.multiply(ONE_20)).divide(A[i]);
        sum = w(sum.add(X[i]));
      }
    }
    final BigInteger z = w(a.subtract(ONE_20).multiply(ONE_20)).divide(w(a.add(ONE_20)));
    final BigInteger zSquared = w(z.multiply(z)).divide(ONE_20);
    BigInteger num = z;
    BigInteger seriesSum = num;
    for (int k = 3; k <= 11; k += 2) {
      num = w(num.multiply(zSquared)).divide(ONE_20);
      seriesSum = w(seriesSum.add(num.divide(bi(k))));
    }
    seriesSum = w(seriesSum.multiply(bi(2)));
    return w(sum.add(seriesSum)).divide(bi(100));
  }

  static BigInteger ln36(BigInteger x) {
    x = w(x.multiply(ONE_18));
    final BigInteger z = w(x.subtract(ONE_36).multiply(ONE_36)).divide(w(x.add(ONE_36)));
    final BigInteger zSquared = w(z.multiply(z)).divide(ONE_36);
    BigInteger num = z;
    BigInteger seriesSum = num;
    for (int k = 3; k <= 15; k += 2) {
      num = w(num.multiply(zSquared)).divide(ONE_36);
      seriesSum = w(seriesSum.add(num.divide(bi(k))));
    }
    return w(seriesSum.multiply(bi(2)));
  }

  // ------------------------------------------------------------ WeightedMath

  static final BigInteger MAX_RATIO = bi(300_000_000_000_000_000L);

  static BigInteger calcOutGivenIn(
      final BigInteger bIn,
      final BigInteger wIn,
      final BigInteger bOut,
      final BigInteger wOut,
      final BigInteger aIn,
      final boolean shortcuts) {
    if (aIn.compareTo(mulDown(bIn, MAX_RATIO)) > 0) {
      throw new Revert(BalancerErrors.MAX_IN_RATIO);
    }
    final BigInteger denominator = add(bIn, aIn);
    final BigInteger base = divUp(bIn, denominator);
    final BigInteger exponent = divDown(wIn, wOut);
    final BigInteger power = powUp(base, exponent, shortcuts);
    return mulDown(bOut, complement(power));
  }

  static BigInteger calcInGivenOut(
      final BigInteger bIn,
      final BigInteger wIn,
      final BigInteger bOut,
      final BigInteger wOut,
      final BigInteger aOut,
      final boolean shortcuts) {
    if (aOut.compareTo(mulDown(bOut, MAX_RATIO)) > 0) {
      throw new Revert(BalancerErrors.MAX_OUT_RATIO);
    }
    final BigInteger base = divUp(bOut, sub(bOut, aOut));
    final BigInteger exponent = divUp(wOut, wIn);
    final BigInteger power = powUp(base, exponent, shortcuts);
    final BigInteger ratio = sub(power, ONE);
    return mulUp(bIn, ratio);
  }

  /** BaseMinimalSwapInfoPool GIVEN_IN on unscaled Vault balances. */
  static BigInteger weightedSwapGivenIn(
      final BigInteger[] balances,
      final BigInteger[] scaling,
      final BigInteger[] weights,
      final BigInteger fee,
      final boolean shortcuts,
      final int i,
      final int j,
      final BigInteger amountIn) {
    final BigInteger net = sub(amountIn, mulUp(amountIn, fee));
    final BigInteger out =
        calcOutGivenIn(
            mulDown(balances[i], scaling[i]),
            weights[i],
            mulDown(balances[j], scaling[j]),
            weights[j],
            mulDown(net, scaling[i]),
            shortcuts);
    return divDown(out, scaling[j]);
  }

  /** BaseMinimalSwapInfoPool GIVEN_OUT on unscaled Vault balances. */
  static BigInteger weightedSwapGivenOut(
      final BigInteger[] balances,
      final BigInteger[] scaling,
      final BigInteger[] weights,
      final BigInteger fee,
      final boolean shortcuts,
      final int i,
      final int j,
      final BigInteger amountOut) {
    final BigInteger in =
        calcInGivenOut(
            mulDown(balances[i], scaling[i]),
            weights[i],
            mulDown(balances[j], scaling[j]),
            weights[j],
            mulDown(amountOut, scaling[j]),
            shortcuts);
    return divUp(divUp(in, scaling[i]), complement(fee));
  }

  // ------------------------------------------------------------ StableMath (latest, checked Math)

  static final BigInteger AMP_PRECISION = bi(1000);

  static BigInteger mathDivDown(final BigInteger a, final BigInteger b) {
    if (b.signum() == 0) {
      throw new Revert(BalancerErrors.ZERO_DIVISION);
    }
    return a.divide(b);
  }

  static BigInteger mathDivUp(final BigInteger a, final BigInteger b) {
    if (b.signum() == 0) {
      throw new Revert(BalancerErrors.ZERO_DIVISION);
    }
    return a.signum() == 0
        ? BigInteger.ZERO
        : a.subtract(BigInteger.ONE).divide(b).add(BigInteger.ONE);
  }

  static BigInteger calculateInvariant(final BigInteger amp, final BigInteger[] balances) {
    BigInteger sum = BigInteger.ZERO;
    final BigInteger n = bi(balances.length);
    for (BigInteger b : balances) {
      sum = add(sum, b);
    }
    if (sum.signum() == 0) {
      return BigInteger.ZERO;
    }
    BigInteger invariant = sum;
    final BigInteger ampTimesTotal = amp.multiply(n);
    for (int i = 0; i < 255; i++) {
      BigInteger dP = invariant;
      for (BigInteger b : balances) {
        dP = mathDivDown(mul(dP, invariant), mul(b, n));
      }
      final BigInteger prev = invariant;
      invariant =
          mathDivDown(
              mul(add(mathDivDown(mul(ampTimesTotal, sum), AMP_PRECISION), mul(dP, n)), invariant),
              add(
                  mathDivDown(mul(ampTimesTotal.subtract(AMP_PRECISION), invariant), AMP_PRECISION),
                  mul(n.add(BigInteger.ONE), dP)));
      if (invariant.subtract(prev).abs().compareTo(BigInteger.ONE) <= 0) {
        return invariant;
      }
    }
    throw new Revert(BalancerErrors.STABLE_INVARIANT_DIDNT_CONVERGE);
  }

  static BigInteger balanceGivenInvariant(
      final BigInteger amp, final BigInteger[] balances, final BigInteger invariant, final int t) {
    final BigInteger n = bi(balances.length);
    final BigInteger ampTimesTotal = amp.multiply(n);
    BigInteger sum = balances[0];
    BigInteger pD = balances[0].multiply(n);
    for (int j = 1; j < balances.length; j++) {
      pD = mathDivDown(mul(mul(pD, balances[j]), n), invariant);
      sum = add(sum, balances[j]);
    }
    sum = sum.subtract(balances[t]);
    final BigInteger inv2 = mul(invariant, invariant);
    final BigInteger c =
        mul(mul(mathDivUp(inv2, mul(ampTimesTotal, pD)), AMP_PRECISION), balances[t]);
    final BigInteger b = add(sum, mul(mathDivDown(invariant, ampTimesTotal), AMP_PRECISION));
    BigInteger y = mathDivUp(add(inv2, c), add(invariant, b));
    for (int i = 0; i < 255; i++) {
      final BigInteger prev = y;
      y = mathDivUp(add(mul(y, y), c), sub(add(mul(y, bi(2)), b), invariant));
      if (y.subtract(prev).abs().compareTo(BigInteger.ONE) <= 0) {
        return y;
      }
    }
    throw new Revert(BalancerErrors.STABLE_GET_BALANCE_DIDNT_CONVERGE);
  }

  static BigInteger stableOutGivenIn(
      final BigInteger amp,
      final BigInteger[] balances,
      final int i,
      final int j,
      final BigInteger amountIn) {
    final BigInteger invariant = calculateInvariant(amp, balances);
    final BigInteger[] b = balances.clone();
    b[i] = add(b[i], amountIn);
    final BigInteger finalOut = balanceGivenInvariant(amp, b, invariant, j);
    return sub(sub(balances[j], finalOut), BigInteger.ONE);
  }

  static BigInteger stableInGivenOut(
      final BigInteger amp,
      final BigInteger[] balances,
      final int i,
      final int j,
      final BigInteger amountOut) {
    final BigInteger invariant = calculateInvariant(amp, balances);
    final BigInteger[] b = balances.clone();
    b[j] = sub(b[j], amountOut);
    final BigInteger finalIn = balanceGivenInvariant(amp, b, invariant, i);
    return add(sub(finalIn, balances[i]), BigInteger.ONE);
  }

  /** BaseGeneralPool GIVEN_IN: fee off, upscale all, StableMath, downscale down. */
  static BigInteger stableSwapGivenIn(
      final BigInteger amp,
      final BigInteger[] balances,
      final BigInteger[] scaling,
      final BigInteger fee,
      final int i,
      final int j,
      final BigInteger amountIn) {
    final BigInteger net = sub(amountIn, mulUp(amountIn, fee));
    final BigInteger[] up = new BigInteger[balances.length];
    for (int k = 0; k < up.length; k++) {
      up[k] = mulDown(balances[k], scaling[k]);
    }
    return divDown(stableOutGivenIn(amp, up, i, j, mulDown(net, scaling[i])), scaling[j]);
  }

  /** BaseGeneralPool GIVEN_OUT: upscale, StableMath, downscale up, fee on. */
  static BigInteger stableSwapGivenOut(
      final BigInteger amp,
      final BigInteger[] balances,
      final BigInteger[] scaling,
      final BigInteger fee,
      final int i,
      final int j,
      final BigInteger amountOut) {
    final BigInteger[] up = new BigInteger[balances.length];
    for (int k = 0; k < up.length; k++) {
      up[k] = mulDown(balances[k], scaling[k]);
    }
    final BigInteger in = stableInGivenOut(amp, up, i, j, mulDown(amountOut, scaling[j]));
    return divUp(divUp(in, scaling[i]), complement(fee));
  }
}
