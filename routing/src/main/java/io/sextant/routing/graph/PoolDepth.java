package io.sextant.routing.graph;

import io.sextant.routing.split.SwapCurve;

/**
 * Liquidity of each pool direction in reference-price terms: the native value (wei) of the input
 * that moves the marginal rate down by 1% — for a constant-product pool about 0.5% of its input
 * reserve. Valued by the input token's reference price, else by the output token's at the pool's
 * spot rate; {@code +∞} where neither has one (such hops are never pruned).
 */
public final class PoolDepth {
  private PoolDepth() {}

  /** Position of (pool, in, out) in the array {@link #of} returns. */
  public static int index(final RoutingMarket m, final int pool, final int in, final int out) {
    return pool * 64 + in * 8 + out;
  }

  /** Depths of every pool direction of {@code market}; reads the pools' current state. */
  public static double[] of(final RoutingMarket market) {
    final double[] d = new double[market.poolCount() * 64];
    for (int p = 0; p < market.poolCount(); p++) {
      final int[] toks = market.poolTokens(p);
      for (int i = 0; i < toks.length; i++) {
        for (int j = 0; j < toks.length; j++) {
          final SwapCurve c = market.curve(p, i, j);
          if (c == null) {
            continue;
          }
          final double spot = c.spot();
          final double a = spot > 0.0 ? c.inputForMarginal(0.99 * spot) : 0.0;
          // Valued by the input token, else by the output token at the pool's own rate.
          double price = market.referencePrice(toks[i]);
          if (!(price > 0.0)) {
            final double po = market.referencePrice(toks[j]);
            price = po > 0.0 ? po * spot : Double.NaN;
          }
          d[index(market, p, i, j)] = price > 0.0 ? a * price : Double.POSITIVE_INFINITY;
        }
      }
    }
    return d;
  }
}
