package io.sextant.portfolio.breaker;

/**
 * Trips a pool when {@code |poolPrice / referencePrice − 1| > maxDeviation} (e.g. the pool against
 * an oracle or the cross-venue median).
 */
public final class PriceDeviationBreaker {
  private final double maxDeviation;
  private final boolean[] tripped;
  private final BreakerListener listener;

  /**
   * @param pools number of pools
   * @param maxDeviation relative threshold, e.g. 0.02 for 2%
   * @param listener receives trips
   */
  public PriceDeviationBreaker(
      final int pools, final double maxDeviation, final BreakerListener listener) {
    this.maxDeviation = maxDeviation;
    this.tripped = new boolean[pools];
    this.listener = listener;
  }

  /** Checks one observation; returns whether the pool is (now or still) tripped. */
  public boolean check(
      final long sequence, final int pool, final double poolPrice, final double referencePrice) {
    final double deviation = Math.abs(poolPrice / referencePrice - 1.0);
    // NaN deviation (zero or missing reference) trips: a breaker fails closed.
    if (!tripped[pool] && !(deviation <= maxDeviation)) {
      tripped[pool] = true;
      listener.onTrip(
          new BreakerTrip(sequence, pool, BreakerKind.PRICE_DEVIATION, deviation, maxDeviation));
    }
    return tripped[pool];
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
