package io.sextant.solver.portfolio;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.portfolio.config.PortfolioSpec;
import io.sextant.portfolio.rebalance.AssetMarket;
import io.sextant.portfolio.rebalance.RebalancePlanner;
import io.sextant.portfolio.rebalance.RouterCostModel;
import io.sextant.portfolio.rebalance.TradeRouter;
import io.sextant.routing.split.SplitRouter;
import java.util.List;

/**
 * A portfolio wired to an auction's liquidity: the asset market, one split router, the cost model
 * sampling it and the trade router. What {@code rebalance}, {@code backtest} and the benchmark
 * share. Cold path; not thread-safe.
 *
 * @param spec the portfolio
 * @param assets its assets on the market
 * @param router the split router
 * @param costs cost curves sampled from the router
 * @param trades the trade router
 * @param addresses address of every market token number
 */
public record PortfolioSession(
    PortfolioSpec spec,
    AssetMarket assets,
    SplitRouter router,
    RouterCostModel costs,
    TradeRouter trades,
    List<String> addresses) {

  /** Wires {@code spec} to {@code auction}. */
  public static PortfolioSession of(final PortfolioSpec spec, final CowAuction auction) {
    final CowMarket market = CowMarket.of(auction);
    final AssetMarket assets = PortfolioMarkets.of(spec, auction, market);
    final SplitRouter router = new SplitRouter(market.market());
    final RouterCostModel costs =
        new RouterCostModel(
            assets,
            router,
            RouterCostModel.geometric(
                spec.execution().sampleMin(),
                spec.execution().sampleMax(),
                spec.execution().sampleCount()));
    return new PortfolioSession(
        spec, assets, router, costs, new TradeRouter(assets, router), market.addresses());
  }

  /** A market token's asset symbol, or its address when it is not a portfolio asset. */
  public String label(final int marketToken) {
    for (int i = 0; i < assets.size(); i++) {
      if (assets.tokens()[i] == marketToken) {
        return assets.symbols()[i];
      }
    }
    return addresses.get(marketToken);
  }

  /** A planner over this session. */
  public RebalancePlanner planner() {
    return new RebalancePlanner(spec, assets, costs, trades);
  }

  /** Samples every asset's curves now (both directions), so later plans hit the cache. */
  public void sampleAllCurves() {
    for (int i = 0; i < assets.size(); i++) {
      costs.curve(i, true);
      costs.curve(i, false);
    }
  }
}
