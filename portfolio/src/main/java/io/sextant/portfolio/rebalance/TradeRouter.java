package io.sextant.portfolio.rebalance;

import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.split.SplitRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes a decision's child trades through the split router, exact input, each against the quote
 * asset: sells first (asset → quote), then buys (quote → asset). Every trade is routed from the
 * market's current state (the router undoes its legs), so two trades through one pool are not
 * netted against each other. Cold path. Not thread-safe.
 */
public final class TradeRouter {
  private final AssetMarket assets;
  private final SplitRouter router;
  private final RoutePlan plan = new RoutePlan();
  private final UInt256 amount = new UInt256();

  /** A router of trades over {@code assets} using {@code router}. */
  public TradeRouter(final AssetMarket assets, final SplitRouter router) {
    this.assets = assets;
    this.router = router;
  }

  /**
   * Routes the non-zero entries of {@code trades} (numeraire, positive to buy), skipping the quote
   * asset's balancing entry and any {@code |trade| < minNotional}.
   */
  public List<RoutedTrade> route(final double[] trades, final double minNotional) {
    final List<RoutedTrade> out = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      final boolean buys = pass == 1;
      for (int i = 0; i < trades.length; i++) {
        if (i == assets.quote() || Math.abs(trades[i]) < minNotional || (trades[i] > 0) != buys) {
          continue;
        }
        out.add(route(i, buys, Math.abs(trades[i])));
      }
    }
    return out;
  }

  /** Routes one trade of {@code notional} (numeraire) of {@code asset}. */
  public RoutedTrade route(final int asset, final boolean buy, final double notional) {
    final int q = assets.quote();
    final int sell = buy ? q : asset;
    final int get = buy ? asset : q;
    final double units = Math.floor(notional / assets.prices()[sell] * assets.unit(sell));
    if (!(units >= 1)) {
      return failed(asset, buy, notional, "amount rounds to zero base units");
    }
    amount.setDouble(units);
    router.route(
        assets.tokens()[sell],
        assets.tokens()[get],
        true,
        amount,
        assets.maxHops(),
        assets.gasPriceWei(),
        plan);
    if (!plan.ok()) {
      return failed(asset, buy, notional, plan.error());
    }
    final List<RouteLeg> legs = new ArrayList<>(plan.legCount());
    for (int l = 0; l < plan.legCount(); l++) {
      final int p = plan.legPool(l);
      final int[] toks = assets.market().poolTokens(p);
      legs.add(
          new RouteLeg(
              assets.market().poolId(p),
              toks[plan.legTokenIn(l)],
              toks[plan.legTokenOut(l)],
              plan.legAmountIn(l).toString(),
              plan.legAmountOut(l).toString()));
    }
    final double inValue = plan.amountIn.toDouble() / assets.unit(sell) * assets.prices()[sell];
    final double outValue = plan.amountOut.toDouble() / assets.unit(get) * assets.prices()[get];
    return new RoutedTrade(
        asset,
        buy,
        inValue,
        plan.amountIn.toString(),
        plan.amountOut.toString(),
        plan.split(),
        plan.gasUnits(),
        inValue - outValue,
        assets.gasCost(plan.gasUnits()),
        List.copyOf(legs),
        null);
  }

  private static RoutedTrade failed(
      final int asset, final boolean buy, final double notional, final String why) {
    return new RoutedTrade(asset, buy, notional, "0", "0", false, 0, 0, 0, List.of(), why);
  }
}
