package io.sextant.portfolio.rebalance;

import java.util.List;

/**
 * One child trade routed by the split router on the market's current state.
 *
 * @param asset the asset bought or sold against the quote asset
 * @param buy true to buy the asset with the quote asset
 * @param notional value traded, numeraire at reference prices
 * @param amountIn base units of the sold token, exact
 * @param amountOut base units of the bought token, exact
 * @param split whether the plan came from the split optimiser (else the best single path)
 * @param gasUnits gas units of the pools used
 * @param slippage input value minus output value at reference prices, numeraire
 * @param gas gas cost, numeraire
 * @param legs the swaps in execution order
 * @param error why it could not be routed, or null
 */
public record RoutedTrade(
    int asset,
    boolean buy,
    double notional,
    String amountIn,
    String amountOut,
    boolean split,
    long gasUnits,
    double slippage,
    double gas,
    List<RouteLeg> legs,
    String error) {

  /** Whether the trade has a route. */
  public boolean ok() {
    return error == null;
  }

  /** Slippage plus gas, numeraire. */
  public double cost() {
    return slippage + gas;
  }
}
