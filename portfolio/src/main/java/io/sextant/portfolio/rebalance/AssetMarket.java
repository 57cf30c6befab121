package io.sextant.portfolio.rebalance;

import io.sextant.routing.graph.RoutingMarket;

/**
 * A portfolio's assets placed on a {@link RoutingMarket}: the market token of each asset, its
 * decimals, its reference price in the numeraire (the quote asset's units) per whole token, the
 * quote asset every trade goes through, and what gas costs. Cold path; immutable after construction
 * (the market's pools are not: the router restores them after every route).
 *
 * @param market the pools
 * @param tokens market token number of each asset
 * @param symbols label of each asset
 * @param decimals decimals of each asset
 * @param prices reference price of each asset, numeraire per whole token
 * @param quote the asset every trade is against (its price should be 1)
 * @param numerairePerWei value of one wei of gas in the numeraire
 * @param gasPriceWei gas price used for routing and costs, wei per gas unit
 * @param maxHops longest path the router considers
 */
public record AssetMarket(
    RoutingMarket market,
    int[] tokens,
    String[] symbols,
    int[] decimals,
    double[] prices,
    int quote,
    double numerairePerWei,
    double gasPriceWei,
    int maxHops) {

  /** Checks shapes. */
  public AssetMarket {
    final int n = tokens.length;
    if (symbols.length != n || decimals.length != n || prices.length != n) {
      throw new IllegalArgumentException("asset arrays differ in length");
    }
    if (quote < 0 || quote >= n) {
      throw new IllegalArgumentException("quote asset " + quote + " outside 0.." + (n - 1));
    }
    for (int i = 0; i < n; i++) {
      if (!(prices[i] > 0) || !Double.isFinite(prices[i])) {
        throw new IllegalArgumentException("price of " + symbols[i] + " must be > 0: " + prices[i]);
      }
    }
  }

  /** Number of assets. */
  public int size() {
    return tokens.length;
  }

  /** Base units per whole token of {@code asset}. */
  public double unit(final int asset) {
    return Math.pow(10, decimals[asset]);
  }

  /** Gas cost of {@code gasUnits}, numeraire. */
  public double gasCost(final long gasUnits) {
    return gasUnits * gasPriceWei * numerairePerWei;
  }
}
