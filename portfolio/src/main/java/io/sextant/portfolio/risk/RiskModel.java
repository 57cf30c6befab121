package io.sextant.portfolio.risk;

/**
 * Per-tick risk state of a fixed set of assets and a portfolio over them. A tick is a snapshot of
 * every asset's price (numeraire units per asset unit, sampled on a common clock); {@link
 * #onPrices} turns it into log returns, folds them into an {@link EwmaCovariance} and appends the
 * portfolio's return to a {@link ReturnWindow}. The update allocates nothing.
 *
 * <p>Portfolio return per tick is {@code Σ w_i r_i} with the weights set by {@link #weights}: a
 * first-order (log ≈ simple) aggregation, the usual one for short horizons. Not thread-safe.
 */
public final class RiskModel {
  private final int n;
  private final EwmaCovariance covariance;
  private final ReturnWindow window;
  private final double[] lastPrices;
  private final double[] returns;
  private final double[] weights;
  private boolean primed;

  /**
   * @param assets number of assets
   * @param lambda EWMA decay, e.g. {@link EwmaCovariance#RISK_METRICS_LAMBDA}
   * @param windowTicks length of the historical-VaR window, in ticks
   */
  public RiskModel(final int assets, final double lambda, final int windowTicks) {
    this.n = assets;
    this.covariance = new EwmaCovariance(assets, lambda);
    this.window = new ReturnWindow(windowTicks);
    this.lastPrices = new double[assets];
    this.returns = new double[assets];
    this.weights = new double[assets];
  }

  /** Sets the portfolio weights (fractions of value, length {@link #assets()}); copied. */
  public RiskModel weights(final double[] w) {
    System.arraycopy(w, 0, weights, 0, n);
    return this;
  }

  /**
   * Consumes one price snapshot (length {@link #assets()}, all prices &gt; 0). The first snapshot
   * only primes the previous prices. Returns the portfolio's return over the tick (0 when priming).
   */
  public double onPrices(final double[] prices) {
    if (!primed) {
      System.arraycopy(prices, 0, lastPrices, 0, n);
      primed = true;
      return 0.0;
    }
    double portfolio = 0.0;
    for (int i = 0; i < n; i++) {
      final double r = Math.log(prices[i] / lastPrices[i]);
      returns[i] = r;
      lastPrices[i] = prices[i];
      portfolio += weights[i] * r;
    }
    covariance.update(returns);
    window.add(portfolio);
    return portfolio;
  }

  /** Number of assets. */
  public int assets() {
    return n;
  }

  /** The EWMA covariance of per-tick log returns. */
  public EwmaCovariance covariance() {
    return covariance;
  }

  /** The rolling window of portfolio returns. */
  public ReturnWindow window() {
    return window;
  }

  /** EWMA portfolio volatility per √tick. */
  public double portfolioVolatility() {
    return Math.sqrt(Math.max(0.0, covariance.portfolioVariance(weights)));
  }

  /**
   * Gaussian (zero-mean) VaR over {@code horizonTicks} ticks from the EWMA portfolio volatility,
   * scaled by √horizon, as a positive return loss.
   */
  public double parametricVaR(final double confidence, final int horizonTicks) {
    return ValueAtRisk.gaussianVaR(
        0.0, portfolioVolatility() * Math.sqrt(horizonTicks), confidence);
  }

  /** Gaussian (zero-mean) CVaR over {@code horizonTicks} ticks, as a positive return loss. */
  public double parametricCVaR(final double confidence, final int horizonTicks) {
    return ValueAtRisk.gaussianCVaR(
        0.0, portfolioVolatility() * Math.sqrt(horizonTicks), confidence);
  }

  /** Historical one-tick VaR over the window, as a positive return loss. */
  public double historicalVaR(final double confidence) {
    return window.historicalVaR(confidence);
  }

  /** Historical one-tick CVaR over the window, as a positive return loss. */
  public double historicalCVaR(final double confidence) {
    return window.historicalCVaR(confidence);
  }
}
