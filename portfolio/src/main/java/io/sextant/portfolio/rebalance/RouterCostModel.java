package io.sextant.portfolio.rebalance;

import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.split.SplitRouter;

/**
 * Cost curves sampled from the split router's exact output: for each asset and direction, the
 * router routes the trade against the quote asset at each sample notional (exact input), and the
 * cost is the notional minus the output's value at reference prices, plus gas of the pools used.
 * The curve is fitted ({@link CostCurve#fit}) and cached per asset, direction and market state: a
 * caller that changes the pools' state calls {@link #marketState} with a new stamp, and curves are
 * resampled lazily on the next request. Not thread-safe (one router).
 */
public final class RouterCostModel implements ExecutionCostModel {
  private final AssetMarket assets;
  private final SplitRouter router;
  private final double[] sampleNotionals;
  private final CostCurve[] cache;
  private final long[] cachedState;
  private final RoutePlan plan = new RoutePlan();
  private final UInt256 amount = new UInt256();
  private long state;
  private int routes;

  /**
   * @param assets the assets on their market
   * @param router a router over {@code assets.market()}
   * @param sampleNotionals notionals to sample, ascending, numeraire
   */
  public RouterCostModel(
      final AssetMarket assets, final SplitRouter router, final double[] sampleNotionals) {
    if (sampleNotionals.length < 2) {
      throw new IllegalArgumentException("need at least two sample notionals");
    }
    for (int i = 1; i < sampleNotionals.length; i++) {
      if (!(sampleNotionals[i] > sampleNotionals[i - 1]) || !(sampleNotionals[0] > 0)) {
        throw new IllegalArgumentException("sample notionals must be positive and ascending");
      }
    }
    this.assets = assets;
    this.router = router;
    this.sampleNotionals = sampleNotionals.clone();
    this.cache = new CostCurve[assets.size() * 2];
    this.cachedState = new long[assets.size() * 2];
  }

  /** Geometric sample notionals from {@code min} to {@code max}, {@code count} of them. */
  public static double[] geometric(final double min, final double max, final int count) {
    final double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = min * Math.pow(max / min, i / (double) (count - 1));
    }
    return x;
  }

  /** Declares the market's state; curves sampled under another stamp are resampled when asked. */
  public RouterCostModel marketState(final long stamp) {
    state = stamp;
    return this;
  }

  /** Number of routes computed so far (for reports and tests of the cache). */
  public int routesComputed() {
    return routes;
  }

  @Override
  public CostCurve curve(final int asset, final boolean buy) {
    if (asset == assets.quote()) {
      return CostCurve.free();
    }
    final int k = asset * 2 + (buy ? 1 : 0);
    if (cache[k] == null || cachedState[k] != state) {
      cache[k] = sample(asset, buy);
      cachedState[k] = state;
    }
    return cache[k];
  }

  private CostCurve sample(final int asset, final boolean buy) {
    final int q = assets.quote();
    final int sell = buy ? q : asset;
    final int get = buy ? asset : q;
    final double[] fractions = new double[sampleNotionals.length];
    double gas = 0;
    int gasSamples = 0;
    for (int s = 0; s < sampleNotionals.length; s++) {
      final double notional = sampleNotionals[s];
      final double units = Math.floor(notional / assets.prices()[sell] * assets.unit(sell));
      if (!(units >= 1)) {
        fractions[s] = 0;
        continue;
      }
      amount.setDouble(units);
      final double inValue = units / assets.unit(sell) * assets.prices()[sell];
      router.route(
          assets.tokens()[sell],
          assets.tokens()[get],
          true,
          amount,
          assets.maxHops(),
          assets.gasPriceWei(),
          plan);
      routes++;
      if (!plan.ok()) {
        fractions[s] = 1.0;
        continue;
      }
      final double outValue = plan.amountOut.toDouble() / assets.unit(get) * assets.prices()[get];
      fractions[s] = (inValue - outValue) / inValue;
      gas += assets.gasCost(plan.gasUnits());
      gasSamples++;
    }
    return CostCurve.fit(gasSamples == 0 ? 0 : gas / gasSamples, sampleNotionals, fractions);
  }
}
