package io.sextant.routing.split;

import io.sextant.routing.math.StableSwapFloat;
import io.sextant.routing.math.balancer.BalancerStablePool;

/**
 * A Balancer stable pool between two of its tokens, by the StableSwap invariant in {@code double}
 * on upscaled balances ({@code Ann = A·n} as in Balancer's {@code StableMath}); the new balance of
 * the output token solves the invariant's quadratic directly ({@link
 * StableSwapFloat#balanceOutDirect}). The invariant is {@link StableSwapFloat#invariant}. The
 * marginal is in closed form; its inverse is the default root finder.
 */
public final class StableSwapCurve extends SwapCurve {
  private final BalancerStablePool pool;
  private final int in;
  private final int out;
  private final double[] xp = new double[BalancerStablePool.MAX_REGISTERED];
  private int n;
  private int inK;
  private int outK;
  private double sfIn;
  private double sfOut;
  private double amp;
  private double d;
  private double gamma;
  private double cap;

  /** The curve selling registered token {@code in} of {@code pool} for token {@code out}. */
  public StableSwapCurve(final BalancerStablePool pool, final int in, final int out) {
    this.pool = pool;
    this.in = in;
    this.out = out;
    refresh();
  }

  @Override
  public void refresh() {
    n = 0;
    for (int i = 0; i < pool.tokenCount(); i++) {
      if (i == pool.bptIndex()) {
        continue;
      }
      if (i == in) {
        inK = n;
      }
      if (i == out) {
        outK = n;
      }
      xp[n++] = pool.balance(i).toDouble() * (pool.scalingFactor(i).toDouble() / 1e18);
    }
    sfIn = pool.scalingFactor(in).toDouble() / 1e18;
    sfOut = pool.scalingFactor(out).toDouble() / 1e18;
    final double a = pool.amplification().toDouble() / 1000.0;
    amp = a;
    gamma = 1.0 - pool.swapFee().toDouble() / 1e18;
    d = StableSwapFloat.invariant(xp, n, a);
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      s += xp[i];
    }
    // Beyond ten times the pool's size the output is within a hair of the whole balance.
    cap = 10.0 * s / sfIn / gamma;
  }

  private double newBalanceOut(final double newIn) {
    return StableSwapFloat.balanceOutDirect(xp, n, amp, d, inK, newIn, outK);
  }

  @Override
  public double output(final double a) {
    final double x = Math.min(Math.max(a, 0.0), cap);
    if (x == 0.0) {
      return 0.0;
    }
    final double o = (xp[outK] - newBalanceOut(xp[inK] + gamma * x * sfIn)) / sfOut;
    return Math.max(o, 0.0);
  }

  @Override
  public double capacity() {
    return cap;
  }

  /**
   * Marginal rate in closed form ({@link StableSwapFloat#slope}): with {@code P = D^(n+1) / (n^n Π
   * x_i)} at the balances after the trade, the invariant's partial derivatives are {@code Ann +
   * P/x_k}, so {@code −dy/dx = (Ann + P/x_in) / (Ann + P/y_out)} in upscaled units, times the fee
   * factor and the scaling. One quadratic solve per call (a central difference needed two and lost
   * half the digits), which the inverse marginal's root finder calls at every step.
   */
  @Override
  public double marginal(final double a) {
    if (a >= cap) {
      return 0.0;
    }
    final double xIn = xp[inK] + gamma * Math.max(a, 0.0) * sfIn;
    final double yOut = newBalanceOut(xIn);
    if (!(yOut > 0.0)) {
      return 0.0;
    }
    final double rate = StableSwapFloat.slope(xp, n, amp, d, inK, xIn, outK, yOut);
    return gamma * sfIn / sfOut * rate;
  }
}
