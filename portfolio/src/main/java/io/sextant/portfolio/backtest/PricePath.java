package io.sextant.portfolio.backtest;

/**
 * Prices over time for a backtest, per step and asset: the reference price (what the portfolio is
 * valued at, e.g. an oracle or CEX mid), the pool price (where on-chain trades execute; breakers
 * compare the two) and a liquidity factor (1 = the pools as in the snapshot the cost curves were
 * sampled on). Prices are quote units per whole token.
 *
 * @param reference reference price [step][asset]
 * @param pool pool price [step][asset]
 * @param liquidity liquidity factor [step][asset], > 0
 */
public record PricePath(double[][] reference, double[][] pool, double[][] liquidity) {

  /** Checks shapes and values. */
  public PricePath {
    if (reference.length < 2) {
      throw new IllegalArgumentException("a path needs at least 2 steps");
    }
    if (pool.length != reference.length || liquidity.length != reference.length) {
      throw new IllegalArgumentException("reference, pool and liquidity differ in length");
    }
  }

  /** Number of steps. */
  public int steps() {
    return reference.length;
  }

  /** Number of assets. */
  public int assets() {
    return reference[0].length;
  }
}
