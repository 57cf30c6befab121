package io.sextant.portfolio.breaker;

/**
 * Trips a pool when its fast realised volatility exceeds {@code multiple} times its slow average.
 * Both are EWMA of squared log returns of the pool price per observation, {@code σ²_fast} with
 * decay λ_fast (short memory) and {@code σ²_slow} with λ_slow (long memory); the ratio checked is
 * {@code σ_fast / σ_slow}, evaluated against the slow average from before the current return so
 * that a jump cannot hide by raising its own yardstick. No check during the first {@code warmup}
 * returns.
 */
public final class VolatilityJumpBreaker {
  private final double fastLambda;
  private final double slowLambda;
  private final double multiple;
  private final long warmup;
  private final double[] lastPrice;
  private final double[] fastVar;
  private final double[] slowVar;
  private final long[] count;
  private final boolean[] tripped;
  private final BreakerListener listener;

  /**
   * @param pools number of pools
   * @param fastLambda decay of the fast estimate, e.g. 0.8
   * @param slowLambda decay of the slow average, e.g. 0.99
   * @param multiple volatility ratio that trips, e.g. 3
   * @param warmup returns observed before checks start
   * @param listener receives trips
   */
  public VolatilityJumpBreaker(
      final int pools,
      final double fastLambda,
      final double slowLambda,
      final double multiple,
      final long warmup,
      final BreakerListener listener) {
    this.fastLambda = fastLambda;
    this.slowLambda = slowLambda;
    this.multiple = multiple;
    this.warmup = warmup;
    this.lastPrice = new double[pools];
    this.fastVar = new double[pools];
    this.slowVar = new double[pools];
    this.count = new long[pools];
    this.tripped = new boolean[pools];
    this.listener = listener;
  }

  /** Folds a new pool price in; returns whether the pool is tripped. */
  public boolean onPrice(final long sequence, final int pool, final double price) {
    final double last = lastPrice[pool];
    lastPrice[pool] = price;
    if (last == 0.0) {
      return tripped[pool];
    }
    final double r = Math.log(price / last);
    final double r2 = r * r;
    final long n = count[pool]++;
    if (n == 0) {
      fastVar[pool] = r2;
      slowVar[pool] = r2;
      return tripped[pool];
    }
    final double slowBefore = slowVar[pool];
    fastVar[pool] = fastLambda * fastVar[pool] + (1 - fastLambda) * r2;
    slowVar[pool] = slowLambda * slowBefore + (1 - slowLambda) * r2;
    if (n >= warmup && !tripped[pool] && slowBefore > 0) {
      final double ratio = Math.sqrt(fastVar[pool] / slowBefore);
      if (ratio > multiple) {
        tripped[pool] = true;
        listener.onTrip(
            new BreakerTrip(sequence, pool, BreakerKind.VOLATILITY_JUMP, ratio, multiple));
      }
    }
    return tripped[pool];
  }

  /** Fast realised volatility per √observation. */
  public double fastVolatility(final int pool) {
    return Math.sqrt(fastVar[pool]);
  }

  /** Slow average volatility per √observation. */
  public double slowVolatility(final int pool) {
    return Math.sqrt(slowVar[pool]);
  }

  /** Whether the pool is tripped. */
  public boolean tripped(final int pool) {
    return tripped[pool];
  }

  /** Re-arms the pool (its estimates are kept). */
  public void reset(final int pool) {
    tripped[pool] = false;
  }
}
