package io.sextant.portfolio.backtest;

import io.sextant.portfolio.breaker.BreakerTrip;
import java.util.List;

/**
 * One strategy's backtest.
 *
 * @param name {@code cost-aware}, {@code calendar} or {@code threshold}
 * @param trackingError annualised RMS of the per-step return difference against the frictionless
 *     target portfolio
 * @param costs slippage + gas per year as a fraction of average portfolio value
 * @param turnover traded value per year as a multiple of portfolio value (one side of each trade)
 * @param maxDrawdown largest peak-to-trough fall of equity, fraction
 * @param breakerTrips breaker trips over the path
 * @param trips the trips, in order (sequence = step, pool = asset)
 * @param equity portfolio value after each step's trades
 * @param cumulativeCosts costs paid up to each step, quote units
 * @param cumulativeTurnover turnover (fraction of value) up to each step
 * @param executions every executed trade
 * @param riskContributions final per-asset contributions to variance (sum = variance per step)
 */
public record StrategyResult(
    String name,
    double trackingError,
    double costs,
    double turnover,
    double maxDrawdown,
    int breakerTrips,
    List<BreakerTrip> trips,
    double[] equity,
    double[] cumulativeCosts,
    double[] cumulativeTurnover,
    List<Execution> executions,
    double[] riskContributions) {

  /**
   * One executed trade.
   *
   * @param step path step
   * @param asset asset traded against the quote asset
   * @param notional value, positive for a buy, quote units
   * @param cost slippage + gas
   * @param deviation {@code |pool/reference − 1|} of the asset when it executed
   */
  public record Execution(int step, int asset, double notional, double cost, double deviation) {}

  /** Tracking error plus costs, the figure strategies are compared on. */
  public double score() {
    return trackingError + costs;
  }

  /** Drawdown series. */
  public double[] drawdown() {
    final double[] d = new double[equity.length];
    double peak = 0;
    for (int t = 0; t < equity.length; t++) {
      peak = Math.max(peak, equity[t]);
      d[t] = peak > 0 ? equity[t] / peak - 1 : 0;
    }
    return d;
  }
}
