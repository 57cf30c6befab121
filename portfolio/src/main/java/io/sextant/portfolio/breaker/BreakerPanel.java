package io.sextant.portfolio.breaker;

/**
 * The three breakers over a set of assets (one "pool" per asset: the asset's pool price against the
 * quote asset), with re-arming: a tripped asset is re-armed after {@code rearmSteps} consecutive
 * calm observations, calm meaning half-way back from the threshold (deviation at most half the
 * maximum; volatility ratio at most {@code (1 + multiple)/2}; liquidity ratio at least {@code (1 +
 * minFraction)/2}).
 *
 * <p>A price-deviation or liquidity trip always halts the asset: no trade at a dislocated price or
 * into a collapsed pool. A volatility trip halts it or de-risks it, as configured. Every trip goes
 * to the listener. Not thread-safe.
 */
public final class BreakerPanel {
  private final BreakerSettings settings;
  private final PriceDeviationBreaker deviation;
  private final VolatilityJumpBreaker volatility;
  private final LiquidityCollapseBreaker liquidity;
  private final int[] calm;
  private int trips;

  /**
   * @param assets number of assets
   * @param settings thresholds
   * @param listener receives every trip
   */
  public BreakerPanel(
      final int assets, final BreakerSettings settings, final BreakerListener listener) {
    this.settings = settings;
    final BreakerListener counting =
        trip -> {
          trips++;
          listener.onTrip(trip);
        };
    this.deviation = new PriceDeviationBreaker(assets, settings.maxDeviation(), counting);
    this.volatility =
        new VolatilityJumpBreaker(
            assets,
            settings.volFastLambda(),
            settings.volSlowLambda(),
            settings.volMultiple(),
            settings.volWarmup(),
            counting);
    this.liquidity =
        new LiquidityCollapseBreaker(
            assets, settings.liquidityLambda(), settings.liquidityMinFraction(), counting);
    this.calm = new int[assets];
  }

  /**
   * Folds in one observation of {@code asset}: its pool price and reference price (same units) and
   * a liquidity measure (NaN when unknown: the liquidity breaker is skipped).
   */
  public void observe(
      final long sequence,
      final int asset,
      final double poolPrice,
      final double referencePrice,
      final double liquidityMeasure) {
    final boolean wasTripped = tripped(asset);
    final double dev = Math.abs(poolPrice / referencePrice - 1.0);
    deviation.check(sequence, asset, poolPrice, referencePrice);
    volatility.onPrice(sequence, asset, poolPrice);
    double liqRatio = 1.0;
    if (!Double.isNaN(liquidityMeasure)) {
      final double avg = liquidity.average(asset);
      liqRatio = avg > 0 ? liquidityMeasure / avg : 1.0;
      liquidity.onLiquidity(sequence, asset, liquidityMeasure);
    }
    if (!wasTripped) {
      calm[asset] = 0;
      return;
    }
    final double slow = volatility.slowVolatility(asset);
    final double volRatio = slow > 0 ? volatility.fastVolatility(asset) / slow : 1.0;
    final boolean isCalm =
        dev <= settings.maxDeviation() / 2
            && volRatio <= (1 + settings.volMultiple()) / 2
            && liqRatio >= (1 + settings.liquidityMinFraction()) / 2;
    calm[asset] = isCalm ? calm[asset] + 1 : 0;
    if (calm[asset] >= settings.rearmSteps()) {
      deviation.reset(asset);
      volatility.reset(asset);
      liquidity.reset(asset);
      calm[asset] = 0;
    }
  }

  /** Whether any breaker of the asset is tripped. */
  public boolean tripped(final int asset) {
    return deviation.tripped(asset) || volatility.tripped(asset) || liquidity.tripped(asset);
  }

  /** Whether the asset must not trade now. */
  public boolean halted(final int asset) {
    return deviation.tripped(asset)
        || liquidity.tripped(asset)
        || (volatility.tripped(asset)
            && settings.volatilityAction() == BreakerSettings.VolatilityAction.HALT);
  }

  /** Whether the asset's target is to be cut (volatility trip with the de-risk action). */
  public boolean deRisk(final int asset) {
    return volatility.tripped(asset)
        && settings.volatilityAction() == BreakerSettings.VolatilityAction.DERISK;
  }

  /**
   * Applies de-risking to {@code target} in place: each de-risked asset's weight is cut by {@code
   * deriskFraction} and the cut moved to {@code quote}.
   */
  public void applyDeRisk(final double[] target, final int quote) {
    for (int i = 0; i < target.length; i++) {
      if (i != quote && deRisk(i)) {
        final double cut = target[i] * settings.deriskFraction();
        target[i] -= cut;
        target[quote] += cut;
      }
    }
  }

  /** Number of trips so far. */
  public int trips() {
    return trips;
  }

  /** The thresholds. */
  public BreakerSettings settings() {
    return settings;
  }
}
