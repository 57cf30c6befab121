package io.sextant.portfolio.breaker;

/**
 * Trips a pool when its liquidity (any consistent measure: V3 active L, V2 √k, or depth in
 * numeraire) falls below {@code minFraction} of its EWMA average (decay λ), the average taken
 * before the current observation.
 */
public final class LiquidityCollapseBreaker {
  private final double lambda;
  private final double minFraction;
  private final double[] average;
  private final boolean[] tripped;
  private final BreakerListener listener;

  /**
   * @param pools number of pools
   * @param lambda decay of the average, e.g. 0.95
   * @param minFraction ratio to the average below which it trips, e.g. 0.5
   * @param listener receives trips
   */
  public LiquidityCollapseBreaker(
      final int pools,
      final double lambda,
      final double minFraction,
      final BreakerListener listener) {
    this.lambda = lambda;
    this.minFraction = minFraction;
    this.average = new double[pools];
    this.tripped = new boolean[pools];
    this.listener = listener;
  }

  /** Folds in a liquidity observation; returns whether the pool is tripped. */
  public boolean onLiquidity(final long sequence, final int pool, final double liquidity) {
    final double avg = average[pool];
    if (avg == 0.0) {
      average[pool] = liquidity;
      return tripped[pool];
    }
    final double ratio = liquidity / avg;
    if (!tripped[pool] && !(ratio >= minFraction)) {
      tripped[pool] = true;
      listener.onTrip(
          new BreakerTrip(sequence, pool, BreakerKind.LIQUIDITY_COLLAPSE, ratio, minFraction));
    }
    average[pool] = lambda * avg + (1 - lambda) * liquidity;
    return tripped[pool];
  }

  /** The pool's average liquidity. */
  public double average(final int pool) {
    return average[pool];
  }

  /** Whether the pool is tripped. */
  public boolean tripped(final int pool) {
    return tripped[pool];
  }

  /** Re-arms the pool. */
  public void reset(final int pool) {
    tripped[pool] = false;
  }
}
