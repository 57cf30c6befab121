package io.sextant.routing.math.curve;

import java.math.BigInteger;

/**
 * Independent BigInteger transcription of the Vyper get_D / get_y / get_dy (StableSwap3Pool.vy and
 * the factory plain pools), with Vyper's checked uint256 arithmetic. Test oracle only.
 */
final class CurveModel {
  static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  static final BigInteger PRECISION = BigInteger.TEN.pow(18);
  static final BigInteger FEE_DENOMINATOR = BigInteger.TEN.pow(10);

  /** A Vyper revert. */
  static final class Revert extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Revert(final String reason) {
      super(reason, null, false, false);
    }
  }

  private CurveModel() {}

  static BigInteger c(final BigInteger v) {
    if (v.signum() < 0) {
      throw new Revert("underflow");
    }
    if (v.compareTo(MAX) > 0) {
      throw new Revert("overflow");
    }
    return v;
  }

  static BigInteger div(final BigInteger a, final BigInteger b) {
    if (b.signum() == 0) {
      throw new Revert("division by zero");
    }
    return a.divide(b);
  }

  static BigInteger[] xp(final BigInteger[] balances, final BigInteger[] rates) {
    final BigInteger[] r = new BigInteger[balances.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = c(rates[i].multiply(balances[i])).divide(PRECISION);
    }
    return r;
  }

  static BigInteger getD(
      final BigInteger[] xp, final BigInteger amp, final long aPrec, final boolean strict) {
    final BigInteger nc = BigInteger.valueOf(xp.length);
    final BigInteger ap = BigInteger.valueOf(aPrec);
    BigInteger s = BigInteger.ZERO;
    for (BigInteger x : xp) {
      s = c(s.add(x));
    }
    if (s.signum() == 0) {
      return s;
    }
    BigInteger d = s;
    final BigInteger ann = c(amp.multiply(nc));
    for (int i = 0; i < 255; i++) {
      BigInteger dP = d;
      for (BigInteger x : xp) {
        dP = div(c(dP.multiply(d)), c(x.multiply(nc)));
      }
      final BigInteger dPrev = d;
      final BigInteger numerator =
          c(c(c(ann.multiply(s)).divide(ap).add(c(dP.multiply(nc)))).multiply(d));
      final BigInteger denominator =
          c(
              c(c(ann.subtract(ap)).multiply(d))
                  .divide(ap)
                  .add(c(nc.add(BigInteger.ONE).multiply(dP))));
      d = div(numerator, denominator);
      if (d.subtract(dPrev).abs().compareTo(BigInteger.ONE) <= 0) {
        return d;
      }
    }
    if (strict) {
      throw new Revert("get_D did not converge");
    }
    return d;
  }

  static BigInteger getY(
      final int i,
      final int j,
      final BigInteger x,
      final BigInteger[] xp,
      final BigInteger amp,
      final long aPrec,
      final boolean strict) {
    final BigInteger nc = BigInteger.valueOf(xp.length);
    final BigInteger ap = BigInteger.valueOf(aPrec);
    final BigInteger d = getD(xp, amp, aPrec, strict);
    BigInteger cc = d;
    BigInteger s = BigInteger.ZERO;
    final BigInteger ann = c(amp.multiply(nc));
    for (int k = 0; k < xp.length; k++) {
      BigInteger xk;
      if (k == i) {
        xk = x;
      } else if (k != j) {
        xk = xp[k];
      } else {
        continue;
      }
      s = c(s.add(xk));
      cc = div(c(cc.multiply(d)), c(xk.multiply(nc)));
    }
    cc = div(c(c(cc.multiply(d)).multiply(ap)), c(ann.multiply(nc)));
    final BigInteger b = c(s.add(div(c(d.multiply(ap)), ann)));
    BigInteger y = d;
    for (int k = 0; k < 255; k++) {
      final BigInteger yPrev = y;
      y = div(c(c(y.multiply(y)).add(cc)), c(c(c(BigInteger.TWO.multiply(y)).add(b)).subtract(d)));
      if (y.subtract(yPrev).abs().compareTo(BigInteger.ONE) <= 0) {
        return y;
      }
    }
    if (strict) {
      throw new Revert("get_y did not converge");
    }
    return y;
  }

  /**
   * The output of {@code dx}: what {@code exchange()} pays (fee in xp units before the rate) unless
   * {@code legacyView}, which gives 3pool's {@code get_dy} view (fee after the rate) for legacy
   * pools.
   */
  static BigInteger getDy(
      final BigInteger[] balances,
      final BigInteger[] rates,
      final BigInteger amp,
      final BigInteger fee,
      final boolean factory,
      final int i,
      final int j,
      final BigInteger dx,
      final boolean legacyView) {
    final long aPrec = factory ? 100 : 1;
    final BigInteger[] xp = xp(balances, rates);
    final BigInteger x = c(xp[i].add(c(dx.multiply(rates[i])).divide(PRECISION)));
    final BigInteger y = getY(i, j, x, xp, amp, aPrec, factory);
    if (factory || !legacyView) {
      final BigInteger dy = c(c(xp[j].subtract(y)).subtract(BigInteger.ONE));
      final BigInteger f = c(fee.multiply(dy)).divide(FEE_DENOMINATOR);
      return div(c(c(dy.subtract(f)).multiply(PRECISION)), rates[j]);
    }
    final BigInteger dy =
        div(c(c(c(xp[j].subtract(y)).subtract(BigInteger.ONE)).multiply(PRECISION)), rates[j]);
    final BigInteger f = c(fee.multiply(dy)).divide(FEE_DENOMINATOR);
    return c(dy.subtract(f));
  }
}
