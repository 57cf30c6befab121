package io.sextant.routing.graph;

import io.sextant.routing.split.SwapCurve;

/**
 * Liquidity of each pool direction in reference-price terms: the native value (wei) of the input
 * that moves the marginal rate down by 1% — for a constant-product pool about 0.5% of its input
 * reserve. {@code +∞} where the input token has no reference price (such hops are never pruned).
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
          final double price = market.referencePrice(toks[i]);
          if (Double.isNaN(price)) {
            d[index(market, p, i, j)] = Double.POSITIVE_INFINITY;
            continue;
          }
          final double spot = c.spot();
          final double a = spot > 0.0 ? c.inputForMarginal(0.99 * spot) : 0.0;
          d[index(market, p, i, j)] = a * price;
        }
      }
    }
    return d;
  }
}
