package io.sextant.portfolio.rebalance;

/**
 * How the cost-aware rebalancer trades off tracking error against execution cost.
 *
 * <p>It minimises {@code cost(t)/V + aversion · horizon · (w' − w*)ᵀ Σ (w' − w*)} over the trade
 * vector t, where {@code Σ} is the covariance of per-step returns, so the second term is the
 * tracking variance the portfolio would carry for {@code horizon} steps if it did not trade.
 *
 * @param aversion tracking-error aversion λ (dimensionless, > 0): larger trades more
 * @param horizonSteps steps over which a deviation is expected to persist, > 0
 * @param trigger no-trade region: nothing trades while the tracking error {@code √((w − w*)ᵀΣ(w −
 *     w*))} is at most this, per √step
 * @param turnoverCap maximum {@code Σ|t_i| / V} per decision (both legs of a trade against the
 *     quote asset count once, on the non-quote side); {@code +∞} for none
 * @param maxImpactPerStep largest average price impact (above size-independent fees) one child
 *     trade may take; a larger trade is split into equal children over successive steps
 * @param maxChildren upper limit on the number of children of one trade
 * @param maxGasShare largest gas a trade may pay as a fraction of its notional (smaller trades are
 *     not worth their gas)
 */
public record RebalanceSettings(
    double aversion,
    double horizonSteps,
    double trigger,
    double turnoverCap,
    double maxImpactPerStep,
    int maxChildren,
    double maxGasShare) {

  /** Validates the values. */
  public RebalanceSettings {
    if (!(aversion > 0) || !Double.isFinite(aversion)) {
      throw new IllegalArgumentException("aversion must be > 0: " + aversion);
    }
    if (!(horizonSteps > 0)) {
      throw new IllegalArgumentException("horizonSteps must be > 0: " + horizonSteps);
    }
    if (!(trigger >= 0)) {
      throw new IllegalArgumentException("trigger must be >= 0: " + trigger);
    }
    if (!(turnoverCap > 0)) {
      throw new IllegalArgumentException("turnoverCap must be > 0: " + turnoverCap);
    }
    if (!(maxImpactPerStep > 0)) {
      throw new IllegalArgumentException("maxImpactPerStep must be > 0: " + maxImpactPerStep);
    }
    if (!(maxGasShare > 0)) {
      throw new IllegalArgumentException("maxGasShare must be > 0: " + maxGasShare);
    }
    if (maxChildren < 1) {
      throw new IllegalArgumentException("maxChildren must be >= 1: " + maxChildren);
    }
  }
}
