package io.sextant.routing.math;

/**
 * Floating-point companion of the StableSwap invariant (Curve pools and Balancer stable pools) for
 * the split optimiser: output, marginal rate and inverse marginal of one pair. Approximate by
 * design; exact amounts come from the pools' integer math.
 *
 * <p>Balances {@code xp} are in a common 18-decimal unit: Balancer {@code balance · scalingFactor /
 * 1e18}, Curve {@code balance · rate / 1e18}. {@code a} is the decimal amplification A (Balancer
 * stored value / 1000; Curve legacy stored value, factory stored value / 100); the invariant is
 * {@code A·n·S + D = A·n·D + D^(n+1)/(n^n·Π x)}.
 *
 * <p>Amounts are in base units: the input is converted with {@code inScale} (base → xp), the output
 * with {@code outScale}. {@code feeIn} is taken off the input (Balancer), {@code feeOut} off the
 * output (Curve); pass 0 for the other. Stateless and allocation-free.
 */
public final class StableSwapFloat {
  private StableSwapFloat() {}

  /** The invariant D of {@code xp[0..n)} by Newton iteration. */
  public static double invariant(final double[] xp, final int n, final double a) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += xp[k];
    }
    if (s == 0) {
      return 0;
    }
    final double ann = a * n;
    double d = s;
    for (int round = 0; round < 255; round++) {
      double dP = d;
      for (int k = 0; k < n; k++) {
        dP = dP * d / (xp[k] * n);
      }
      final double prev = d;
      d = (ann * s + dP * n) * d / ((ann - 1) * d + (n + 1) * dP);
      if (Math.abs(d - prev) <= 1e-15 * d) {
        break;
      }
    }
    return d;
  }

  /**
   * The balance of {@code j} that keeps {@code d} when {@code i}'s balance is {@code xi} and the
   * others are unchanged.
   */
  public static double balanceOut(
      final double[] xp,
      final int n,
      final double a,
      final double d,
      final int i,
      final double xi,
      final int j) {
    final double ann = a * n;
    final double c = productTerm(xp, n, ann, d, i, xi, j);
    final double b = othersSum(xp, n, i, xi, j) + d / ann;
    double y = d;
    for (int round = 0; round < 255; round++) {
      final double prev = y;
      y = (y * y + c) / (2 * y + b - d);
      if (Math.abs(y - prev) <= 1e-15 * y) {
        break;
      }
    }
    return y;
  }

  /**
   * {@code c = D^(n+1)/(n^n·Π' x·Ann)} of the invariant's quadratic in coin {@code j}'s balance,
   * the product over the other coins, {@code i}'s balance taken as {@code xi}.
   */
  private static double productTerm(
      final double[] xp,
      final int n,
      final double ann,
      final double d,
      final int i,
      final double xi,
      final int j) {
    double c = d;
    for (int k = 0; k < n; k++) {
      if (k != j) {
        c = c * d / ((k == i ? xi : xp[k]) * n);
      }
    }
    return c * d / (ann * n);
  }

  /**
   * {@code S'}: the sum of the balances other than coin {@code j}'s, {@code i}'s taken as {@code
   * xi}.
   */
  private static double othersSum(
      final double[] xp, final int n, final int i, final double xi, final int j) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      if (k != j) {
        s += k == i ? xi : xp[k];
      }
    }
    return s;
  }

  /**
   * {@link #balanceOut} without iterating: the positive root of the quadratic {@code y² + (b − D)·y
   * = c} (with {@code b = S' + D/Ann}, {@code c = D^(n+1)/(n^n·Π' x·Ann)}, the products and sums
   * over the coins other than {@code j}) that the contract's {@code get_y} iterates on, in the form
   * that does not cancel for either sign of {@code b − D}.
   */
  public static double balanceOutDirect(
      final double[] xp,
      final int n,
      final double a,
      final double d,
      final int i,
      final double xi,
      final int j) {
    final double ann = a * n;
    final double c = productTerm(xp, n, ann, d, i, xi, j);
    final double b = othersSum(xp, n, i, xi, j) + d / ann - d;
    final double disc = Math.sqrt(b * b + 4.0 * c);
    return b > 0.0 ? 2.0 * c / (b + disc) : 0.5 * (disc - b);
  }

  /**
   * {@code −dy/dx} of the invariant (xp units, no fees or scales) at the balances {@code xp} with
   * {@code i} at {@code xi} and {@code j} at {@code xj}: with {@code P = D^(n+1)/(n^n·Π x)} the
   * partial derivatives are {@code Ann + P/x_k}, so the slope is {@code (Ann + P/x_i) / (Ann +
   * P/x_j)}.
   */
  public static double slope(
      final double[] xp,
      final int n,
      final double a,
      final double d,
      final int i,
      final double xi,
      final int j,
      final double xj) {
    // D^(n+1) / (n^n Π x), built as the contract builds D_P to stay in range.
    double dP = d;
    for (int k = 0; k < n; k++) {
      final double x = k == i ? xi : k == j ? xj : xp[k];
      dP = dP * d / (x * n);
    }
    final double ann = a * n;
    return (ann + dP / xi) / (ann + dP / xj);
  }

  /** Output in base units of {@code j} for {@code amountIn} base units of {@code i}. */
  public static double output(
      final double[] xp,
      final int n,
      final double a,
      final int i,
      final int j,
      final double amountIn,
      final double inScale,
      final double outScale,
      final double feeIn,
      final double feeOut) {
    final double d = invariant(xp, n, a);
    final double dx = amountIn * (1 - feeIn) * inScale;
    final double y = balanceOut(xp, n, a, d, i, xp[i] + dx, j);
    return Math.max(0.0, (xp[j] - y) * (1 - feeOut) / outScale);
  }

  /**
   * Marginal output per unit of input at input {@code amountIn}, from implicit differentiation:
   * {@code dy/dx = (Ann + D^(n+1)/(n^n·Π·x_i)) / (Ann + D^(n+1)/(n^n·Π·x_j))} at the post-trade
   * balances, times fees and scales.
   */
  public static double marginal(
      final double[] xp,
      final int n,
      final double a,
      final int i,
      final int j,
      final double amountIn,
      final double inScale,
      final double outScale,
      final double feeIn,
      final double feeOut) {
    final double d = invariant(xp, n, a);
    final double xi = xp[i] + amountIn * (1 - feeIn) * inScale;
    final double xj = balanceOut(xp, n, a, d, i, xi, j);
    return slope(xp, n, a, d, i, xi, j, xj) * (1 - feeIn) * (1 - feeOut) * inScale / outScale;
  }

  /**
   * The input (base units) at which the marginal falls to {@code lambda}, by bisection on [0,
   * {@code maxInput}]; 0 if even the first unit is worth less, {@code maxInput} if the marginal
   * stays above {@code lambda}.
   */
  public static double inputAtMarginal(
      final double[] xp,
      final int n,
      final double a,
      final int i,
      final int j,
      final double lambda,
      final double maxInput,
      final double inScale,
      final double outScale,
      final double feeIn,
      final double feeOut) {
    if (marginal(xp, n, a, i, j, 0, inScale, outScale, feeIn, feeOut) <= lambda) {
      return 0.0;
    }
    if (marginal(xp, n, a, i, j, maxInput, inScale, outScale, feeIn, feeOut) >= lambda) {
      return maxInput;
    }
    double lo = 0;
    double hi = maxInput;
    for (int k = 0; k < 100 && hi - lo > 1e-12 * hi; k++) {
      final double mid = 0.5 * (lo + hi);
      if (marginal(xp, n, a, i, j, mid, inScale, outScale, feeIn, feeOut) > lambda) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
