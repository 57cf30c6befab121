package io.sextant.routing.split;

import io.sextant.routing.math.limitorder.ForeignLimitOrderPool;

/** A foreign limit order: linear at {@code maker/taker} up to the taker amount. */
public final class LimitOrderSwapCurve extends SwapCurve {
  private final ForeignLimitOrderPool pool;
  private double rate;
  private double cap;

  /** The order's only direction (taker token in, maker token out). */
  public LimitOrderSwapCurve(final ForeignLimitOrderPool pool) {
    this.pool = pool;
    refresh();
  }

  @Override
  public void refresh() {
    cap = pool.takerAmount().toDouble();
    rate = cap > 0.0 ? pool.makerAmount().toDouble() / cap : 0.0;
  }

  @Override
  public double output(final double a) {
    return rate * Math.min(Math.max(a, 0.0), cap);
  }

  @Override
  public double capacity() {
    return cap;
  }

  @Override
  public double marginal(final double a) {
    return a < cap ? rate : 0.0;
  }

  @Override
  public double inputForMarginal(final double rho) {
    return rate > rho ? cap : 0.0;
  }
}
