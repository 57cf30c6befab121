package io.sextant.routing.split;

import io.sextant.routing.math.StableSwapFloat;
import io.sextant.routing.math.curve.CurveStableSwapPool;

/**
 * A Curve StableSwap plain pool between two of its coins, by the StableSwap invariant in {@code
 * double} on rate-scaled balances ({@code xp = balance · rate / 1e18}). The decimal amplification
 * is the stored value over the variant's {@code A_PRECISION} (1 for legacy pools, 100 for factory
 * pools), so {@code Ann = A·n} as in the contracts' {@code get_D} and {@code get_y}; the invariant
 * is {@link StableSwapFloat#invariant}. The new balance of the output coin solves the invariant's
 * quadratic directly.
 *
 * <p>Curve takes its fee off the output ({@code dy − fee·dy}, in xp units), so the output is the
 * fee-free output times {@code 1 − fee}, and the input enters the invariant in full. The fee-free
 * output is taken as {@code y(x_in) − y(x_in + dx)} rather than {@code xp_out − y(x_in + dx)}: the
 * first cancels the floating-point error of D to first order, which keeps small trades within 1e-9
 * of the exact pool. The marginal is in closed form; its inverse is the default root finder.
 */
public final class CurveSwapCurve extends SwapCurve {
  private final CurveStableSwapPool pool;
  private final int in;
  private final int out;
  private final double[] xp = new double[CurveStableSwapPool.MAX_COINS];
  private int n;
  private double scaleIn;
  private double scaleOut;
  private double amp;
  private double d;
  private double gamma;
  private double yOut0;
  private double cap;

  /** The curve selling coin {@code in} of {@code pool} for coin {@code out}. */
  public CurveSwapCurve(final CurveStableSwapPool pool, final int in, final int out) {
    this.pool = pool;
    this.in = in;
    this.out = out;
    refresh();
  }

  @Override
  public void refresh() {
    n = pool.tokenCount();
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      xp[i] = pool.balance(i).toDouble() * (pool.rate(i).toDouble() / 1e18);
      s += xp[i];
    }
    scaleIn = pool.rate(in).toDouble() / 1e18;
    scaleOut = pool.rate(out).toDouble() / 1e18;
    final double a = pool.amp().toDouble() / pool.variant().aPrecision();
    amp = a;
    gamma = 1.0 - pool.fee().toDouble() / CurveStableSwapPool.FEE_DENOMINATOR;
    d = StableSwapFloat.invariant(xp, n, a);
    yOut0 = newBalanceOut(xp[in]);
    // Beyond ten times the pool's size the output is within a hair of the whole balance.
    cap = 10.0 * s / scaleIn;
  }

  /** The output coin's xp balance that keeps D when the input coin's is {@code newIn}. */
  private double newBalanceOut(final double newIn) {
    return StableSwapFloat.balanceOutDirect(xp, n, amp, d, in, newIn, out);
  }

  @Override
  public double output(final double a) {
    final double x = Math.min(Math.max(a, 0.0), cap);
    if (x == 0.0) {
      return 0.0;
    }
    final double o = gamma * (yOut0 - newBalanceOut(xp[in] + x * scaleIn)) / scaleOut;
    return Math.max(o, 0.0);
  }

  @Override
  public double capacity() {
    return cap;
  }

  /**
   * Marginal rate in closed form ({@link StableSwapFloat#slope}): with {@code P = D^(n+1) / (n^n Π
   * x_i)} at the balances after the trade, the invariant's partial derivatives are {@code Ann +
   * P/x_k}, so {@code −dy/dx = (Ann + P/x_in) / (Ann + P/y_out)} in xp units; times the output-side
   * fee factor and the two rates.
   */
  @Override
  public double marginal(final double a) {
    if (a >= cap) {
      return 0.0;
    }
    final double xIn = xp[in] + Math.max(a, 0.0) * scaleIn;
    final double yOut = newBalanceOut(xIn);
    if (!(yOut > 0.0)) {
      return 0.0;
    }
    final double rate = StableSwapFloat.slope(xp, n, amp, d, in, xIn, out, yOut);
    return gamma * scaleIn / scaleOut * rate;
  }
}
